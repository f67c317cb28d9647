package io.github.wcf4j.runtime.channel;

/** No operation of the endpoint handles the message's action (WCF {@code ActionNotSupportedException}). */
public class ActionNotSupportedException extends CommunicationException {
    public ActionNotSupportedException(String message) {
        super(message);
    }

    public ActionNotSupportedException(String message, Throwable cause) {
        super(message, cause);
    }
}
