package io.github.wcf4j.binding.transport;

import static io.github.wcf4j.binding.stack.ChannelShape.DUPLEX_SESSION;
import static io.github.wcf4j.binding.stack.ChannelShape.REPLY;
import static io.github.wcf4j.binding.stack.ChannelShape.REQUEST;

import io.github.wcf4j.binding.ArgumentChecks;
import io.github.wcf4j.binding.stack.ShapeRule;
import java.time.Duration;
import java.util.Set;

/**
 * .NET Message Framing over TCP (WCF {@code TcpTransportBindingElement}, config {@code <tcpTransport>}).
 *
 * <p>The runtime runs buffered transfer ([MC-NMF] duplex sessions) and streamed transfer (the singleton mode); port
 * sharing is refused by name. Shapes: buffered builds only {@code IDuplexSessionChannel}; streamed builds
 * {@code IRequestChannel}/{@code IReplyChannel}.
 */
public record TcpTransportBindingElement(
        boolean manualAddressing,
        long maxBufferPoolSize,
        long maxReceivedMessageSize,
        int connectionBufferSize,
        HostNameComparisonMode hostNameComparisonMode,
        Duration channelInitializationTimeout,
        int maxBufferSize,
        int maxPendingConnections,
        Duration maxOutputDelay,
        int maxPendingAccepts,
        TransferMode transferMode,
        int listenBacklog,
        boolean portSharingEnabled,
        boolean teredoEnabled,
        TcpConnectionPoolSettings connectionPoolSettings) implements TransportBindingElement {

    /** {@code 8192}. */
    public static final int DEFAULT_CONNECTION_BUFFER_SIZE = 8192;
    /** {@code "00:00:30"}. */
    public static final Duration DEFAULT_CHANNEL_INITIALIZATION_TIMEOUT = Duration.ofSeconds(30);
    /** {@code "00:00:00.2"}. */
    public static final Duration DEFAULT_MAX_OUTPUT_DELAY = Duration.ofMillis(200);

    public TcpTransportBindingElement {
        ArgumentChecks.nonNegative(maxBufferPoolSize, "maxBufferPoolSize");
        ArgumentChecks.positive(maxReceivedMessageSize, "maxReceivedMessageSize");
        ArgumentChecks.nonNegative(connectionBufferSize, "connectionBufferSize");
        ArgumentChecks.notNull(hostNameComparisonMode, "hostNameComparisonMode");
        ArgumentChecks.positiveTimeout(channelInitializationTimeout, "channelInitializationTimeout");
        ArgumentChecks.positive(maxBufferSize, "maxBufferSize");
        ArgumentChecks.nonNegative(maxPendingConnections, "maxPendingConnections");
        ArgumentChecks.nonNegativeTimeout(maxOutputDelay, "maxOutputDelay");
        ArgumentChecks.nonNegative(maxPendingAccepts, "maxPendingAccepts");
        ArgumentChecks.notNull(transferMode, "transferMode");
        ArgumentChecks.nonNegative(listenBacklog, "listenBacklog");
        ArgumentChecks.notNull(connectionPoolSettings, "connectionPoolSettings");
    }

    public static TcpTransportBindingElement defaults() {
        return new TcpTransportBindingElement(false, DEFAULT_MAX_BUFFER_POOL_SIZE, DEFAULT_MAX_RECEIVED_MESSAGE_SIZE,
                DEFAULT_CONNECTION_BUFFER_SIZE, HostNameComparisonMode.StrongWildcard,
                DEFAULT_CHANNEL_INITIALIZATION_TIMEOUT, DEFAULT_MAX_BUFFER_SIZE, 0, DEFAULT_MAX_OUTPUT_DELAY, 0,
                TransferMode.Buffered, 0, false, false, TcpConnectionPoolSettings.defaults());
    }

    @Override
    public String scheme() {
        return "net.tcp";
    }

    /** {@code <tcpTransport>}: the element's name in configuration (the one source of it). */
    public static final String CONFIG_NAME = "tcpTransport";

    @Override
    public String configName() {
        return CONFIG_NAME;
    }

    @Override
    public ShapeRule shapeRule() {
        return transferMode == TransferMode.Buffered
                ? ShapeRule.transport(Set.of(DUPLEX_SESSION), Set.of(DUPLEX_SESSION))
                : ShapeRule.transport(Set.of(REQUEST), Set.of(REPLY));
    }
}
