package io.github.wcf4j.runtime.transport.inmemory;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.binding.transport.TransportBindingElement;
import io.github.wcf4j.runtime.channel.AddressAlreadyInUseException;
import io.github.wcf4j.runtime.channel.CommunicationObjectAbortedException;
import io.github.wcf4j.runtime.channel.QuotaExceededException;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.ListenAddress;
import io.github.wcf4j.runtime.transport.TransportContractTest;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/** The in-memory transport passes the transport contract in both its modes, everything on virtual time. */
class InMemoryTransportContractTest extends TransportContractTest {
    private final InMemoryNetwork network = new InMemoryNetwork(clock);

    @Override
    protected Set<ChannelShape> clientShapes() {
        return Set.of(ChannelShape.REQUEST, ChannelShape.DUPLEX_SESSION);
    }

    @Override
    protected TransportBindingElement transport(ChannelShape clientShape, long maxReceivedMessageSize) {
        return new InMemoryTransportBindingElement(maxReceivedMessageSize, clientShape == ChannelShape.REQUEST
                ? InMemoryTransportBindingElement.Mode.REQUEST_REPLY : InMemoryTransportBindingElement.Mode.DUPLEX_SESSION);
    }

    @Override
    protected BindingParameters parameters() {
        return new BindingParameters().put(InMemoryNetwork.class, network);
    }

    @Override
    protected ListenAddress freshListenAddress() {
        return ListenAddress.explicit(URI.create("inmemory://localhost/" + UUID.randomUUID()));
    }

    @Override
    protected URI addressNobodyListensAt() {
        return URI.create("inmemory://localhost/nobody/" + UUID.randomUUID());
    }

    /** The listener's limit travels back to the sender as the exchange's failure. */
    @Override
    protected ExpectedFailure oversizedRequestRefusal(long maxReceivedMessageSize) {
        return new ExpectedFailure(QuotaExceededException.class,
                WcfText.MaxReceivedMessageSizeExceeded.format(maxReceivedMessageSize));
    }

    /** The communication object's aborted text, naming the channel's class as WCF names its type. */
    @Override
    protected ExpectedFailure abortedRequest(URI to) {
        return new ExpectedFailure(CommunicationObjectAbortedException.class, WcfText.CommunicationObjectAborted1
                .format(InMemoryChannelFactory.class.getName() + "$InMemoryRequestChannel"));
    }

    @Override
    protected ExpectedFailure addressInUse(URI taken) {
        return new ExpectedFailure(AddressAlreadyInUseException.class,
                "An in-memory listener is already listening at " + taken + ".");
    }

    @Override
    protected FaultyRoute faultyRouteTo(URI listening) {
        return new FaultyRoute() {
            @Override
            public URI via() {
                return listening;
            }

            @Override
            public void resetNextClientMessage() {
                network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).occurrence(1).then(FaultAction.disconnect()));
            }
        };
    }

    @Override
    protected Duration ioWait() {
        return Duration.ZERO;
    }
}
