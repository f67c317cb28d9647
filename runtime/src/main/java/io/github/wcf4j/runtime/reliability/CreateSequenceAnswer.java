package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.message.Message;
import java.net.URI;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The client's verdict on the answer to its CreateSequence (WCF's {@code ProcessCreateSequenceResponse}): a fault
 * becomes the open's exception; an answer that is unreadable, is not a CreateSequenceResponse, relates to another
 * request, answers an offer wrongly or names another AcksTo fails the open with WCF's text, and where WCF tells the
 * peer (a fault reply, or SequenceTerminated for the sequence it just created) so does this.
 */
final class CreateSequenceAnswer {
    private CreateSequenceAnswer() {
    }

    /**
     * The accepted response, or throws the open's exception after handing any fault for the peer to {@code tellPeer}.
     *
     * @param messageId the CreateSequence's MessageID
     * @param offer     the offered return sequence, if any
     * @param remote    the address the CreateSequence was sent to
     */
    static CreateSequenceResponse check(Message reply, WsrmMessages messages, String messageId,
            Optional<String> offer, URI remote, Consumer<Message> tellPeer) {
        Wsrm wsrm = messages.wsrm();
        if (reply.isFault()) {
            throw ReceivedFault.read(reply, wsrm).openException(wsrm);
        }
        WsrmInfo info;
        try {
            info = WsrmInfo.read(reply, wsrm);
        } catch (RuntimeException e) {
            Optional<Message> faultReply = ReadFailure.faultReply(e, reply.version(), messages);
            if (faultReply.isPresent()) {
                tellPeer.accept(faultReply.get());
                throw new ProtocolException(WcfText.MessageExceptionOccurred.format(), e);
            }
            throw new ProtocolException(WcfText.UnparsableCSResponse.format(), e);
        }
        if (info.kind() != WsrmInfo.Kind.CREATE_SEQUENCE_RESPONSE) {
            throw new ProtocolException(WcfText.InvalidWsrmResponseChannelNotOpened.format(Wsrm.CREATE_SEQUENCE,
                    reply.headers().action(), wsrm.action(Wsrm.CREATE_SEQUENCE_RESPONSE)));
        }
        CreateSequenceResponse csr = info.createSequenceResponse();
        Optional<ProtocolViolation> violation = violation(csr, reply, wsrm, messageId, offer, remote);
        if (violation.isPresent()) {
            ProtocolViolation v = violation.get();
            tellPeer.accept(messages.fault(WsrmFault.sequenceTerminated(wsrm, csr.id(), true,
                    v.reason(Wsrm.CREATE_SEQUENCE))));
            throw new ProtocolException(v.exception(Wsrm.CREATE_SEQUENCE));
        }
        return csr;
    }

    private static Optional<ProtocolViolation> violation(CreateSequenceResponse csr, Message reply, Wsrm wsrm,
            String messageId, Optional<String> offer, URI remote) {
        if (!messageId.equals(reply.headers().relatesTo())) {
            return Optional.of(ProtocolViolation.WRONG_RELATES_TO);
        }
        if (offer.isPresent() && csr.acceptAcksTo().isEmpty()) {
            return Optional.of(wsrm.offerNotAccepted());
        }
        if (offer.isEmpty() && csr.acceptAcksTo().isPresent()) {
            return Optional.of(ProtocolViolation.UNOFFERED_ACCEPT);
        }
        if (csr.acceptAcksTo().isPresent() && !csr.acceptAcksTo().get().uri().equals(remote)) {
            return Optional.of(ProtocolViolation.ACKS_TO_NOT_REMOTE);
        }
        return Optional.empty();
    }
}
