package io.github.wcf4j.junit;

/** Where a {@link Wcf4jTest}'s services listen. */
public enum Wcf4jTransport {
    /**
     * The configured transports on the loopback, each at a free port: the base addresses and absolute endpoint
     * addresses of the configuration with port 0.
     */
    SOCKETS,
    /**
     * wcf4j's in-memory transport instead of each binding's own (HTTP-like bindings request/reply, net.tcp a duplex
     * session), every other element as configured; addresses {@code inmemory://localhost/<path>}. Inject the
     * {@code InMemoryNetwork} to see the envelopes that crossed or to inject faults. Settings of the replaced transport
     * (HTTP authentication schemes, TLS) do not apply.
     */
    IN_MEMORY
}
