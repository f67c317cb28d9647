package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.runtime.channel.MessageHeaderException;
import io.github.wcf4j.runtime.channel.MustUnderstandException;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.MustUnderstandFault;
import io.github.wcf4j.runtime.message.ProblemHeaderFault;
import java.util.Optional;

/**
 * What WCF answers a message it could not read as WS-RM ({@code WsrmMessageInfo.Get} and its fault converter): a
 * refused CreateSequence gets its CreateSequenceRefused, a missing addressing header (WS-Addressing 1.0 only)
 * {@code MessageAddressingHeaderRequired}, a repeated RM header {@code MustUnderstand}; anything else has no fault
 * reply and is a parsing failure (the listener drops it; a session faults with SequenceTerminated).
 */
final class ReadFailure {
    private ReadFailure() {
    }

    static Optional<Message> faultReply(RuntimeException e, MessageVersion version, WsrmMessages messages) {
        if (e instanceof WsrmFaultException refused) {
            return Optional.of(messages.fault(refused.reply()));
        }
        if (e instanceof MessageHeaderException h) {
            if (!h.headerNamespace().equals(version.addressing().namespace())) {
                return Optional.empty();
            }
            return ProblemHeaderFault.create(version, h.getMessage(), h.headerName(), h.isDuplicate());
        }
        if (e instanceof MustUnderstandException mu) {
            return Optional.of(MustUnderstandFault.create(version, mu.headers(),
                    version.addressing().defaultFaultAction()));
        }
        return Optional.empty();
    }
}
