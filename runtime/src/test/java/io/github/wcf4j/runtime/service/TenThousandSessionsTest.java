package io.github.wcf4j.runtime.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.description.ServiceBehaviorElement;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.description.ServiceThrottlingBehavior;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.runtime.InMemoryFixture;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.metro.Calculator;
import io.github.wcf4j.runtime.metro.CalculatorService;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.transport.inmemory.InMemoryNetwork;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * One listener holds 10,000 open sessions, each with its own service object, without a thread per session: the whole
 * run is driven by the test's virtual-time scheduler, so any thread a session needed would show up as a stall.
 */
class TenThousandSessionsTest {
    private static final String NS = "http://Microsoft.ServiceModel.Samples";
    private static final int SESSIONS = 10_000;

    @Test
    void tenThousandConcurrentSessionsEachWithItsOwnInstance() {
        InMemoryFixture net = new InMemoryFixture();
        URI at = URI.create("inmemory://localhost/calc");
        CustomBinding b = CustomBinding.of("b", TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.duplexSession());
        ServiceBehaviorElement behavior = new ServiceBehaviorElement("b", Optional.empty(), Optional.empty(),
                Optional.of(new ServiceThrottlingBehavior(16, SESSIONS, SESSIONS + 16)), List.of());
        ServiceDescription d = new ServiceDescription("Calc", Optional.of(behavior), List.of(at), List.of(
                new ServiceEndpoint("", "", "customBinding", "b", b, "ICalc", Optional.empty(), Optional.empty(),
                        Optional.empty(), List.of(), Optional.empty())));
        int threadsBefore = Thread.activeCount();
        ServiceHost host = ServiceHost.builder(d).types(ServiceTypes.empty().map("Calc", CalculatorService.class)
                .map("ICalc", Calculator.class)).parameter(Scheduler.class, net.clock)
                .parameter(InMemoryNetwork.class, net.network).invocationExecutor(net.clock.executor()).build();
        host.open();
        ChannelFactory<DuplexSessionChannel> factory = ChannelStackBuilder.standard()
                .<DuplexSessionChannel>buildFactory(b, ChannelType.DUPLEX_SESSION, net.parameters());
        net.await(factory.open(InMemoryFixture.TIMEOUT));

        List<DuplexSessionChannel> sessions = new ArrayList<>(SESSIONS);
        List<CompletableFuture<Optional<Message>>> replies = new ArrayList<>(SESSIONS);
        for (int i = 0; i < SESSIONS; i++) {
            DuplexSessionChannel c = factory.createChannel(EndpointAddress.of(at));
            net.await(c.open(InMemoryFixture.TIMEOUT));
            Message request = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, NS + "/ICalculator/InstanceId",
                    new XmlFragment("<InstanceId xmlns=\"" + NS + "\"/>"));
            request.headers().messageId("urn:uuid:" + UUID.randomUUID());
            c.send(request, InMemoryFixture.TIMEOUT);
            replies.add(c.receive(InMemoryFixture.TIMEOUT));
            sessions.add(c);
        }
        net.clock.runPending();
        Set<String> instances = new HashSet<>();
        for (CompletableFuture<Optional<Message>> r : replies) {
            instances.add(net.await(r).orElseThrow().body().xml());
        }
        assertEquals(SESSIONS, instances.size(), "one service object per session");
        assertTrue(Thread.activeCount() - threadsBefore < 10,
                "sessions must not hold threads: " + (Thread.activeCount() - threadsBefore) + " new threads");
        // every session is still open and answers a second call on the same object
        Message again = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, NS + "/ICalculator/InstanceId",
                new XmlFragment("<InstanceId xmlns=\"" + NS + "\"/>"));
        again.headers().messageId("urn:uuid:" + UUID.randomUUID());
        DuplexSessionChannel last = sessions.get(SESSIONS - 1);
        CompletableFuture<Optional<Message>> second = last.receive(InMemoryFixture.TIMEOUT);
        last.send(again, InMemoryFixture.TIMEOUT);
        net.clock.runPending();
        assertTrue(instances.contains(net.await(second).orElseThrow().body().xml()));
        host.abort();
    }
}
