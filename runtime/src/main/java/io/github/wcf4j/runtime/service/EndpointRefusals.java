package io.github.wcf4j.runtime.service;

import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.stack.Side;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.stack.Refusal;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything an endpoint's configuration asks for that wcf4j cannot run, found without opening anything: the
 * refusals of its binding on its side ({@link ChannelStackBuilder#refusals}) and those of the endpoint itself. The
 * service host and the client factory refuse to open on the first; {@code validate} and {@code describe} report them
 * all, per endpoint, from this same code.
 */
public final class EndpointRefusals {
    private final ChannelStackBuilder builder;

    public EndpointRefusals(ChannelStackBuilder builder) {
        this.builder = builder;
    }

    /** With the standard layer providers. */
    public static EndpointRefusals standard() {
        return new EndpointRefusals(ChannelStackBuilder.standard());
    }

    /** What a service endpoint asks for that a host cannot run; empty when it runs. */
    public List<Refusal> of(ServiceEndpoint endpoint) {
        return new ArrayList<>(builder.refusals(endpoint.binding(), Side.SERVICE));
    }

    /** What a client endpoint asks for that a proxy cannot run; empty when it runs. */
    public List<Refusal> of(ClientEndpoint endpoint) {
        return new ArrayList<>(builder.refusals(endpoint.binding(), Side.CLIENT));
    }
}
