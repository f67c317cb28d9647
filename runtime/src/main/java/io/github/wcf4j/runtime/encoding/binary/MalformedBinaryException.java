package io.github.wcf4j.runtime.encoding.binary;

import io.github.wcf4j.runtime.channel.ProtocolException;

/** Binary XML or a session string table that cannot be decoded (WCF throws an {@code XmlException} there). */
public final class MalformedBinaryException extends ProtocolException {
    private static final long serialVersionUID = 1L;
    private final boolean truncated;

    public MalformedBinaryException(String message) {
        this(message, false);
    }

    private MalformedBinaryException(String message, boolean truncated) {
        super(message);
        this.truncated = truncated;
    }

    /** The data ended where more was expected (a streamed read of a prefix: the rest may still arrive). */
    static MalformedBinaryException truncated(String message) {
        return new MalformedBinaryException(message, true);
    }

    /** Whether the data ended where more was expected, rather than being wrong. */
    public boolean truncated() {
        return truncated;
    }
}
