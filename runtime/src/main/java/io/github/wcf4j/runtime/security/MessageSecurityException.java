package io.github.wcf4j.runtime.security;

import io.github.wcf4j.runtime.channel.CommunicationException;

/** WCF's {@code MessageSecurityException}: a message's security failed a check, e.g. the service's identity. */
public class MessageSecurityException extends CommunicationException {
    public MessageSecurityException(String message) {
        super(message);
    }
}
