package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.binding.transport.TcpTransportBindingElement;
import io.github.wcf4j.binding.transport.TransferMode;
import io.github.wcf4j.binding.transport.TransportBindingElement;
import io.github.wcf4j.runtime.channel.AddressAlreadyInUseException;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.CommunicationObjectAbortedException;
import io.github.wcf4j.runtime.channel.EndpointNotFoundException;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.ListenAddress;
import io.github.wcf4j.runtime.transport.TransportContractTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;

/**
 * tcpTransport passes the transport contract over real loopback sockets: request/reply (streamed transfer, the
 * singleton-unsized mode, a connection per request from the pool), duplex sessions (buffered transfer), the
 * contract's text encoder framed as known encoding {@code 03}, its timers on the suite's virtual clock, resets through
 * a {@link ResettingTcpRelay}.
 */
class TcpTransportContractTest extends TransportContractTest {
    private final List<ResettingTcpRelay> relays = new ArrayList<>();

    @AfterEach
    void closeRelays() throws IOException {
        for (ResettingTcpRelay r : relays) {
            r.close();
        }
    }

    @Override
    protected Set<ChannelShape> clientShapes() {
        return Set.of(ChannelShape.REQUEST, ChannelShape.DUPLEX_SESSION);
    }

    @Override
    protected TransportBindingElement transport(ChannelShape clientShape, long maxReceivedMessageSize) {
        TcpTransportBindingElement d = TcpTransportBindingElement.defaults();
        return new TcpTransportBindingElement(false, d.maxBufferPoolSize(), maxReceivedMessageSize,
                d.connectionBufferSize(), d.hostNameComparisonMode(), d.channelInitializationTimeout(),
                (int) maxReceivedMessageSize, d.maxPendingConnections(), d.maxOutputDelay(), d.maxPendingAccepts(),
                clientShape == ChannelShape.REQUEST ? TransferMode.Streamed : d.transferMode(), d.listenBacklog(),
                false, false, d.connectionPoolSettings());
    }

    @Override
    protected BindingParameters parameters() {
        return new BindingParameters();
    }

    @Override
    protected ListenAddress freshListenAddress() {
        return ListenAddress.unique(URI.create("net.tcp://localhost:0/contract/"));
    }

    @Override
    protected URI addressNobodyListensAt() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return URI.create("net.tcp://localhost:" + s.getLocalPort() + "/contract");
        }
    }

    /** WCF's {@code TcpConnectErrorWithTimeSpan}: the attempt lasted no virtual time. */
    @Override
    protected ExpectedFailure nobodyListening(URI to) {
        return new ExpectedFailure(EndpointNotFoundException.class, WcfText.TcpConnectErrorWithTimeSpan.format(to,
                10061, "No connection could be made because the target machine actively refused it 127.0.0.1:"
                        + to.getPort(), WcfTimeSpan.format(Duration.ZERO)));
    }

    /** The service's {@code MaxMessageSizeExceededFault} framing fault, as WCF's client reads it. */
    @Override
    protected ExpectedFailure oversizedRequestRefusal(long maxReceivedMessageSize) {
        return new ExpectedFailure(CommunicationException.class, WcfText.FramingMaxMessageSizeExceeded.format());
    }

    @Override
    protected ExpectedFailure abortedRequest(URI to) {
        return new ExpectedFailure(CommunicationObjectAbortedException.class, WcfText.CommunicationObjectAborted1
                .format("System.ServiceModel.Channels.StreamedFramingRequestChannel"));
    }

    /** WCF's {@code UriPrefixTable} text (WCF throws it as an InvalidOperationException). */
    @Override
    protected ExpectedFailure addressInUse(URI taken) {
        return new ExpectedFailure(AddressAlreadyInUseException.class, WcfText.DuplicateRegistration.format(taken));
    }

    @Override
    protected FaultyRoute faultyRouteTo(URI listening) throws Exception {
        ResettingTcpRelay relay = new ResettingTcpRelay(listening);
        relays.add(relay);
        return new FaultyRoute() {
            @Override
            public URI via() {
                return relay.via(listening);
            }

            @Override
            public void resetNextClientMessage() {
                relay.resetNextClientBytes();
            }
        };
    }

    @Override
    protected Duration ioWait() {
        return Duration.ofSeconds(30);
    }
}
