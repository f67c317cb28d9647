package io.github.wcf4j.micrometer;

import io.github.wcf4j.runtime.metrics.EndpointMetrics;
import io.github.wcf4j.runtime.metrics.MeteredEndpoint;
import io.github.wcf4j.runtime.metrics.OperationMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** One endpoint's meters, registered once with its tags; every event is one increment or record. Thread-safe. */
final class EndpointMeters implements EndpointMetrics {
    private final MeterRegistry registry;
    private final ObservationRegistry observations;
    private final MeteredEndpoint endpoint;
    private final Tags tags;
    private final AtomicInteger open = new AtomicInteger();
    private final Counter refused;
    private final Counter retransmissions;
    private final Counter acksReceived;
    private final Counter acksSent;
    private final DistributionSummary window;
    private final Counter negotiated;
    private final Counter negotiationFailed;
    private final Map<String, OperationMeters> operations = new ConcurrentHashMap<>();

    EndpointMeters(MeterRegistry registry, ObservationRegistry observations, MeteredEndpoint endpoint) {
        this.registry = registry;
        this.observations = observations;
        this.endpoint = endpoint;
        this.tags = Tags.of(MeterNames.SIDE, endpoint.side().tagValue(), MeterNames.SERVICE, endpoint.owner(),
                MeterNames.ENDPOINT, endpoint.endpoint(), MeterNames.CONTRACT, endpoint.contract());
        Gauge.builder(MeterNames.SESSIONS_OPEN, open, AtomicInteger::get).tags(tags)
                .description("Session channels open").strongReference(true).register(registry);
        this.refused = Counter.builder(MeterNames.SESSIONS_REFUSED).tags(tags)
                .description("Sessions refused (CreateSequenceRefused)").register(registry);
        this.retransmissions = Counter.builder(MeterNames.RETRANSMISSIONS).tags(tags)
                .description("Reliable-session messages sent again").register(registry);
        this.acksReceived = Counter.builder(MeterNames.ACKNOWLEDGEMENTS).tags(tags).tag(MeterNames.DIRECTION,
                "received").description("Reliable-session acknowledgements").register(registry);
        this.acksSent = Counter.builder(MeterNames.ACKNOWLEDGEMENTS).tags(tags).tag(MeterNames.DIRECTION, "sent")
                .description("Reliable-session acknowledgements").register(registry);
        this.window = DistributionSummary.builder(MeterNames.WINDOW_OCCUPANCY).tags(tags).baseUnit("messages")
                .description("Messages in a reliable session's transfer window as a new one enters it")
                .register(registry);
        this.negotiated = Counter.builder(MeterNames.NEGOTIATIONS).tags(tags).tag(MeterNames.OUTCOME, "success")
                .description("Security negotiations (context tokens issued)").register(registry);
        this.negotiationFailed = Counter.builder(MeterNames.NEGOTIATIONS).tags(tags).tag(MeterNames.OUTCOME,
                "failure").description("Security negotiations (context tokens issued)").register(registry);
    }

    /** The session channels open now (what the gauge reads). */
    int openSessions() {
        return open.get();
    }

    @Override
    public OperationMetrics operation(String name) {
        return operations.computeIfAbsent(name, n -> new OperationMeters(registry, observations, endpoint, tags, n));
    }

    @Override
    public void sessionOpened() {
        open.incrementAndGet();
    }

    @Override
    public void sessionClosed() {
        open.decrementAndGet();
    }

    @Override
    public void sessionRefused() {
        refused.increment();
    }

    @Override
    public void retransmission() {
        retransmissions.increment();
    }

    @Override
    public void acknowledgementReceived() {
        acksReceived.increment();
    }

    @Override
    public void acknowledgementSent() {
        acksSent.increment();
    }

    @Override
    public void windowOccupancy(int messages) {
        window.record(messages);
    }

    @Override
    public void securityNegotiation(boolean succeeded) {
        (succeeded ? negotiated : negotiationFailed).increment();
    }
}
