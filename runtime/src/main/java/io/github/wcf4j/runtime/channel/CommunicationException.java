package io.github.wcf4j.runtime.channel;

/**
 * A communication failure (WCF {@code CommunicationException}): the base of every error that concerns the
 * conversation with the other side rather than the local program.
 */
public class CommunicationException extends RuntimeException {
    public CommunicationException(String message) {
        super(message);
    }

    public CommunicationException(String message, Throwable cause) {
        super(message, cause);
    }
}
