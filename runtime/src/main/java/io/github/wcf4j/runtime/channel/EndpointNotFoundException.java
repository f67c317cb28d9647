package io.github.wcf4j.runtime.channel;

/** No endpoint listens at the address (WCF {@code EndpointNotFoundException}). */
public class EndpointNotFoundException extends CommunicationException {
    public EndpointNotFoundException(String message) {
        super(message);
    }

    public EndpointNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
