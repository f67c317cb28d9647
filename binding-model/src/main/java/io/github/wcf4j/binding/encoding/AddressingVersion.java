package io.github.wcf4j.binding.encoding;

/** The WS-Addressing version of a message (WCF {@code AddressingVersion}). */
public enum AddressingVersion {
    /** W3C WS-Addressing 1.0 (2005/08). */
    WS_ADDRESSING_10("Addressing10 (http://www.w3.org/2005/08/addressing)", "http://www.w3.org/2005/08/addressing",
            "http://www.w3.org/2005/08/addressing/anonymous",
            "http://www.w3.org/2005/08/addressing/soap/fault", "http://www.w3.org/2005/08/addressing/fault"),
    /** The August 2004 member submission. */
    WS_ADDRESSING_AUGUST_2004("Addressing200408 (http://schemas.xmlsoap.org/ws/2004/08/addressing)",
            "http://schemas.xmlsoap.org/ws/2004/08/addressing",
            "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous",
            "http://schemas.xmlsoap.org/ws/2004/08/addressing/fault",
            "http://schemas.xmlsoap.org/ws/2004/08/addressing/fault"),
    /** No addressing headers at all (plain SOAP). */
    NONE("AddressingNone (http://schemas.microsoft.com/ws/2005/05/addressing/none)",
            "http://schemas.microsoft.com/ws/2005/05/addressing/none", null, null, null);

    private final String wcfToString;
    private final String namespace;
    private final String anonymous;
    private final String defaultFaultAction;
    private final String faultAction;

    AddressingVersion(String wcfToString, String namespace, String anonymous, String defaultFaultAction,
            String faultAction) {
        this.wcfToString = wcfToString;
        this.namespace = namespace;
        this.anonymous = anonymous;
        this.defaultFaultAction = defaultFaultAction;
        this.faultAction = faultAction;
    }

    /** The action of WS-Addressing's own faults (ActionNotSupported, DestinationUnreachable); {@code null} for none. */
    public String faultAction() {
        return faultAction;
    }

    /** The WS-Addressing namespace. */
    public String namespace() {
        return namespace;
    }

    /** The anonymous address URI, or {@code null} for {@link #NONE}. */
    public String anonymous() {
        return anonymous;
    }

    /** The action WCF puts on faults, or {@code null} for {@link #NONE}. */
    public String defaultFaultAction() {
        return defaultFaultAction;
    }

    /** As WCF's {@code AddressingVersion.ToString()} prints it in error texts. */
    @Override
    public String toString() {
        return wcfToString;
    }
}
