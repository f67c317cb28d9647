package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.encoding.AddressingVersion;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.runtime.message.Message;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * WS-ReliableMessaging 1.1 ({@code http://docs.oasis-open.org/ws-rx/wsrm/200702}): a source closes its sequence with
 * CloseSequence, then terminates it, both requests whose responses carry the final acknowledgement, and gives its last
 * number on both ({@code LastMsgNumber}); a closed sequence refuses new messages; acknowledgements say {@code None}
 * and {@code Final}; an offer names its endpoint and can be declined; faults have their own action; a message without
 * WS-RM gets {@code WsrmRequired}.
 */
final class Wsrm11 extends Wsrm {
    static final Wsrm11 INSTANCE = new Wsrm11();

    private Wsrm11() {
        super(ReliableMessagingVersion.WS_RELIABLE_MESSAGING_11, Set.of(CLOSE_SEQUENCE, CLOSE_SEQUENCE_RESPONSE,
                TERMINATE_SEQUENCE_RESPONSE, NONE, FINAL, LAST_MSG_NUMBER, ENDPOINT, INCOMPLETE_SEQUENCE_BEHAVIOR,
                DETAIL));
    }

    @Override
    public String faultAction(AddressingVersion addressing) {
        return ns() + "/fault";
    }

    /** Once the last number is known the sequence is closed: only what arrived before is taken (again). */
    @Override
    Optional<InputConnection.Outcome> beyondTheEnd(SequenceHeader seq, SequenceRanges received, long last) {
        return last == 0 || received.contains(seq.number()) ? Optional.empty()
                : Optional.of(InputConnection.Outcome.CLOSED);
    }

    /** The last message marked, every acknowledgement, CloseSequence, then TerminateSequence. */
    @Override
    CompletableFuture<Void> endOutput(OutputEnding steps) {
        steps.markLastSent();
        return steps.allAcknowledged()
                .thenCompose(v -> steps.closeSequence())
                .thenCompose(v -> steps.terminateSequence())
                .thenApply(v -> null);
    }

    /** Its LastMsgNumber must agree with what arrived and with CloseSequence's. */
    @Override
    Optional<ProtocolViolation> checkTerminate(InputConnection in, SequenceEnd terminate) {
        return in.takeLastNumber(terminate.lastMsgNumber());
    }

    /** A destination may terminate the sequence it receives; WCF does not support it. */
    @Override
    Optional<ProtocolViolation> terminateOfOwnOutput() {
        return Optional.of(ProtocolViolation.UNSUPPORTED_TERMINATE);
    }

    /** The input's last number is known only once its sequence is closed, which refuses the message itself. */
    @Override
    Optional<ProtocolViolation> unreceivedWhileClosing() {
        return Optional.empty();
    }

    @Override
    boolean canDeclineOffer() {
        return true;
    }

    @Override
    ProtocolViolation offerNotAccepted() {
        return ProtocolViolation.OFFER_REJECTED;
    }

    @Override
    Message notReliable(Message m, WsrmMessages messages) {
        return messages.fault(WsrmFault.wsrmRequired());
    }
}
