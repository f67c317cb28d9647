package io.github.wcf4j.runtime.channel;

/** A communication object was used after it faulted (WCF {@code CommunicationObjectFaultedException}). */
public class CommunicationObjectFaultedException extends CommunicationException {
    public CommunicationObjectFaultedException(String message) {
        super(message);
    }

    public CommunicationObjectFaultedException(String message, Throwable cause) {
        super(message, cause);
    }
}
