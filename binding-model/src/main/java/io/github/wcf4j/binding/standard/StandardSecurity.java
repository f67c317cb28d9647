package io.github.wcf4j.binding.standard;

import io.github.wcf4j.binding.ArgumentChecks;

/**
 * {@code <security>} of a standard binding: a mode and its transport and message settings.
 *
 * @param mode      the security mode; each binding has its own default and allowed values
 * @param transport used by {@code Transport}, {@code TransportWithMessageCredential}, {@code TransportCredentialOnly}
 * @param message   used by {@code Message} and {@code TransportWithMessageCredential}
 */
public record StandardSecurity(SecurityMode mode, TransportSecurity transport, MessageSecurity message) {

    public StandardSecurity {
        ArgumentChecks.notNull(mode, "mode");
        ArgumentChecks.notNull(transport, "transport");
        ArgumentChecks.notNull(message, "message");
    }

    public StandardSecurity withMode(SecurityMode m) {
        return new StandardSecurity(m, transport, message);
    }

    /** Whether the transport is secured (HTTPS / TLS): {@code Transport} or {@code TransportWithMessageCredential}. */
    public boolean securesTransport() {
        return mode == SecurityMode.Transport || mode == SecurityMode.TransportWithMessageCredential;
    }

    /** Whether a message-security element is created: {@code Message} or {@code TransportWithMessageCredential}. */
    public boolean securesMessages() {
        return mode == SecurityMode.Message || mode == SecurityMode.TransportWithMessageCredential;
    }
}
