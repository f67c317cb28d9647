package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.encoding.AddressingVersion;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;

/**
 * The names of one WS-ReliableMessaging version as WCF uses them: namespace (prefix {@code r}), actions, and the fault
 * action (February 2005 uses the addressing version's default fault action, 1.1 its own).
 */
public final class Wsrm {
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

    private static final Wsrm FEB2005 = new Wsrm(ReliableMessagingVersion.WS_RELIABLE_MESSAGING_FEBRUARY_2005);
    private static final Wsrm V11 = new Wsrm(ReliableMessagingVersion.WS_RELIABLE_MESSAGING_11);

    private final ReliableMessagingVersion version;
    private final String ns;

    private Wsrm(ReliableMessagingVersion version) {
        this.version = version;
        this.ns = version.namespace();
    }

    public static Wsrm of(ReliableMessagingVersion v) {
        return v == ReliableMessagingVersion.WS_RELIABLE_MESSAGING_11 ? V11 : FEB2005;
    }

    public ReliableMessagingVersion version() {
        return version;
    }

    public String ns() {
        return ns;
    }

    public boolean isFeb2005() {
        return version == ReliableMessagingVersion.WS_RELIABLE_MESSAGING_FEBRUARY_2005;
    }

    /** The action of a protocol message, e.g. {@code action(CREATE_SEQUENCE)}. */
    public String action(String name) {
        return ns + "/" + name;
    }

    /** The action of WS-RM faults: February 2005 the addressing default fault action, 1.1 {@code .../fault}. */
    public String faultAction(AddressingVersion addressing) {
        return isFeb2005() ? addressing.defaultFaultAction() : ns + "/fault";
    }

    /** Whether {@code action} is one of this version's protocol actions. */
    public boolean isProtocolAction(String action) {
        return action != null && action.startsWith(ns + "/");
    }

    @Override
    public String toString() {
        return version.wcfName();
    }
}
