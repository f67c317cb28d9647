package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.AddressingVersion;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.MessageFault;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.xml.namespace.QName;

/**
 * WS-ReliableMessaging February 2005 ({@code http://schemas.xmlsoap.org/ws/2005/02/rm}), WCF's default: a sequence ends
 * with its LastMessage (a message of its own, flagged in its Sequence header) and a one-way TerminateSequence; there is
 * no CloseSequence, no final acknowledgement and no way to decline an offer; faults use the addressing version's fault
 * action; a message without WS-RM is answered as an action the endpoint does not support.
 */
final class WsrmFebruary2005 extends Wsrm {
    static final WsrmFebruary2005 INSTANCE = new WsrmFebruary2005();

    private WsrmFebruary2005() {
        super(ReliableMessagingVersion.WS_RELIABLE_MESSAGING_FEBRUARY_2005, Set.of(LAST_MESSAGE));
    }

    @Override
    public String faultAction(AddressingVersion addressing) {
        return addressing.defaultFaultAction();
    }

    /** LastMessage fixes the last number: nothing may follow it, and a second one must repeat its number. */
    @Override
    Optional<InputConnection.Outcome> beyondTheEnd(SequenceHeader seq, SequenceRanges received, long last) {
        long n = seq.number();
        boolean valid = seq.lastMessage() ? (last == 0 ? n > received.last() : n == last) : last == 0 || n < last;
        return valid ? Optional.empty() : Optional.of(InputConnection.Outcome.LAST_EXCEEDED);
    }

    /** LastMessage, every acknowledgement, then TerminateSequence. */
    @Override
    CompletableFuture<Void> endOutput(OutputEnding steps) {
        return steps.sendLastMessage()
                .thenCompose(n -> steps.allAcknowledged())
                .thenCompose(v -> steps.terminateSequence())
                .thenApply(v -> null);
    }

    /** Only once every message up to LastMessage arrived. */
    @Override
    Optional<ProtocolViolation> checkTerminate(InputConnection in, SequenceEnd terminate) {
        return in.allReceived() ? Optional.empty() : Optional.of(ProtocolViolation.EARLY_TERMINATE);
    }

    /** Only a source terminates its sequence: the identifier names no sequence this side receives. */
    @Override
    Optional<ProtocolViolation> terminateOfOwnOutput() {
        return Optional.empty();
    }

    /** The session is closing before the peer's messages up to its LastMessage all arrived (WCF's). */
    @Override
    Optional<ProtocolViolation> unreceivedWhileClosing() {
        return Optional.of(ProtocolViolation.SESSION_CLOSED_BEFORE_DONE);
    }

    @Override
    boolean canDeclineOffer() {
        return false;
    }

    @Override
    ProtocolViolation offerNotAccepted() {
        return ProtocolViolation.OFFER_MISSING;
    }

    /** WCF's: ActionNotSupported, or MessageAddressingHeaderRequired when the message has no action. */
    @Override
    Message notReliable(Message m, WsrmMessages messages) {
        MessageVersion version = messages.version();
        String ns = version.addressing().namespace();
        String action = m.headers().action();
        MessageFault fault = action == null
                ? MessageFault.sender(WcfText.NoActionNoSequenceHeaderReason.format(),
                        new QName(ns, "MessageAddressingHeaderRequired"))
                : MessageFault.sender(WcfText.NonWsrmFeb2005ActionNotSupported.format(action),
                        new QName(ns, "ActionNotSupported"));
        return Message.createFault(version, fault, version.addressing().faultAction());
    }
}
