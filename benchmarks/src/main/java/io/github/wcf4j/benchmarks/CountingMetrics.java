package io.github.wcf4j.benchmarks;

import io.github.wcf4j.runtime.metrics.EndpointMetrics;
import io.github.wcf4j.runtime.metrics.MeteredEndpoint;
import io.github.wcf4j.runtime.metrics.RuntimeMetrics;
import java.util.concurrent.atomic.LongAdder;

/**
 * The runtime's metrics port counting what a reliable load's retransmission timers do, over every endpoint it is given
 * to (the client factory and the host): retransmissions (a message of a sequence sent again, by its timer or an
 * acknowledgement gap) and acknowledgements received. Printed by {@link Wcf4jSystem} as {@code COUNTERS {json}} after
 * its load.
 */
final class CountingMetrics implements RuntimeMetrics {
    final LongAdder retransmissions = new LongAdder();
    final LongAdder acknowledgements = new LongAdder();

    @Override
    public EndpointMetrics endpoint(MeteredEndpoint endpoint) {
        return new EndpointMetrics() {
            @Override
            public void retransmission() {
                retransmissions.increment();
            }

            @Override
            public void acknowledgementReceived() {
                acknowledgements.increment();
            }
        };
    }

    String json() {
        return "{\"retransmissions\":" + retransmissions.sum() + ",\"acknowledgements\":" + acknowledgements.sum()
                + "}";
    }
}
