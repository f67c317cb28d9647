package io.github.wcf4j.binding.encoding;

/** The SOAP envelope version of a message (WCF {@code EnvelopeVersion}). */
public enum EnvelopeVersion {
    SOAP11("Soap11", "http://schemas.xmlsoap.org/soap/envelope/", "text/xml"),
    SOAP12("Soap12", "http://www.w3.org/2003/05/soap-envelope", "application/soap+xml"),
    /**
     * No envelope (plain XML, "POX"): a message is its body element alone. Its namespace is WCF's
     * {@code EnvelopeVersion.None.Namespace}, which only the {@code Fault} element of a fault written without an
     * envelope carries.
     */
    NONE("None", "http://schemas.microsoft.com/ws/2005/05/envelope/none", "application/xml");

    private final String wcfName;
    private final String namespace;
    private final String mediaType;

    EnvelopeVersion(String wcfName, String namespace, String mediaType) {
        this.wcfName = wcfName;
        this.namespace = namespace;
        this.mediaType = mediaType;
    }

    public String wcfName() {
        return wcfName;
    }

    /** The envelope namespace ({@link #NONE}: the namespace of its faults' {@code Fault} element). */
    public String namespace() {
        return namespace;
    }

    /**
     * The media type the text encoder sends: {@code text/xml} (1.1), {@code application/soap+xml} (1.2) or
     * {@code application/xml} (none).
     */
    public String mediaType() {
        return mediaType;
    }

    /** As WCF's {@code EnvelopeVersion.ToString()} prints it in error texts, e.g. {@code EnvelopeNone (ns)}. */
    public String wcfToString() {
        return (this == NONE ? "EnvelopeNone" : wcfName) + " (" + namespace + ")";
    }

    @Override
    public String toString() {
        return wcfName;
    }
}
