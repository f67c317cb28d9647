package io.github.wcf4j.spring.calculator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.samples.ICalculator;
import io.github.wcf4j.spring.ServiceHosts;
import java.net.URI;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The calculator sample application started whole (Tomcat on a random port for Actuator, the WCF service on a free
 * port), its injected wcf4j client calling the hosted bean over HTTP with the seed's reliable session and composite
 * duplex binding; Actuator's health and a Prometheus scrape show the host and its meters (metrics export is off in
 * Spring Boot tests unless asked for: {@code @AutoConfigureObservability}).
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = {CalculatorApplication.class, WireLog.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CalculatorApplicationTest {
    static final String SERVICE = "Microsoft.ServiceModel.Samples.CalculatorService";
    static final URI ADDRESS = URI.create("http://localhost:" + WireLog.freePort() + "/servicemodelsamples/service.svc");

    @DynamicPropertySource
    static void addresses(DynamicPropertyRegistry properties) {
        properties.add("wcf4j.base-addresses", ADDRESS::toString);
        properties.add("wcf4j.clients.[CalculatorEndpoint].address", ADDRESS::toString);
    }

    /** The configuration's {@code <client><endpoint name="CalculatorEndpoint">} (the service bean is one too). */
    @Autowired
    @Qualifier("CalculatorEndpoint")
    ICalculator calculator;
    @Autowired
    CalculationLog log;
    @Autowired
    WireLog wire;
    @Autowired
    ServiceHosts hosts;
    @Autowired
    TestRestTemplate http;

    @Test
    void theInjectedClientCallsTheHostedBeanOverTheWire() {
        assertEquals(115.99, calculator.add(100, 15.99), 1e-9);
        assertTrue(log.results().contains("Add=115.99"), log.results().toString());
        ServiceHost host = hosts.hosts().get(SERVICE);
        assertEquals(ADDRESS, host.endpoints().get(0).address());
        assertTrue(wire.received().stream().anyMatch(e -> e.contains("<Add xmlns=\"http://Microsoft.ServiceModel.Samples\"")
                && e.contains("<r:Sequence")), "the Add arrived in a reliable sequence: " + wire.received());
        assertEquals(1, host.openSessions(), "the client's reliable session");
    }

    @Test
    void aPrometheusScrapeShowsTheCallsTheSessionsAndTheReliableSessionsMeters() {
        assertEquals(42.0, calculator.multiply(6, 7));
        String scrape = http.getForObject("/actuator/prometheus", String.class);
        for (String side : new String[] {"service", "client"}) {
            assertMetric(scrape, "wcf4j_calls_seconds_count", "operation=\"Multiply\",outcome=\"success\"", side);
            assertMetric(scrape, "wcf4j_sessions_open", "", side);
        }
        assertTrue(Pattern.compile("(?m)^wcf4j_reliable_acknowledgements_total\\{[^}]*direction=\"received\"[^}]*"
                + "side=\"client\"[^}]*\\} [1-9]").matcher(scrape).find(), scrape);
        assertTrue(scrape.contains("wcf4j_reliable_window_occupancy_messages_count{"), scrape);
        assertTrue(scrape.contains("wcf4j_reliable_retransmissions_total{"), scrape);
        assertTrue(scrape.contains("endpoint=\"CalculatorEndpoint\""), scrape);
        assertTrue(scrape.contains("service=\"" + SERVICE + "\""), scrape);
        assertFalse(scrape.contains("wcf4j_call_seconds"), "the spans' own timers are not published twice");
    }

    /** {@code name{...labels...,side="side"} 1}: one call, one session. */
    private static void assertMetric(String scrape, String name, String labels, String side) {
        Pattern p = Pattern.compile("(?m)^" + name + "\\{[^}]*" + Pattern.quote(labels) + "[^}]*side=\"" + side
                + "\"[^}]*\\} 1(\\.0)?$");
        assertTrue(p.matcher(scrape).find(), name + " " + labels + " " + side + " in\n" + scrape);
    }

    @Test
    void theHealthIndicatorShowsTheHostUpWithItsEndpoints() {
        String health = http.getForObject("/actuator/health/wcf4j", String.class);
        assertTrue(health.startsWith("{\"status\":\"UP\""), health);
        assertTrue(health.contains("\"" + SERVICE + "\":{\"status\":\"UP\""), health);
        assertTrue(health.contains(ADDRESS.toString()), health);
    }
}
