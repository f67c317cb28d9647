package io.github.wcf4j.runtime.channel;

/** A communication object was used after it was aborted (WCF {@code CommunicationObjectAbortedException}). */
public class CommunicationObjectAbortedException extends CommunicationException {
    public CommunicationObjectAbortedException(String message) {
        super(message);
    }

    public CommunicationObjectAbortedException(String message, Throwable cause) {
        super(message, cause);
    }
}
