package io.github.wcf4j.runtime.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import io.github.wcf4j.runtime.metrics.MeteredEndpoint;
import io.github.wcf4j.runtime.metrics.RecordingMetrics;
import io.github.wcf4j.runtime.metro.Calculator;
import io.github.wcf4j.runtime.metro.CalculatorService;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.SystemScheduler;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.FaultAction;
import io.github.wcf4j.runtime.transport.inmemory.FaultRule;
import io.github.wcf4j.runtime.transport.inmemory.InMemoryNetwork;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a host and a client report through the metrics port, checked against what crossed the wire. */
class RuntimeMetricsTest {
    private static final URI BASE = URI.create("inmemory://localhost/servicemodelsamples/service.svc");

    private final SystemScheduler scheduler = new SystemScheduler();
    private final InMemoryNetwork network = new InMemoryNetwork(scheduler);
    private final RecordingMetrics serviceMetrics = new RecordingMetrics();
    private final RecordingMetrics clientMetrics = new RecordingMetrics();
    private final ServiceTypes types = ServiceTypes.empty()
            .map(ServiceModelInMemoryTest.SERVICE, CalculatorService.class)
            .map(ServiceModelInMemoryTest.CONTRACT, Calculator.class);
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

    private Calculator calculator(Binding binding) {
        host = ServiceHost.builder(new ServiceDescription(ServiceModelInMemoryTest.SERVICE, Optional.empty(),
                List.of(), List.of(new ServiceEndpoint("calc", "", "customBinding", "b", binding,
                        ServiceModelInMemoryTest.CONTRACT, Optional.empty(), Optional.empty(), Optional.empty(),
                        List.of(), Optional.empty())))).types(types).baseAddress(BASE)
                .parameter(Scheduler.class, scheduler).parameter(InMemoryNetwork.class, network)
                .metrics(serviceMetrics).build();
        host.open();
        client = ClientFactory.builder(new ClientEndpoint("calcClient", BASE, "customBinding", "b", binding,
                ServiceModelInMemoryTest.CONTRACT, Optional.empty(), Optional.empty(), List.of(), Optional.empty()),
                Calculator.class).parameter(Scheduler.class, scheduler).parameter(InMemoryNetwork.class, network)
                .metrics(clientMetrics).build();
        return client.createChannel();
    }

    private long onTheWire(String text) {
        return network.wire().stream().filter(r -> r.direction() == Direction.CLIENT_TO_SERVICE
                && r.envelope().contains(text)).count();
    }

    @Test
    void eachCallIsCountedPerOperationAndOutcomeOnBothSides() {
        Calculator calc = calculator(CustomBinding.of("b", TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.requestReply()));
        assertEquals(5.0, calc.add(2, 3));
        assertEquals(7.0, calc.add(3, 4));
        assertThrows(SOAPFaultException.class, () -> calc.divide(1, 0));
        assertEquals(2, onTheWire("<Add "), network.wire().toString());
        for (RecordingMetrics m : List.of(serviceMetrics, clientMetrics)) {
            String side = m == serviceMetrics ? "service " : "client ";
            assertEquals(2, m.count(side + "Add success"), m.events().toString());
            assertEquals(1, m.count(side + "Divide fault"), m.events().toString());
        }
        assertEquals(new MeteredEndpoint(MeteredEndpoint.Side.SERVICE, ServiceModelInMemoryTest.SERVICE, "calc",
                ServiceModelInMemoryTest.CONTRACT), serviceMetrics.endpoints().get(0));
        assertEquals(new MeteredEndpoint(MeteredEndpoint.Side.CLIENT, BASE.toString(), "calcClient",
                ServiceModelInMemoryTest.CONTRACT), clientMetrics.endpoints().get(0));
    }

    @Test
    void aReliableSessionReportsItsSessionRetransmissionsAcknowledgementsAndWindow() {
        Calculator calc = calculator(CustomBinding.of("b", ReliableSessionBindingElement.defaults(),
                TextMessageEncodingBindingElement.defaults(), InMemoryTransportBindingElement.requestReply()));
        // the first Add is lost with its exchange: the reliable session sends it again at once
        network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).containing("<Add ").occurrences(1, 1)
                .then(FaultAction.drop()));
        assertEquals(5.0, calc.add(2, 3));
        assertEquals(2, onTheWire("<Add "), "lost once, sent again");
        assertEquals(1, clientMetrics.count("client retransmission"), clientMetrics.events().toString());
        assertTrue(clientMetrics.count("client acknowledgementReceived") >= 1, clientMetrics.events().toString());
        assertEquals(1, clientMetrics.count("client window 1"), clientMetrics.events().toString());
        assertEquals(1, clientMetrics.count("client sessionOpened"), clientMetrics.events().toString());
        assertEquals(1, serviceMetrics.count("service sessionOpened"), serviceMetrics.events().toString());
        assertEquals(1, serviceMetrics.count("service Add success"), serviceMetrics.events().toString());
        assertEquals(1, host.openSessions(), "the service holds the session");
        client.close(calc);
        assertEquals(1, clientMetrics.count("client sessionClosed"), clientMetrics.events().toString());
    }
}
