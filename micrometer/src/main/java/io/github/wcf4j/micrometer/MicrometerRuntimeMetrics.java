package io.github.wcf4j.micrometer;

import io.github.wcf4j.runtime.metrics.EndpointMetrics;
import io.github.wcf4j.runtime.metrics.MeteredEndpoint;
import io.github.wcf4j.runtime.metrics.RuntimeMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runtime's metrics port on a Micrometer {@link MeterRegistry}, with a span per call when an
 * {@link ObservationRegistry} is given (Micrometer Observation: a tracer bridge turns each into a span carrying the
 * request's WS-Addressing {@code MessageID}).
 *
 * <pre>{@code
 * MicrometerRuntimeMetrics metrics = new MicrometerRuntimeMetrics(registry, observations);
 * ServiceHost host = ServiceHost.builder(config, "CalculatorService").metrics(metrics).build();
 * ClientFactory<Calculator> client = ClientFactory.builder(endpoint, Calculator.class).metrics(metrics).build();
 * }</pre>
 *
 * <p>Meters are registered when an endpoint opens and an operation is first called, never per event; an endpoint
 * opened again (a host closed and opened anew) reports into the same meters. Thread-safe.
 */
public final class MicrometerRuntimeMetrics implements RuntimeMetrics {
    private final MeterRegistry registry;
    private final ObservationRegistry observations;
    private final Map<MeteredEndpoint, EndpointMeters> endpoints = new ConcurrentHashMap<>();

    /** Meters only, no spans. */
    public MicrometerRuntimeMetrics(MeterRegistry registry) {
        this(registry, ObservationRegistry.NOOP);
    }

    /** Meters in {@code registry}, a span per call through {@code observations}. */
    public MicrometerRuntimeMetrics(MeterRegistry registry, ObservationRegistry observations) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.observations = Objects.requireNonNull(observations, "observations");
    }

    @Override
    public EndpointMetrics endpoint(MeteredEndpoint endpoint) {
        return endpoints.computeIfAbsent(endpoint, e -> new EndpointMeters(registry, observations, e));
    }
}
