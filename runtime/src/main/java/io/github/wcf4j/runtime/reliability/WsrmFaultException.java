package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.runtime.channel.ProtocolException;

/**
 * A message that is answered with a WS-RM fault while it is read (WCF's {@code InternalFaultException}): a
 * CreateSequence that is empty, unparsable or inconsistent gets {@code CreateSequenceRefused} with the reason.
 */
public class WsrmFaultException extends ProtocolException {
    private final transient WsrmFault reply;

    public WsrmFaultException(WsrmFault reply, String message, Throwable cause) {
        super(message, cause);
        this.reply = reply;
    }

    /** The fault to answer the message with. */
    public WsrmFault reply() {
        return reply;
    }
}
