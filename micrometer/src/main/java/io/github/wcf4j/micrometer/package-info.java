/**
 * wcf4j's metrics port ({@code io.github.wcf4j.runtime.metrics}) implemented with Micrometer.
 *
 * <pre>
 *  RuntimeMetrics ─► MicrometerRuntimeMetrics ─► EndpointMeters (one per endpoint: its tags, counters, gauge)
 *                                                  └─► OperationMeters (one per operation: a timer per outcome,
 *                                                       a span per call when an ObservationRegistry is given)
 * </pre>
 *
 * <p>Meters, each tagged {@code side} (service|client), {@code service}, {@code endpoint}, {@code contract}:
 * {@code wcf4j.calls} (timer; {@code operation}, {@code outcome} success|fault|error), {@code wcf4j.sessions.open}
 * (gauge), {@code wcf4j.sessions.refused}, {@code wcf4j.reliable.retransmissions},
 * {@code wcf4j.reliable.acknowledgements} ({@code direction} received|sent), {@code wcf4j.security.negotiations}
 * ({@code outcome} success|failure) (counters) and {@code wcf4j.reliable.window.occupancy} (distribution summary,
 * messages).
 */
package io.github.wcf4j.micrometer;
