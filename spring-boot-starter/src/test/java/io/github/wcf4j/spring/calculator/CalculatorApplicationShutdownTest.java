package io.github.wcf4j.spring.calculator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.samples.ICalculator;
import io.github.wcf4j.spring.ServiceHosts;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Closing the application ends the reliable session with its protocol, then closes the host. */
class CalculatorApplicationShutdownTest {
    @Test
    void closingTheApplicationEndsTheClientsReliableSessionBeforeTheHostCloses() {
        URI address = URI.create("http://localhost:" + WireLog.freePort() + "/servicemodelsamples/service.svc");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CalculatorApplication.class, WireLog.class)
                .properties("server.port=0", "wcf4j.base-addresses=" + address,
                        "wcf4j.clients.[CalculatorEndpoint].address=" + address)
                .run();
        WireLog wire = app.getBean(WireLog.class);
        ServiceHost host = app.getBean(ServiceHosts.class).hosts().get(CalculatorApplicationTest.SERVICE);
        assertEquals(3.0, app.getBean("CalculatorEndpoint", ICalculator.class).subtract(5, 2));
        assertEquals(1, host.openSessions());
        app.close();
        assertTrue(wire.received().stream().anyMatch(e -> e.contains("/rm/TerminateSequence</a:Action>")),
                "the client ended its sequence: " + wire.received());
        assertEquals(0, host.openSessions(), "no session left to abort");
        assertFalse(host.isOpen());
    }

    /**
     * A client outside the application keeps its session open: the host closes it from its side (the service's
     * sequence ends with its LastMessage), waits for the client's sequence within {@code wcf4j.shutdown-timeout}, and
     * leaves no session behind.
     */
    @Test
    void closingTheApplicationEndsTheSessionsOfClientsOutsideIt() {
        URI address = URI.create("http://localhost:" + WireLog.freePort() + "/servicemodelsamples/service.svc");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CalculatorApplication.class, WireLog.class)
                .properties("server.port=0", "wcf4j.base-addresses=" + address, "wcf4j.shutdown-timeout=5s")
                .run();
        WireLog wire = app.getBean(WireLog.class);
        ServiceHost host = app.getBean(ServiceHosts.class).hosts().get(CalculatorApplicationTest.SERVICE);
        ServiceModelConfiguration config = app.getBean(ServiceModelConfiguration.class);
        ClientFactory<ICalculator> outside = ClientFactory.builder(config.clientEndpoint("CalculatorEndpoint")
                .orElseThrow().withAddress(address), ICalculator.class).build();
        try {
            assertEquals(8.0, outside.createChannel().multiply(2, 4));
            assertEquals(1, host.openSessions());
            app.close();
            assertEquals(0, host.openSessions(), "the session was closed, not left behind");
            assertTrue(wire.sent().stream().anyMatch(e -> e.contains("/rm/LastMessage</a:Action>")),
                    "the service ended its own sequence: " + wire.sent());
        } finally {
            outside.abort(); // the service is gone: nothing to close with
        }
    }
}
