package io.github.wcf4j.binding.description;

import io.github.wcf4j.binding.ArgumentChecks;

/**
 * {@code <serviceThrottling>}: how many calls, sessions and service instances a service handles at once.
 *
 * <p>WCF 4 defaults scale with the processor count ({@code ServiceThrottle}): 16 calls, 100 sessions per processor,
 * and instances = calls + sessions.
 */
public record ServiceThrottlingBehavior(int maxConcurrentCalls, int maxConcurrentSessions,
        int maxConcurrentInstances) {

    /** Calls per processor: {@code 16}. */
    public static final int CALLS_PER_PROCESSOR = 16;
    /** Sessions per processor: {@code 100}. */
    public static final int SESSIONS_PER_PROCESSOR = 100;

    public ServiceThrottlingBehavior {
        ArgumentChecks.positive(maxConcurrentCalls, "maxConcurrentCalls");
        ArgumentChecks.positive(maxConcurrentSessions, "maxConcurrentSessions");
        ArgumentChecks.positive(maxConcurrentInstances, "maxConcurrentInstances");
    }

    /** WCF 4's defaults for {@code processors}. */
    public static ServiceThrottlingBehavior defaults(int processors) {
        int calls = CALLS_PER_PROCESSOR * processors;
        int sessions = SESSIONS_PER_PROCESSOR * processors;
        return new ServiceThrottlingBehavior(calls, sessions, calls + sessions);
    }

    /** WCF 4's defaults for this machine. */
    public static ServiceThrottlingBehavior defaults() {
        return defaults(Runtime.getRuntime().availableProcessors());
    }
}
