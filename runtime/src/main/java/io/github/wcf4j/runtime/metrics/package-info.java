/**
 * The runtime's metrics port: what a host and a client factory report about their endpoints (calls and faults per
 * operation with their durations, open sessions, reliable-session retransmissions, acknowledgements and window
 * occupancy, refused sessions, security negotiations), without depending on a metrics library.
 *
 * <pre>
 *  ServiceHost / ClientFactory ──► RuntimeMetrics.endpoint(MeteredEndpoint) ──► EndpointMetrics (a binding parameter of
 *        │                                                                      the endpoint's stack)
 *        ├─ MessageDispatcher / ServiceChannel ──► OperationMetrics.record(outcome, nanos), CallSpan (tracing)
 *        ├─ EndpointDispatcher / ServiceChannel ──► sessionOpened / sessionClosed
 *        ├─ reliableSession layer ──► retransmission, acknowledgement*, windowOccupancy, sessionRefused
 *        └─ security layer ──► securityNegotiation
 * </pre>
 *
 * <p>{@link io.github.wcf4j.runtime.metrics.RuntimeMetrics#NONE} is the default: its methods do nothing and hand out
 * shared constants, so a user without metrics pays one virtual call per event. Implementations
 * ({@code wcf4j-micrometer}) resolve their meters when an endpoint or operation is first described and must not
 * allocate per event.
 */
package io.github.wcf4j.runtime.metrics;
