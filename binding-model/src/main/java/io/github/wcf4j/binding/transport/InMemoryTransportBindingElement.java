package io.github.wcf4j.binding.transport;

import static io.github.wcf4j.binding.stack.ChannelShape.DUPLEX_SESSION;
import static io.github.wcf4j.binding.stack.ChannelShape.REPLY;
import static io.github.wcf4j.binding.stack.ChannelShape.REQUEST;

import io.github.wcf4j.binding.ArgumentChecks;
import io.github.wcf4j.binding.stack.ShapeRule;
import java.util.Set;

/**
 * wcf4j's in-process transport: messages cross an in-memory network instead of sockets, so every layer above can be
 * exercised deterministically, with fault injection and virtual time (no WCF counterpart; the analogue of gRPC's
 * in-process transport). The network itself is a runtime object supplied when the stack is built.
 *
 * @param maxReceivedMessageSize the largest message accepted (as for every transport)
 * @param mode                   whether it behaves like HTTP (request/reply) or like TCP (duplex session)
 */
public record InMemoryTransportBindingElement(long maxReceivedMessageSize, Mode mode) implements TransportBindingElement {

    /** The channel shapes the in-memory transport offers. */
    public enum Mode {
        /** {@code IRequestChannel}/{@code IReplyChannel}, like HTTP. */
        REQUEST_REPLY,
        /** {@code IDuplexSessionChannel} on both sides, like buffered TCP. */
        DUPLEX_SESSION
    }

    public InMemoryTransportBindingElement {
        ArgumentChecks.positive(maxReceivedMessageSize, "maxReceivedMessageSize");
        ArgumentChecks.notNull(mode, "mode");
    }

    /** A request/reply in-memory transport with WCF's default message size. */
    public static InMemoryTransportBindingElement requestReply() {
        return new InMemoryTransportBindingElement(DEFAULT_MAX_RECEIVED_MESSAGE_SIZE, Mode.REQUEST_REPLY);
    }

    /** A duplex-session in-memory transport with WCF's default message size. */
    public static InMemoryTransportBindingElement duplexSession() {
        return new InMemoryTransportBindingElement(DEFAULT_MAX_RECEIVED_MESSAGE_SIZE, Mode.DUPLEX_SESSION);
    }

    @Override
    public String scheme() {
        return "inmemory";
    }

    /** {@code <inMemoryTransport>}: the element's name in configuration (the one source of it). */
    public static final String CONFIG_NAME = "inMemoryTransport";

    @Override
    public String configName() {
        return CONFIG_NAME;
    }

    @Override
    public boolean manualAddressing() {
        return false;
    }

    @Override
    public long maxBufferPoolSize() {
        return DEFAULT_MAX_BUFFER_POOL_SIZE;
    }

    @Override
    public ShapeRule shapeRule() {
        return mode == Mode.REQUEST_REPLY
                ? ShapeRule.transport(Set.of(REQUEST), Set.of(REPLY))
                : ShapeRule.transport(Set.of(DUPLEX_SESSION), Set.of(DUPLEX_SESSION));
    }
}
