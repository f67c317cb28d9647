package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.WcfText;

/**
 * A breach of WS-RM that ends a session, with WCF's two texts for it (WCF's
 * {@code SequenceTerminatedFault.CreateProtocolFault}): the {@code ProtocolException} this side raises, and the reason
 * of the Sender {@code SequenceTerminated} fault the peer is told.
 */
enum ProtocolViolation {
    /** February 2005: a message arrived that had not while this side closed (the input's end known). */
    SESSION_CLOSED_BEFORE_DONE(WcfText.SessionClosedBeforeDone, WcfText.SequenceTerminatedSessionClosedBeforeDone),
    /** A final acknowledgement (or CloseSequence) for the sequence this side sends, which it did not close. */
    UNSUPPORTED_CLOSE(WcfText.UnsupportedCloseExceptionString, WcfText.SequenceTerminatedUnsupportedClose),
    /** 1.1: a TerminateSequence for the sequence this side sends. */
    UNSUPPORTED_TERMINATE(WcfText.UnsupportedTerminateSequenceExceptionString,
            WcfText.SequenceTerminatedUnsupportedTerminateSequence),
    /** February 2005: a TerminateSequence before every message up to LastMessage arrived. */
    EARLY_TERMINATE(WcfText.EarlyTerminateSequence, WcfText.SequenceTerminatedEarlyTerminateSequence),
    /** 1.1: a LastMsgNumber below a number that arrived. */
    SMALL_LAST_MSG_NUMBER(WcfText.SmallLastMsgNumberExceptionString, WcfText.SequenceTerminatedSmallLastMsgNumber),
    /** 1.1: a LastMsgNumber unlike the one given before. */
    INCONSISTENT_LAST_MSG_NUMBER(WcfText.InconsistentLastMsgNumberExceptionString,
            WcfText.SequenceTerminatedInconsistentLastMsgNumber),
    /** 1.1: a Close or Terminate response without the final acknowledgement of every message. */
    MISSING_FINAL_ACK(WcfText.MissingFinalAckExceptionString, WcfText.SequenceTerminatedMissingFinalAck),
    /** A reply that does not acknowledge its request. */
    REPLY_MISSING_ACK(WcfText.ReplyMissingAcknowledgement, WcfText.SequenceTerminatedReplyMissingAcknowledgement),
    /** A CreateSequenceResponse that relates to another message ({@code {0}}: CreateSequence). */
    WRONG_RELATES_TO(WcfText.WsrmMessageWithWrongRelatesToExceptionString,
            WcfText.WsrmMessageWithWrongRelatesToFaultString),
    /** February 2005: a CreateSequenceResponse that does not accept the offer, which it cannot decline. */
    OFFER_MISSING(WcfText.CSResponseWithoutOffer, WcfText.CSResponseWithoutOfferReason),
    /** 1.1: a CreateSequenceResponse that declines the offer. */
    OFFER_REJECTED(WcfText.CSResponseOfferRejected, WcfText.CSResponseOfferRejectedReason),
    /** A CreateSequenceResponse that accepts an offer that was not made. */
    UNOFFERED_ACCEPT(WcfText.CSResponseWithOffer, WcfText.CSResponseWithOfferReason),
    /** A CreateSequenceResponse whose AcksTo is not the address the CreateSequence was sent to. */
    ACKS_TO_NOT_REMOTE(WcfText.AcksToMustBeSameAsRemoteAddress, WcfText.AcksToMustBeSameAsRemoteAddressReason);

    private final WcfText exception;
    private final WcfText reason;

    ProtocolViolation(WcfText exception, WcfText reason) {
        this.exception = exception;
        this.reason = reason;
    }

    /** The text of the exception this side raises. */
    String exception(Object... args) {
        return exception.format(args);
    }

    /** The reason of the SequenceTerminated fault the peer is told. */
    String reason(Object... args) {
        return reason.format(args);
    }
}
