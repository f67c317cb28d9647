package io.github.wcf4j.runtime.channel;

/** A sessionful {@link InputChannel} (WCF {@code IInputSessionChannel}). */
public interface InputSessionChannel extends InputChannel, SessionChannel {
}
