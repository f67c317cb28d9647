package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.WcfTimeSpan;
import java.time.Duration;

import io.github.wcf4j.binding.BindingTimeouts;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import io.github.wcf4j.runtime.metrics.EndpointMetrics;
import io.github.wcf4j.runtime.reliability.store.SequenceStore;
import io.github.wcf4j.runtime.time.Scheduler;

/**
 * What every reliable session of a factory or listener shares: the {@code <reliableSession>} settings, the WS-RM and
 * message versions, the binding's timeouts, the scheduler, the endpoint's meters and the store sequences are kept in
 * ({@link SequenceStore#none()}: none).
 */
record SessionSettings(ReliableSessionBindingElement rm, Wsrm wsrm, MessageVersion version, BindingTimeouts timeouts,
        Scheduler scheduler, PollIntervals poll, EndpointMetrics metrics, SequenceStore store) {

    SessionSettings(ReliableSessionBindingElement rm, Wsrm wsrm, MessageVersion version, BindingTimeouts timeouts,
            Scheduler scheduler) {
        this(rm, wsrm, version, timeouts, scheduler, EndpointMetrics.NONE);
    }

    SessionSettings(ReliableSessionBindingElement rm, Wsrm wsrm, MessageVersion version, BindingTimeouts timeouts,
            Scheduler scheduler, EndpointMetrics metrics) {
        this(rm, wsrm, version, timeouts, scheduler, PollIntervals.of(rm, timeouts), metrics, SequenceStore.none());
    }

    SessionSettings(ReliableSessionBindingElement rm, Wsrm wsrm, MessageVersion version, BindingTimeouts timeouts,
            Scheduler scheduler, EndpointMetrics metrics, SequenceStore store) {
        this(rm, wsrm, version, timeouts, scheduler, PollIntervals.of(rm, timeouts), metrics, store);
    }

    /**
     * The client's polling intervals (wcf-reference.md §4.7), computed once rather than on every message: the first
     * AckRequested after {@code inactivityTimeout/2} idle, keep-alives every {@code inactivityTimeout/2/maxRetryCount},
     * fast polling (no quota) every {@code min(sendTimeout/2, keep-alive)}; null when inactivityTimeout is infinite.
     */
    record PollIntervals(Duration idle, Duration keepAlive, Duration fast) {
        static PollIntervals of(ReliableSessionBindingElement rm, BindingTimeouts timeouts) {
            Duration t = rm.inactivityTimeout();
            if (WcfTimeSpan.isInfinite(t)) {
                return null;
            }
            Duration keepAlive = t.dividedBy(2).dividedBy(rm.maxRetryCount());
            Duration half = timeouts.sendTimeout().dividedBy(2);
            return new PollIntervals(t.dividedBy(2), keepAlive, half.compareTo(keepAlive) < 0 ? half : keepAlive);
        }
    }
}
