package io.github.wcf4j.runtime.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.metro.Calculator;
import io.github.wcf4j.runtime.metro.CalculatorService;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.SystemScheduler;
import io.github.wcf4j.runtime.transport.inmemory.InMemoryNetwork;
import io.github.wcf4j.runtime.transport.inmemory.WireRecord;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ServiceHost.Builder.inlineInvocation}: operations run on the thread that delivered their requests, never
 * handed to the invocation pool, and what crosses the wire is the same, byte for byte but the generated identifiers,
 * as with the pool; a duplex contract's operations stay on the pool.
 */
class InlineInvocationTest {
    private static final URI BASE = URI.create("inmemory://localhost/inline/service.svc");

    private final SystemScheduler scheduler = new SystemScheduler();
    private final AtomicInteger pooled = new AtomicInteger();
    private final Executor pool = task -> {
        pooled.incrementAndGet();
        scheduler.executor().execute(task);
    };
    private ServiceHost host;
    private ClientFactory<Calculator> client;

    @AfterEach
    void close() {
        if (client != null) {
            client.abort();
        }
        if (host != null) {
            host.abort();
        }
        scheduler.close();
    }

    private static Binding reliable() {
        return CustomBinding.of("b", ReliableSessionBindingElement.defaults(),
                TextMessageEncodingBindingElement.defaults(), InMemoryTransportBindingElement.requestReply());
    }

    /** The envelopes of three calls over a reliable session, with or without inline invocation. */
    private List<WireRecord> calls(Binding binding, boolean inline) {
        InMemoryNetwork network = new InMemoryNetwork(scheduler);
        host = ServiceHost.builder(new ServiceDescription(ServiceModelInMemoryTest.SERVICE, Optional.empty(),
                List.of(), List.of(new ServiceEndpoint("", "", "customBinding", "b", binding,
                        ServiceModelInMemoryTest.CONTRACT, Optional.empty(), Optional.empty(), Optional.empty(),
                        List.of(), Optional.empty()))))
                .types(ServiceTypes.empty().map(ServiceModelInMemoryTest.SERVICE, CalculatorService.class)
                        .map(ServiceModelInMemoryTest.CONTRACT, Calculator.class))
                .baseAddress(BASE).invocationExecutor(pool).inlineInvocation(inline)
                .parameter(Scheduler.class, scheduler).parameter(InMemoryNetwork.class, network).build();
        host.open();
        client = ClientFactory.builder(new ClientEndpoint("", BASE, "customBinding", "b", binding,
                ServiceModelInMemoryTest.CONTRACT, Optional.empty(), Optional.empty(), List.of(), Optional.empty()),
                Calculator.class).parameter(Scheduler.class, scheduler).parameter(InMemoryNetwork.class, network)
                .build();
        Calculator calc = client.createChannel();
        assertEquals(5.0, calc.add(2, 3));
        assertEquals(-1.0, calc.subtract(2, 3));
        assertEquals(7.0, calc.add(3, 4));
        client.close();
        host.close();
        client = null;
        host = null;
        return network.wire();
    }

    /** Each generated identifier ({@code urn:uuid:...}) replaced by its order of first appearance. */
    private static String normalized(List<WireRecord> wire) {
        StringBuilder all = new StringBuilder();
        for (WireRecord r : wire) {
            all.append(r.direction()).append(' ').append(r.fate()).append('\n').append(r.envelope()).append('\n');
        }
        Map<String, String> ids = new LinkedHashMap<>();
        Matcher m = Pattern.compile("urn:uuid:[0-9a-fA-F-]+").matcher(all);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, ids.computeIfAbsent(m.group(), k -> "id" + ids.size()));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Test
    void inlineCallsNeverReachThePoolAndCrossTheWireAsPooledOnes() {
        List<WireRecord> pooledWire = calls(reliable(), false);
        int pooledCalls = pooled.getAndSet(0);
        assertTrue(pooledCalls >= 3, "every operation ran on the pool: " + pooledCalls);
        List<WireRecord> inlineWire = calls(reliable(), true);
        assertEquals(0, pooled.get(), "no operation was handed to the pool");
        assertTrue(inlineWire.stream().anyMatch(r -> r.envelope().contains("<AddResult>5.0</AddResult>")),
                "the reply crossed the wire");
        assertEquals(normalized(pooledWire), normalized(inlineWire));
    }

    @Test
    void withoutTheOptInEveryOperationRunsOnThePool() {
        calls(CustomBinding.of("b", TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.requestReply()), false);
        assertEquals(3, pooled.get());
    }
}
