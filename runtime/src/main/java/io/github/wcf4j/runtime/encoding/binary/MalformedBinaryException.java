package io.github.wcf4j.runtime.encoding.binary;

import io.github.wcf4j.runtime.channel.ProtocolException;

/** Binary XML or a session string table that cannot be decoded (WCF throws an {@code XmlException} there). */
public final class MalformedBinaryException extends ProtocolException {
    private static final long serialVersionUID = 1L;

    public MalformedBinaryException(String message) {
        super(message);
    }
}
