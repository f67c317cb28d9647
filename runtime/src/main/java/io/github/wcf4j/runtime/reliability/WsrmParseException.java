package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.runtime.channel.ProtocolException;

/** A WS-RM header or body that is not what the protocol allows (WCF's {@code XmlException} while reading it). */
public class WsrmParseException extends ProtocolException {
    public WsrmParseException(String message) {
        super(message);
    }

    public WsrmParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
