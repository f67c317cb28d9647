package io.github.wcf4j.runtime.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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
import io.github.wcf4j.runtime.contract.ConcurrencyMode;
import io.github.wcf4j.runtime.contract.InstanceContextMode;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.metro.Calculator;
import io.github.wcf4j.runtime.metro.CalculatorService;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.transport.inmemory.InMemoryNetwork;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * {@code <serviceThrottling maxConcurrentInstances>} bounds the live instance contexts of a host, as WCF's
 * {@code ServiceThrottle} does: a call that needs a new context waits (a future, no thread) until one ends.
 */
class InstanceThrottleTest {
    private static final String NS = "http://Microsoft.ServiceModel.Samples";
    private static final URI AT = URI.create("inmemory://localhost/calc");

    private final InMemoryFixture net = new InMemoryFixture();
    private final CustomBinding binding = CustomBinding.of("b", TextMessageEncodingBindingElement.defaults(),
            InMemoryTransportBindingElement.duplexSession());

    @Test
    void aNewSessionsFirstCallWaitsUntilAnotherSessionsInstanceEnds() {
        ServiceHost host = host(1);
        ChannelFactory<DuplexSessionChannel> factory = ChannelStackBuilder.standard()
                .buildFactory(binding, ChannelType.DUPLEX_SESSION, net.parameters());
        net.await(factory.open(InMemoryFixture.TIMEOUT));
        DuplexSessionChannel ann = net.open(factory.createChannel(EndpointAddress.of(AT)));
        DuplexSessionChannel bob = net.open(factory.createChannel(EndpointAddress.of(AT)));

        String annInstance = net.await(call(ann));
        CompletableFuture<String> bobsCall = call(bob);
        net.clock.runPending();
        assertFalse(bobsCall.isDone(), "maxConcurrentInstances 1: ann's session holds the only instance context");
        assertEquals(annInstance, net.await(call(ann)), "ann's own session keeps its instance and is answered");

        net.await(ann.close(InMemoryFixture.TIMEOUT));
        String bobInstance = net.await(bobsCall);
        assertNotEquals(annInstance, bobInstance, "bob got a context of his own once ann's ended");
        host.abort();
    }

    @Test
    void aPerCallContextEndsWithItsCallAndANewOneWaitsForIt() {
        AsyncPermits throttle = new AsyncPermits(1);
        InstanceContexts contexts = new InstanceContexts(InstanceContextMode.PerCall, ConcurrencyMode.Multiple,
                throttle);
        CompletableFuture<InstanceContext> first = contexts.enter(null);
        CompletableFuture<InstanceContext> second = contexts.enter(null);
        assertTrue(first.isDone());
        assertFalse(second.isDone(), "one context at a time");
        contexts.exit(first.join());
        assertTrue(second.isDone(), "the first call's context ended with it");
        contexts.exit(second.join());
        assertEquals(0, throttle.inUse());
    }

    @Test
    void theSingletonContextTakesNoPermit() {
        AsyncPermits throttle = new AsyncPermits(1);
        InstanceContexts contexts = new InstanceContexts(InstanceContextMode.Single, ConcurrencyMode.Multiple,
                throttle);
        InstanceContext first = contexts.enter(null).join();
        InstanceContext second = contexts.enter("a session").join();
        assertSame(first, second);
        assertEquals(0, throttle.inUse());
    }

    @Test
    void aSessionsContextIsCountedOnceAndEndsWithTheSession() {
        AsyncPermits throttle = new AsyncPermits(2);
        InstanceContexts contexts = new InstanceContexts(InstanceContextMode.PerSession, ConcurrencyMode.Multiple,
                throttle);
        Object session = new Object();
        contexts.exit(contexts.enter(session).join());
        contexts.exit(contexts.enter(session).join());
        assertEquals(1, throttle.inUse());
        contexts.endSession(session);
        assertEquals(0, throttle.inUse());
    }

    private ServiceHost host(int maxConcurrentInstances) {
        ServiceBehaviorElement behavior = new ServiceBehaviorElement("b", Optional.empty(), Optional.empty(),
                Optional.of(new ServiceThrottlingBehavior(16, 100, maxConcurrentInstances)), List.of());
        ServiceDescription d = new ServiceDescription("Calc", Optional.of(behavior), List.of(AT), List.of(
                new ServiceEndpoint("", "", "customBinding", "b", binding, "ICalc", Optional.empty(), Optional.empty(),
                        Optional.empty(), List.of(), Optional.empty())));
        ServiceHost host = ServiceHost.builder(d).types(ServiceTypes.empty().map("Calc", CalculatorService.class)
                .map("ICalc", Calculator.class)).parameter(Scheduler.class, net.clock)
                .parameter(InMemoryNetwork.class, net.network).invocationExecutor(net.clock.executor()).build();
        host.open();
        return host;
    }

    /** Calls {@code InstanceId} on {@code session}; completes with the reply's body. */
    private CompletableFuture<String> call(DuplexSessionChannel session) {
        Message request = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, NS + "/ICalculator/InstanceId",
                new XmlFragment("<InstanceId xmlns=\"" + NS + "\"/>"));
        request.headers().messageId("urn:uuid:" + UUID.randomUUID());
        CompletableFuture<String> reply = session.receive(InMemoryFixture.TIMEOUT)
                .thenApply(m -> m.orElseThrow().body().xml());
        session.send(request, InMemoryFixture.TIMEOUT);
        return reply;
    }
}
