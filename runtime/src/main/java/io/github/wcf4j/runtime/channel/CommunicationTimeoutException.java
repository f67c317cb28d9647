package io.github.wcf4j.runtime.channel;

import java.util.concurrent.TimeoutException;

/**
 * An operation did not complete within its timeout (WCF's {@code System.TimeoutException}, renamed to avoid
 * {@link TimeoutException}). As in WCF, it is not a {@link CommunicationException}.
 */
public class CommunicationTimeoutException extends RuntimeException {
    public CommunicationTimeoutException(String message) {
        super(message);
    }
}
