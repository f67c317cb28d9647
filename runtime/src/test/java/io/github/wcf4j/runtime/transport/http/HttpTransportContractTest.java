package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.binding.transport.TransportBindingElement;
import io.github.wcf4j.runtime.channel.AddressAlreadyInUseException;
import io.github.wcf4j.runtime.channel.CommunicationObjectAbortedException;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.ListenAddress;
import io.github.wcf4j.runtime.transport.TransportContractTest;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.FaultAction;
import io.github.wcf4j.runtime.transport.inmemory.FaultRule;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;

/**
 * httpTransport passes the transport contract over real loopback sockets: request/reply only (HTTP has no duplex
 * session), its timers on the suite's virtual clock, faults through a {@link FaultInjectingHttpProxy}.
 */
class HttpTransportContractTest extends TransportContractTest {
    private final List<FaultInjectingHttpProxy> proxies = new ArrayList<>();

    @AfterEach
    void closeProxies() throws IOException {
        for (FaultInjectingHttpProxy p : proxies) {
            p.close();
        }
    }

    @Override
    protected Set<ChannelShape> clientShapes() {
        return Set.of(ChannelShape.REQUEST);
    }

    @Override
    protected TransportBindingElement transport(ChannelShape clientShape, long maxReceivedMessageSize) {
        return HttpTransportBindingElement.builder().maxReceivedMessageSize(maxReceivedMessageSize).build();
    }

    @Override
    protected BindingParameters parameters() {
        return new BindingParameters();
    }

    /** A fresh path on an ephemeral port of its own. */
    @Override
    protected ListenAddress freshListenAddress() {
        return ListenAddress.unique(URI.create("http://localhost:0/contract/"));
    }

    /** A port that was free a moment ago. */
    @Override
    protected URI addressNobodyListensAt() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return URI.create("http://localhost:" + s.getLocalPort() + "/contract");
        }
    }

    /** The service answers 413 without reading the body; the client sees WCF's unexpected-response text. */
    @Override
    protected ExpectedFailure oversizedRequestRefusal(long maxReceivedMessageSize) {
        return new ExpectedFailure(ProtocolException.class,
                WcfText.UnexpectedHttpResponseCode.format(413, "Request Entity Too Large"));
    }

    /** WCF's {@code HttpChannelRequest} text. */
    @Override
    protected ExpectedFailure abortedRequest(URI to) {
        return new ExpectedFailure(CommunicationObjectAbortedException.class, WcfText.HttpRequestAborted.format(to));
    }

    @Override
    protected ExpectedFailure addressInUse(URI taken) {
        return new ExpectedFailure(AddressAlreadyInUseException.class,
                WcfText.HttpRegistrationAlreadyExists.format(taken));
    }

    @Override
    protected FaultyRoute faultyRouteTo(URI listening) throws Exception {
        FaultInjectingHttpProxy proxy = new FaultInjectingHttpProxy(listening);
        proxies.add(proxy);
        return new FaultyRoute() {
            @Override
            public URI via() {
                return proxy.via(listening);
            }

            @Override
            public void resetNextClientMessage() {
                proxy.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).occurrence(1).then(FaultAction.disconnect()));
            }
        };
    }

    @Override
    protected Duration ioWait() {
        return Duration.ofSeconds(30);
    }
}
