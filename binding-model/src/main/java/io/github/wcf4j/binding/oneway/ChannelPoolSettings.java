package io.github.wcf4j.binding.oneway;

import io.github.wcf4j.binding.ArgumentChecks;
import java.time.Duration;

/**
 * Pooling of the inner channels a one-way factory sends over ({@code <oneWay><channelPoolSettings>}, WCF
 * {@code ChannelPoolSettings}).
 *
 * @param idleTimeout                    {@code "00:02:00"}, {@code >= 0}
 * @param leaseTimeout                   {@code "00:10:00"}, {@code >= 0}
 * @param maxOutboundChannelsPerEndpoint {@code 10}, {@code >= 1}
 */
public record ChannelPoolSettings(Duration idleTimeout, Duration leaseTimeout, int maxOutboundChannelsPerEndpoint) {
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(2);
    public static final Duration DEFAULT_LEASE_TIMEOUT = Duration.ofMinutes(10);
    public static final int DEFAULT_MAX_OUTBOUND_CHANNELS_PER_ENDPOINT = 10;

    public ChannelPoolSettings {
        ArgumentChecks.nonNegativeTimeout(idleTimeout, "idleTimeout");
        ArgumentChecks.nonNegativeTimeout(leaseTimeout, "leaseTimeout");
        ArgumentChecks.positive(maxOutboundChannelsPerEndpoint, "maxOutboundChannelsPerEndpoint");
    }

    public static ChannelPoolSettings defaults() {
        return new ChannelPoolSettings(DEFAULT_IDLE_TIMEOUT, DEFAULT_LEASE_TIMEOUT,
                DEFAULT_MAX_OUTBOUND_CHANNELS_PER_ENDPOINT);
    }
}
