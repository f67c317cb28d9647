package io.github.wcf4j.runtime.reliability.store;

import java.util.List;

/**
 * One change to a stored sequence, written before the session acknowledges or answers what it records. Messages are
 * kept as the bytes of their text envelope (UTF-8), so that any process can read them back.
 */
public sealed interface SequenceChange {

    /** The sessions a store resumes. */
    enum Role {
        /** A service's request/reply session over a reply channel (HTTP): requests in, replies out on the offer. */
        SERVICE_REPLY,
        /** A service's one-way session over a reply channel (HTTP). */
        SERVICE_INPUT,
        /** A client's output sequence (its send window). */
        CLIENT_OUTPUT,
        /**
         * A service's duplex session over a datagram duplex channel (compositeDuplex): messages in on the sequence
         * its CreateSequence created, messages out on the client's offer (its send window), to the back channel the
         * CreateSequence named.
         */
        SERVICE_DUPLEX,
        /**
         * A client's duplex session over a datagram duplex channel (compositeDuplex with a clientBaseAddress):
         * messages out on the sequence its CreateSequence created (the key, its send window), messages in on the
         * sequence it offered, at its back channel (the CreateSequence's ReplyTo, where a restarted client listens
         * again).
         */
        CLIENT_DUPLEX
    }

    /**
     * A session was created (written before its CreateSequenceResponse is sent).
     *
     * @param role       which end and shape
     * @param wsrm       the WS-RM namespace the session speaks
     * @param inputId    the sequence the session receives (a service: the one its CreateSequence created)
     * @param outputId   the sequence it sends (a service: the client's offer), {@code null} if none
     * @param endpoint   the endpoint's address (a service resumes only at the endpoint that created it)
     * @param backChannel where the session's output goes: the ReplyTo of a duplex session's CreateSequence (the
     *                   client's compositeDuplex address); {@code null} for the shapes whose output rides on
     *                   responses
     */
    record Opened(Role role, String wsrm, String inputId, String outputId, String endpoint, Address backChannel)
            implements SequenceChange {

        /** A session without a back channel (its output, if any, rides on responses). */
        public Opened(Role role, String wsrm, String inputId, String outputId, String endpoint) {
            this(role, wsrm, inputId, outputId, endpoint, null);
        }
    }

    /**
     * An endpoint reference as a store keeps it: its address and its reference parameters (each the XML of one
     * header), so that a resumed session addresses its peer as the CreateSequence told it to.
     */
    record Address(String uri, List<String> referenceParameters) {
        public Address {
            java.util.Objects.requireNonNull(uri, "uri");
            referenceParameters = List.copyOf(referenceParameters);
        }
    }

    /**
     * Message {@code number} of the input sequence was accepted; written before it is acknowledged.
     *
     * @param last    February 2005: the LastMessage, which only takes its number
     * @param host    the process that accepted it and delivers it (a farm's hosts race for a number; the store's
     *                first write of a number wins)
     * @param message the envelope, empty for a LastMessage
     */
    record Received(long number, boolean last, String host, byte[] message) implements SequenceChange {
    }

    /** Input message {@code number} was handed to the application (a one-way session): it is not delivered again. */
    record Delivered(long number) implements SequenceChange {
    }

    /** The reply to request {@code number}, numbered {@code replyNumber} on the reply sequence; written before it is sent. */
    record Replied(long number, long replyNumber, byte[] reply) implements SequenceChange {
    }

    /** The peer acknowledged these numbers of the output sequence: replies or sent messages it no longer needs. */
    record Acknowledged(List<Range> ranges) implements SequenceChange {
    }

    /** The input sequence ends at {@code lastNumber} (1.1's CloseSequence or LastMsgNumber). */
    record InputClosed(long lastNumber) implements SequenceChange {
    }

    /** Output message {@code number} was accepted by the application's send; written before the send completes. */
    record Sent(long number, byte[] message) implements SequenceChange {
    }

    /**
     * The numbers of a compacted sequence: every input number accepted, the input's last number (0: unknown), the
     * highest reply and output numbers used (a log's compaction writes it instead of a change per number).
     */
    record Numbers(List<Range> received, long inputLast, long lastReplyNumber, long lastSent)
            implements SequenceChange {
    }

    /** The session ended (terminated or faulted): its sequence is forgotten. */
    record Ended() implements SequenceChange {
    }

    /** An inclusive range of message numbers. */
    record Range(long lower, long upper) {
        public Range {
            if (lower < 1 || lower > upper) {
                throw new IllegalArgumentException("bad range " + lower + "-" + upper);
            }
        }

        public boolean contains(long n) {
            return n >= lower && n <= upper;
        }
    }
}
