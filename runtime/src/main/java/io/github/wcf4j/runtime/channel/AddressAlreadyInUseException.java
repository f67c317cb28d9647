package io.github.wcf4j.runtime.channel;

/** The listen address is taken by another listener or process (WCF {@code AddressAlreadyInUseException}). */
public class AddressAlreadyInUseException extends CommunicationException {
    public AddressAlreadyInUseException(String message, Throwable cause) {
        super(message, cause);
    }
}
