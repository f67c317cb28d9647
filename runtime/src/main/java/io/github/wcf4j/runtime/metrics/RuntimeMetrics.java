package io.github.wcf4j.runtime.metrics;

/**
 * Where a host's and a client factory's endpoints report what they do (the runtime's metrics port; no WCF type: WCF
 * has performance counters instead). Given to {@code ServiceHost.Builder.metrics} or
 * {@code ClientFactory.Builder.metrics}, or as a binding parameter; the runtime asks it once per endpoint when the
 * endpoint opens.
 *
 * <pre>{@code
 * ServiceHost host = ServiceHost.builder(config, "CalculatorService").metrics(new MicrometerRuntimeMetrics(registry))
 *         .build();
 * }</pre>
 *
 * <p>Thread-safety: implementations are called from any thread, concurrently.
 */
public interface RuntimeMetrics {
    /** Records nothing: the default. */
    RuntimeMetrics NONE = endpoint -> EndpointMetrics.NONE;

    /** The meters of one endpoint, asked once when it opens (a client factory: when it is built). */
    EndpointMetrics endpoint(MeteredEndpoint endpoint);
}
