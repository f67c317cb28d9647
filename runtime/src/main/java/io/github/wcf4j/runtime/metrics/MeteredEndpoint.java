package io.github.wcf4j.runtime.metrics;

import java.util.Objects;

/**
 * What names one metered endpoint: its side, its owner (the service's configuration name, or for a client the
 * contract's), the endpoint (its configured name, else its address as written) and the contract's configuration
 * name. The values are as configured, so a dashboard shows the names of the {@code app.config}.
 */
public record MeteredEndpoint(Side side, String owner, String endpoint, String contract) {
    /** Which side of the wire the endpoint is on. */
    public enum Side {
        SERVICE, CLIENT;

        /** {@code service} or {@code client}. */
        public String tagValue() {
            return this == SERVICE ? "service" : "client";
        }
    }

    public MeteredEndpoint {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(contract, "contract");
    }
}
