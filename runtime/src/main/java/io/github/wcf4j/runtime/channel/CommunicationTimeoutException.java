package io.github.wcf4j.runtime.channel;

/**
 * An operation did not complete within its timeout (WCF's {@code System.TimeoutException}, renamed to avoid
 * {@link java.util.concurrent.TimeoutException}). As in WCF, it is not a {@link CommunicationException}.
 */
public class CommunicationTimeoutException extends RuntimeException {
    public CommunicationTimeoutException(String message) {
        super(message);
    }
}
