package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.encoding.AddressingVersion;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.runtime.message.Message;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One WS-ReliableMessaging version as WCF speaks it, the one object the wire and the sessions ask for what differs
 * between the versions instead of testing which one they speak: its namespace (prefix {@code r}) and actions, the
 * names it {@linkplain #defines defines} beyond those both share, and the rules in which the versions part ways (the
 * fault action, where an input sequence ends, how an output sequence is ended, what a TerminateSequence is checked
 * against, whether an offer can be declined, the fault for a message without WS-RM).
 *
 * <pre>{@code
 * Wsrm wsrm = Wsrm.of(ReliableMessagingVersion.WS_RELIABLE_MESSAGING_11);
 * wsrm.action(Wsrm.CLOSE_SEQUENCE);   // http://docs.oasis-open.org/ws-rx/wsrm/200702/CloseSequence
 * wsrm.defines(Wsrm.LAST_MESSAGE);    // false: February 2005 only
 * }</pre>
 *
 * <p>Immutable; one instance per version: {@link WsrmFebruary2005} and {@link Wsrm11}.
 */
public abstract sealed class Wsrm permits WsrmFebruary2005, Wsrm11 {
    /** Microsoft's flow-control extension ({@code netrm:BufferRemaining}, {@code netrm:ConnectionLimitReached}). */
    public static final String NETRM_NS = "http://schemas.microsoft.com/ws/2006/05/rm";
    public static final String NETRM_PREFIX = "netrm";
    public static final String PREFIX = "r";

    public static final String CREATE_SEQUENCE = "CreateSequence";
    public static final String CREATE_SEQUENCE_RESPONSE = "CreateSequenceResponse";
    public static final String SEQUENCE_ACKNOWLEDGEMENT = "SequenceAcknowledgement";
    public static final String ACK_REQUESTED = "AckRequested";
    public static final String TERMINATE_SEQUENCE = "TerminateSequence";
    public static final String TERMINATE_SEQUENCE_RESPONSE = "TerminateSequenceResponse";
    public static final String CLOSE_SEQUENCE = "CloseSequence";
    public static final String CLOSE_SEQUENCE_RESPONSE = "CloseSequenceResponse";
    public static final String LAST_MESSAGE = "LastMessage";
    public static final String SEQUENCE = "Sequence";

    /** The acknowledgement of no message (1.1). */
    public static final String NONE = "None";
    /** The acknowledgement after which the destination accepts no more messages (1.1). */
    public static final String FINAL = "Final";
    /** The source's last message number on CloseSequence and TerminateSequence (1.1). */
    public static final String LAST_MSG_NUMBER = "LastMsgNumber";
    /** The endpoint of an offered sequence (1.1). */
    public static final String ENDPOINT = "Endpoint";
    /** What the destination does with an incomplete sequence (1.1). */
    public static final String INCOMPLETE_SEQUENCE_BEHAVIOR = "IncompleteSequenceBehavior";
    /** 1.1's header saying the CreateSequence binds the sequence to a security token (WCF always with the SCT). */
    public static final String USES_SEQUENCE_STR = "UsesSequenceSTR";
    /** The wrapper of a SOAP 1.1 SequenceFault's detail (1.1). */
    public static final String DETAIL = "Detail";

    /** The names both versions define: every protocol message and header but the ones of a version's own. */
    private static final Set<String> SHARED = Set.of(CREATE_SEQUENCE, CREATE_SEQUENCE_RESPONSE,
            SEQUENCE_ACKNOWLEDGEMENT, ACK_REQUESTED, TERMINATE_SEQUENCE, SEQUENCE);

    /** The kind of each protocol message, by action name (a version knows only the ones it defines). */
    private static final Map<String, WsrmInfo.Kind> KINDS = Map.of(
            CREATE_SEQUENCE, WsrmInfo.Kind.CREATE_SEQUENCE,
            CREATE_SEQUENCE_RESPONSE, WsrmInfo.Kind.CREATE_SEQUENCE_RESPONSE,
            TERMINATE_SEQUENCE, WsrmInfo.Kind.TERMINATE_SEQUENCE,
            TERMINATE_SEQUENCE_RESPONSE, WsrmInfo.Kind.TERMINATE_SEQUENCE_RESPONSE,
            CLOSE_SEQUENCE, WsrmInfo.Kind.CLOSE_SEQUENCE,
            CLOSE_SEQUENCE_RESPONSE, WsrmInfo.Kind.CLOSE_SEQUENCE_RESPONSE,
            SEQUENCE_ACKNOWLEDGEMENT, WsrmInfo.Kind.ACKNOWLEDGEMENT,
            ACK_REQUESTED, WsrmInfo.Kind.ACK_REQUESTED,
            LAST_MESSAGE, WsrmInfo.Kind.LAST_MESSAGE);

