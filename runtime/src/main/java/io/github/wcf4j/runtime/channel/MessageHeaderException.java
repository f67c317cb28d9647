package io.github.wcf4j.runtime.channel;

/**
 * A required header is missing or repeated (WCF {@code MessageHeaderException}). Under WS-Addressing 1.0 a missing
 * addressing header is answered with {@code wsa:MessageAddressingHeaderRequired}, a repeated one with
 * {@code wsa:InvalidAddressingHeader/InvalidCardinality}.
 */
public class MessageHeaderException extends ProtocolException {
    private final String headerName;
    private final String headerNamespace;
    private final boolean duplicate;

    public MessageHeaderException(String message, String headerName, String headerNamespace, boolean duplicate) {
        super(message);
        this.headerName = headerName;
        this.headerNamespace = headerNamespace;
        this.duplicate = duplicate;
    }

    public String headerName() {
        return headerName;
    }

    public String headerNamespace() {
        return headerNamespace;
    }

    public boolean isDuplicate() {
        return duplicate;
    }
}
