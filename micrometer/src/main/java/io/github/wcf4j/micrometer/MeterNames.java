package io.github.wcf4j.micrometer;

/**
 * The names of wcf4j's meters and tags, in Micrometer's convention (lower-case, dot-separated; each registry renders
 * them its way, Prometheus as {@code wcf4j_calls_seconds_count}).
 */
public final class MeterNames {
    /** Timer: each call, by operation and outcome. */
    public static final String CALLS = "wcf4j.calls";
    /** Gauge: the session channels open now. */
    public static final String SESSIONS_OPEN = "wcf4j.sessions.open";
    /** Counter: sessions refused (a reliable session's CreateSequenceRefused). */
    public static final String SESSIONS_REFUSED = "wcf4j.sessions.refused";
    /** Counter: reliable-session retransmissions. */
    public static final String RETRANSMISSIONS = "wcf4j.reliable.retransmissions";
    /** Counter: reliable-session acknowledgements, by direction. */
    public static final String ACKNOWLEDGEMENTS = "wcf4j.reliable.acknowledgements";
    /** Distribution summary: how many messages a transfer window held as each new message entered it. */
    public static final String WINDOW_OCCUPANCY = "wcf4j.reliable.window.occupancy";
    /** Counter: security negotiations (context token issuances), by outcome. */
    public static final String NEGOTIATIONS = "wcf4j.security.negotiations";
    /** Observation (span): one call. */
    public static final String CALL_OBSERVATION = "wcf4j.call";

    public static final String SIDE = "side";
    public static final String SERVICE = "service";
    public static final String ENDPOINT = "endpoint";
    public static final String CONTRACT = "contract";
    public static final String OPERATION = "operation";
    public static final String OUTCOME = "outcome";
    public static final String DIRECTION = "direction";
    /** High-cardinality key of a call's span: the request's WS-Addressing MessageID. */
    public static final String MESSAGE_ID = "wcf4j.message.id";

    private MeterNames() {
    }
}