    private final ReliableMessagingVersion version;
    private final String ns;
    private final Set<String> own;

    /** {@code own}: the names this version defines and the other does not. */
    Wsrm(ReliableMessagingVersion version, Set<String> own) {
        this.version = version;
        this.ns = version.namespace();
        this.own = own;
    }

    public static Wsrm of(ReliableMessagingVersion v) {
        return v == ReliableMessagingVersion.WS_RELIABLE_MESSAGING_11 ? Wsrm11.INSTANCE : WsrmFebruary2005.INSTANCE;
    }

    public ReliableMessagingVersion version() {
        return version;
    }

    public String ns() {
        return ns;
    }

    /** The action of a protocol message, e.g. {@code action(CREATE_SEQUENCE)}. */
    public String action(String name) {
        return ns + "/" + name;
    }

    /** Whether {@code action} is in this version's namespace (a protocol action, or one it does not define). */
    public boolean isProtocolAction(String action) {
        return action != null && action.startsWith(ns + "/");
    }

    /**
     * Whether this version defines the element or protocol message {@code name}: those both versions share, and its
     * own (February 2005: {@code LastMessage}; 1.1: {@code CloseSequence} and the responses to Close and Terminate,
     * {@code None}, {@code Final}, {@code LastMsgNumber}, the offer's {@code Endpoint} and
     * {@code IncompleteSequenceBehavior}, the fault's {@code Detail}).
     */
    public boolean defines(String name) {
        return SHARED.contains(name) || own.contains(name);
    }

    /** The kind of message protocol action {@code action} names; {@code NOT_RM} for one this version lacks. */
    WsrmInfo.Kind kindOf(String action) {
        String name = action.substring(ns.length() + 1);
        return defines(name) ? KINDS.getOrDefault(name, WsrmInfo.Kind.NOT_RM) : WsrmInfo.Kind.NOT_RM;
    }

    /** The action of WS-RM faults: February 2005 the addressing default fault action, 1.1 {@code .../fault}. */
    public abstract String faultAction(AddressingVersion addressing);

    /**
     * What a sequenced message that lies beyond the end of an input sequence gets (WCF's
     * {@code ReliableInputConnection.IsValid}), given the numbers {@code received} and the {@code last} number known
     * (0: not yet); empty while the message may still belong to the sequence.
     */
    abstract Optional<InputConnection.Outcome> beyondTheEnd(SequenceHeader seq, SequenceRanges received, long last);

    /** Ends an output sequence, taking this version's {@code steps} in its order. */
    abstract CompletableFuture<Void> endOutput(OutputEnding steps);

    /**
     * Checks a TerminateSequence of the input sequence {@code in} and, where it gives one, takes its last number: the
     * violation that refuses it, if any.
     */
    abstract Optional<ProtocolViolation> checkTerminate(InputConnection in, SequenceEnd terminate);

    /** What a TerminateSequence naming the sequence this side sends is: the violation, or empty for an unknown one. */
    abstract Optional<ProtocolViolation> terminateOfOwnOutput();

    /**
     * What a message that has not arrived before is while this side closes and the input's last number is known: the
     * violation, or empty where the input itself refuses it.
     */
    abstract Optional<ProtocolViolation> unreceivedWhileClosing();

    /** Whether a CreateSequenceResponse can decline an offer (by leaving out {@code Accept}). */
    abstract boolean canDeclineOffer();

    /** What a CreateSequenceResponse without {@code Accept} is to the client that offered a sequence. */
    abstract ProtocolViolation offerNotAccepted();

    /** The fault that answers {@code m}, a message without WS-RM, sent to a reliable endpoint. */
    abstract Message notReliable(Message m, WsrmMessages messages);

    @Override
    public String toString() {
        return version.wcfName();
    }
}
