package io.github.wcf4j.binding.reliability;

/**
 * The WS-ReliableMessaging protocol version of a reliable session (WCF {@code ReliableMessagingVersion}).
 *
 * <p>{@code Default} in configuration means {@link #WS_RELIABLE_MESSAGING_FEBRUARY_2005}.
 */
public enum ReliableMessagingVersion {
    /** WS-ReliableMessaging February 2005 ("WS-RM 1.0"). */
    WS_RELIABLE_MESSAGING_FEBRUARY_2005("WSReliableMessagingFebruary2005", "http://schemas.xmlsoap.org/ws/2005/02/rm"),
    /** OASIS WS-ReliableMessaging 1.1 (200702). */
    WS_RELIABLE_MESSAGING_11("WSReliableMessaging11", "http://docs.oasis-open.org/ws-rx/wsrm/200702");

    /** {@code ReliableMessagingVersion.Default}. */
    public static final ReliableMessagingVersion DEFAULT = WS_RELIABLE_MESSAGING_FEBRUARY_2005;

    private final String wcfName;
    private final String namespace;

    ReliableMessagingVersion(String wcfName, String namespace) {
        this.wcfName = wcfName;
        this.namespace = namespace;
    }

    /** The configuration literal, e.g. {@code WSReliableMessaging11}. */
    public String wcfName() {
        return wcfName;
    }

    /** The WS-RM namespace of the protocol messages. */
    public String namespace() {
        return namespace;
    }

    @Override
    public String toString() {
        return wcfName;
    }
}
