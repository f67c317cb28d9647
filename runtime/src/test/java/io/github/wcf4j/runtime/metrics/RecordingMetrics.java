package io.github.wcf4j.runtime.metrics;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The metrics port as a list of events ("client Add success", "service sessionOpened", ...), for tests that check
 * what the runtime reports beside what crossed the wire.
 */
public final class RecordingMetrics implements RuntimeMetrics {
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<MeteredEndpoint> endpoints = new CopyOnWriteArrayList<>();

    public List<String> events() {
        return List.copyOf(events);
    }

    public List<MeteredEndpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    /** How many events equal {@code event}. */
    public long count(String event) {
        return events.stream().filter(event::equals).count();
    }

    @Override
    public EndpointMetrics endpoint(MeteredEndpoint endpoint) {
        endpoints.add(endpoint);
        String side = endpoint.side().tagValue() + " ";
        return new EndpointMetrics() {
            @Override
            public OperationMetrics operation(String name) {
                return (outcome, nanos) -> events.add(side + name + " " + outcome.tagValue());
            }

            @Override
            public void sessionOpened() {
                events.add(side + "sessionOpened");
            }

            @Override
            public void sessionClosed() {
                events.add(side + "sessionClosed");
            }

            @Override
            public void sessionRefused() {
                events.add(side + "sessionRefused");
            }

            @Override
            public void retransmission() {
                events.add(side + "retransmission");
            }

            @Override
            public void acknowledgementReceived() {
                events.add(side + "acknowledgementReceived");
            }

            @Override
            public void acknowledgementSent() {
                events.add(side + "acknowledgementSent");
            }

            @Override
            public void windowOccupancy(int messages) {
                events.add(side + "window " + messages);
            }

            @Override
            public void securityNegotiation(boolean succeeded) {
                events.add(side + "negotiation " + (succeeded ? "succeeded" : "failed"));
            }
        };
    }
}
