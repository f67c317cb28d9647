package io.github.wcf4j.runtime.channel;

/** The other side broke the protocol (WCF {@code ProtocolException}): a malformed or unexpected message. */
public class ProtocolException extends CommunicationException {
    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
