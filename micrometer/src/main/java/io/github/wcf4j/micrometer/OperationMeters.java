package io.github.wcf4j.micrometer;

import io.github.wcf4j.runtime.metrics.CallOutcome;
import io.github.wcf4j.runtime.metrics.CallSpan;
import io.github.wcf4j.runtime.metrics.MeteredEndpoint;
import io.github.wcf4j.runtime.metrics.OperationMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.concurrent.TimeUnit;

/**
 * One operation's meters: a {@code wcf4j.calls} timer per outcome, registered up front so recording a call is one
 * array read and one timer update; and, when observations are on, an {@link Observation} per call, named
 * {@code wcf4j.call}, its contextual name {@code <side> <operation>}, carrying the request's MessageID.
 */
final class OperationMeters implements OperationMetrics {
    private final Timer[] byOutcome = new Timer[CallOutcome.values().length];
    private final ObservationRegistry observations;
    private final MeteredEndpoint endpoint;
    private final String operation;
    private final String contextualName;

    OperationMeters(MeterRegistry registry, ObservationRegistry observations, MeteredEndpoint endpoint, Tags tags,
            String operation) {
        this.observations = observations;
        this.endpoint = endpoint;
        this.operation = operation;
        this.contextualName = endpoint.side().tagValue() + " " + operation;
        for (CallOutcome o : CallOutcome.values()) {
            byOutcome[o.ordinal()] = Timer.builder(MeterNames.CALLS).tags(tags)
                    .tags(Tags.of(Tag.of(MeterNames.OPERATION, operation), Tag.of(MeterNames.OUTCOME, o.tagValue())))
                    .description("WCF operation calls").register(registry);
        }
    }

    @Override
    public void record(CallOutcome outcome, long nanos) {
        byOutcome[outcome.ordinal()].record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public CallSpan span(String messageId) {
        if (observations.isNoop()) {
            return CallSpan.NONE;
        }
        Observation observation = Observation.createNotStarted(MeterNames.CALL_OBSERVATION, observations)
                .contextualName(contextualName)
                .lowCardinalityKeyValue(MeterNames.SIDE, endpoint.side().tagValue())
                .lowCardinalityKeyValue(MeterNames.SERVICE, endpoint.owner())
                .lowCardinalityKeyValue(MeterNames.ENDPOINT, endpoint.endpoint())
                .lowCardinalityKeyValue(MeterNames.CONTRACT, endpoint.contract())
                .lowCardinalityKeyValue(MeterNames.OPERATION, operation);
        if (messageId != null) {
            observation.highCardinalityKeyValue(MeterNames.MESSAGE_ID, messageId);
        }
        observation.start();
        return (outcome, error) -> {
            observation.lowCardinalityKeyValue(MeterNames.OUTCOME, outcome.tagValue());
            if (error != null) {
                observation.error(error);
            }
            observation.stop();
        };
    }
}
