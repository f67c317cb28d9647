package io.github.wcf4j.binding.transport;

import io.github.wcf4j.binding.ArgumentChecks;
import java.time.Duration;

/**
 * Outbound connection pooling of the TCP transport ({@code <tcpTransport><connectionPoolSettings>}).
 *
 * @param groupName                         {@code "default"}
 * @param idleTimeout                       {@code "00:02:00"}
 * @param leaseTimeout                      {@code "00:05:00"}
 * @param maxOutboundConnectionsPerEndpoint {@code 10}
 */
public record TcpConnectionPoolSettings(String groupName, Duration idleTimeout, Duration leaseTimeout,
        int maxOutboundConnectionsPerEndpoint) {

    public TcpConnectionPoolSettings {
        ArgumentChecks.notNull(groupName, "groupName");
        ArgumentChecks.nonNegativeTimeout(idleTimeout, "idleTimeout");
        ArgumentChecks.nonNegativeTimeout(leaseTimeout, "leaseTimeout");
        ArgumentChecks.nonNegative(maxOutboundConnectionsPerEndpoint, "maxOutboundConnectionsPerEndpoint");
    }

    public static TcpConnectionPoolSettings defaults() {
        return new TcpConnectionPoolSettings("default", Duration.ofMinutes(2), Duration.ofMinutes(5), 10);
    }
}
