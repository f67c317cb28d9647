package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.message.MessageFault;

/**
 * The fault the other side sent when it refused a message's security (WCF's inner {@code FaultException} of
 * {@code UnsecuredMessageFaultReceived}): its code, subcode ({@code o:InvalidSecurity}, {@code o:FailedAuthentication})
 * and reason.
 */
public class SecurityFaultException extends CommunicationException {
    private final transient MessageFault fault;

    public SecurityFaultException(MessageFault fault) {
        super(fault.reason());
        this.fault = fault;
    }

    public MessageFault fault() {
        return fault;
    }
}
