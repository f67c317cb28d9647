package io.github.wcf4j.runtime.service;

import io.github.wcf4j.binding.stack.ChannelShape;
import java.net.URI;

/**
 * An endpoint a {@link ServiceHost} opened.
 *
 * @param name      the endpoint's name (or its address, as {@code describe} shows it)
 * @param contract  the contract's configuration name
 * @param address   the endpoint address messages are sent {@code To}
 * @param listenUri where it actually listens (with the real port when an ephemeral one was asked for)
 * @param shape     the channel shape its listener accepts
 */
public record HostedEndpoint(String name, String contract, URI address, URI listenUri, ChannelShape shape) {
}
