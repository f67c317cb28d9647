package io.github.wcf4j.binding.encoding;

/** The SOAP envelope version of a message (WCF {@code EnvelopeVersion}). */
public enum EnvelopeVersion {
    SOAP11("Soap11", "http://schemas.xmlsoap.org/soap/envelope/", "text/xml"),
    SOAP12("Soap12", "http://www.w3.org/2003/05/soap-envelope", "application/soap+xml"),
    NONE("None", null, "application/xml");

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

    /** The envelope namespace, or {@code null} for {@link #NONE} (POX). */
    public String namespace() {
        return namespace;
    }

    /** The media type the text encoder sends: {@code text/xml} (1.1) or {@code application/soap+xml} (1.2). */
    public String mediaType() {
        return mediaType;
    }

    @Override
    public String toString() {
        return wcfName;
    }
}
