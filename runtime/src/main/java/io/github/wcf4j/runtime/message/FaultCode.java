package io.github.wcf4j.runtime.message;

/**
 * The SOAP fault code, named as in SOAP 1.2; the encoder writes SOAP 1.1's names ({@code Client}, {@code Server}) for
 * SOAP 1.1 envelopes.
 */
public enum FaultCode {
    /** The message was wrong (SOAP 1.1 {@code Client}). */
    Sender("Sender", "Client"),
    /** The receiver failed (SOAP 1.1 {@code Server}). */
    Receiver("Receiver", "Server"),
    /** A header marked {@code mustUnderstand} was not understood. */
    MustUnderstand("MustUnderstand", "MustUnderstand"),
    /** The envelope is of another SOAP version. */
    VersionMismatch("VersionMismatch", "VersionMismatch");

    private final String soap12;
    private final String soap11;

    FaultCode(String soap12, String soap11) {
        this.soap12 = soap12;
        this.soap11 = soap11;
    }

    public String soap12Name() {
        return soap12;
    }

    public String soap11Name() {
        return soap11;
    }

    /** The code for a SOAP 1.1 or 1.2 local name; unknown names count as {@code Sender}. */
    public static FaultCode fromLocalName(String local) {
        for (FaultCode c : values()) {
            if (c.soap12.equals(local) || c.soap11.equals(local)) {
                return c;
            }
        }
        return Sender;
    }
}
