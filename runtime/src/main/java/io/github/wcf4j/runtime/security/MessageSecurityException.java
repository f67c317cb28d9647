package io.github.wcf4j.runtime.security;

import io.github.wcf4j.runtime.channel.CommunicationException;

/**
 * Message security failed (WCF {@code System.ServiceModel.Security.MessageSecurityException}): a received message did
 * not satisfy the binding's security, or the other side answered with an unsecured security fault (then the cause is
 * the {@code SecurityFaultException} it sent, as WCF's inner {@code FaultException}).
 */
public class MessageSecurityException extends CommunicationException {
    public MessageSecurityException(String message) {
        super(message);
    }

    public MessageSecurityException(String message, Throwable cause) {
        super(message, cause);
    }
}
