package io.github.wcf4j.micrometer;

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
import io.github.wcf4j.runtime.metro.Calculator;
import io.github.wcf4j.runtime.metro.CalculatorService;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.SystemScheduler;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.FaultAction;
import io.github.wcf4j.runtime.transport.inmemory.FaultRule;
import io.github.wcf4j.runtime.transport.inmemory.InMemoryNetwork;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Micrometer meters and observations of a calculator host and client talking over the in-memory transport. */
class MicrometerRuntimeMetricsTest {
    private static final String SERVICE = "Microsoft.ServiceModel.Samples.CalculatorService";
    private static final String CONTRACT = "Microsoft.ServiceModel.Samples.ICalculator";
    private static final URI BASE = URI.create("inmemory://localhost/servicemodelsamples/service.svc");
    private static final Pattern MESSAGE_ID = Pattern.compile("<a:MessageID>([^<]+)</a:MessageID>");

    private final SystemScheduler scheduler = new SystemScheduler();
    private final InMemoryNetwork network = new InMemoryNetwork(scheduler);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
    private final ObservationRegistry observations = ObservationRegistry.create();
    private ServiceHost host;
    private ClientFactory<Calculator> client;

    MicrometerRuntimeMetricsTest() {
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }
        });
    }

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
        MicrometerRuntimeMetrics metrics = new MicrometerRuntimeMetrics(registry, observations);
        host = ServiceHost.builder(new ServiceDescription(SERVICE, Optional.empty(), List.of(),
                List.of(new ServiceEndpoint("calc", "", "customBinding", "b", binding, CONTRACT, Optional.empty(),
                        Optional.empty(), Optional.empty(), List.of(), Optional.empty()))))
                .types(ServiceTypes.empty().map(SERVICE, CalculatorService.class).map(CONTRACT, Calculator.class))
                .baseAddress(BASE).parameter(Scheduler.class, scheduler).parameter(InMemoryNetwork.class, network)
                .metrics(metrics).build();
        host.open();
        client = ClientFactory.builder(new ClientEndpoint("calcClient", BASE, "customBinding", "b", binding, CONTRACT,
                Optional.empty(), Optional.empty(), List.of(), Optional.empty()), Calculator.class)
                .parameter(Scheduler.class, scheduler).parameter(InMemoryNetwork.class, network).metrics(metrics)
                .build();
        return client.createChannel();
    }

    private long calls(String side, String operation, String outcome) {
        return registry.get(MeterNames.CALLS).tags(MeterNames.SIDE, side, MeterNames.OPERATION, operation,
                MeterNames.OUTCOME, outcome, MeterNames.CONTRACT, CONTRACT).timer().count();
    }

    @Test
    void callsAreTimedPerSideOperationAndOutcome() {
        Calculator calc = calculator(CustomBinding.of("b", TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.requestReply()));
        assertEquals(5.0, calc.add(2, 3));
        assertEquals(7.0, calc.add(3, 4));
        assertThrows(SOAPFaultException.class, () -> calc.divide(1, 0));
        for (String side : List.of("service", "client")) {
            assertEquals(2, calls(side, "Add", "success"), side);
            assertEquals(1, calls(side, "Divide", "fault"), side);
            assertEquals(0, calls(side, "Divide", "success"), side);
        }
        assertEquals(SERVICE, registry.get(MeterNames.CALLS).tags(MeterNames.SIDE, "service", MeterNames.ENDPOINT,
                "calc").timer().getId().getTag(MeterNames.SERVICE));
        assertEquals(BASE.toString(), registry.get(MeterNames.CALLS).tags(MeterNames.SIDE, "client",
                MeterNames.ENDPOINT, "calcClient").timer().getId().getTag(MeterNames.SERVICE));
    }

    @Test
    void eachCallIsAnObservationCarryingItsMessageIdOnBothSides() {
        Calculator calc = calculator(CustomBinding.of("b", TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.requestReply()));
        assertEquals(5.0, calc.add(2, 3));
        String request = network.wire().stream().filter(r -> r.direction() == Direction.CLIENT_TO_SERVICE)
                .findFirst().orElseThrow().envelope();
        Matcher id = MESSAGE_ID.matcher(request);
        assertTrue(id.find(), request);
        List<String> spans = stopped.stream().map(c -> c.getContextualName() + " "
                + c.getHighCardinalityKeyValue(MeterNames.MESSAGE_ID).getValue() + " "
                + c.getLowCardinalityKeyValue(MeterNames.OUTCOME).getValue()).sorted().toList();
        assertEquals(List.of("client Add " + id.group(1) + " success", "service Add " + id.group(1) + " success"),
                spans);
        KeyValue endpoint = stopped.get(0).getLowCardinalityKeyValue(MeterNames.ENDPOINT);
        assertTrue(List.of("calc", "calcClient").contains(endpoint.getValue()), endpoint.toString());
    }

    @Test
    void aReliableSessionShowsItsOpenSessionItsRetransmissionAndItsWindow() {
        Calculator calc = calculator(CustomBinding.of("b", ReliableSessionBindingElement.defaults(),
                TextMessageEncodingBindingElement.defaults(), InMemoryTransportBindingElement.requestReply()));
        network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).containing("<Add ").occurrences(1, 1)
                .then(FaultAction.drop()));
        assertEquals(5.0, calc.add(2, 3));
        assertEquals(2, network.wire().stream().filter(r -> r.direction() == Direction.CLIENT_TO_SERVICE
                && r.envelope().contains("<Add ")).count(), "lost once, sent again");
        assertEquals(1.0, registry.get(MeterNames.RETRANSMISSIONS).tags(MeterNames.SIDE, "client").counter().count());
        assertTrue(registry.get(MeterNames.ACKNOWLEDGEMENTS).tags(MeterNames.SIDE, "client", MeterNames.DIRECTION,
                "received").counter().count() >= 1);
        assertEquals(1, registry.get(MeterNames.WINDOW_OCCUPANCY).tags(MeterNames.SIDE, "client").summary().count());
        assertEquals(1.0, registry.get(MeterNames.SESSIONS_OPEN).tags(MeterNames.SIDE, "service").gauge().value());
        assertEquals(1.0, registry.get(MeterNames.SESSIONS_OPEN).tags(MeterNames.SIDE, "client").gauge().value());
        client.close(calc);
        assertEquals(0.0, registry.get(MeterNames.SESSIONS_OPEN).tags(MeterNames.SIDE, "client").gauge().value());
    }
}
