package io.github.wcf4j.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.SystemScheduler;
import io.github.wcf4j.runtime.transport.inmemory.InMemoryNetwork;
import io.github.wcf4j.samples.CalculatorService;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** A host's health through its life: unknown before it opens, up while open, down once closed. */
class ServiceHostHealthIndicatorTest {
    private static final String SERVICE = "Microsoft.ServiceModel.Samples.CalculatorService";
    private static final URI BASE = URI.create("inmemory://localhost/calc");

    private final SystemScheduler scheduler = new SystemScheduler();
    private final AtomicReference<ServiceHost> host = new AtomicReference<>();
    private final ServiceHostHealthIndicator health = new ServiceHostHealthIndicator(host::get);

    @AfterEach
    void close() {
        if (host.get() != null) {
            host.get().abort();
        }
        scheduler.close();
    }

    @Test
    void unknownBeforeOpenUpWhileOpenDownOnceClosed() {
        assertEquals(Status.UNKNOWN, health.health().getStatus());
        Binding b = CustomBinding.of("b", TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.requestReply());
        ServiceHost h = ServiceHost.builder(new ServiceDescription(SERVICE, Optional.empty(), List.of(),
                List.of(new ServiceEndpoint("calc", "", "customBinding", "b", b,
                        "Microsoft.ServiceModel.Samples.ICalculator", Optional.empty(), Optional.empty(),
                        Optional.empty(), List.of(), Optional.empty()))))
                .types(ServiceTypes.discovered()).instance(new CalculatorService()).baseAddress(BASE)
                .parameter(Scheduler.class, scheduler)
                .parameter(InMemoryNetwork.class, new InMemoryNetwork(scheduler)).build();
        host.set(h);
        h.open();
        Health up = health.health();
        assertEquals(Status.UP, up.getStatus());
        assertEquals(Map.of("calc", Map.of("address", BASE.toString(),
                "contract", "Microsoft.ServiceModel.Samples.ICalculator", "shape", "IReplyChannel")),
                up.getDetails().get("endpoints"));
        assertEquals(0, up.getDetails().get("openSessions"));
        h.close();
        assertEquals(Status.DOWN, health.health().getStatus());
    }
}
