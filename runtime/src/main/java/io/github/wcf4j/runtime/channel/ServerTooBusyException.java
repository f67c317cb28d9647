package io.github.wcf4j.runtime.channel;

/** The service refused the request because it is at a limit (WCF {@code ServerTooBusyException}). */
public class ServerTooBusyException extends CommunicationException {
    public ServerTooBusyException(String message) {
        super(message);
    }

    public ServerTooBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
