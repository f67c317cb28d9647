package io.github.wcf4j.runtime.channel;

/** Security could not be established with the other side, e.g. an untrusted TLS certificate (WCF's exception). */
public class SecurityNegotiationException extends CommunicationException {
    public SecurityNegotiationException(String message, Throwable cause) {
        super(message, cause);
    }
}
