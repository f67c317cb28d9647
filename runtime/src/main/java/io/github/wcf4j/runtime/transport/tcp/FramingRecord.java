package io.github.wcf4j.runtime.transport.tcp;

/**
 * The record types and constants of .NET Message Framing ([MC-NMF] §2.2; WCF {@code FramingRecordType},
 * {@code FramingMode}, {@code FramingVersion}).
 */
final class FramingRecord {
    static final int VERSION = 0x00;
    static final int MODE = 0x01;
    static final int VIA = 0x02;
    static final int KNOWN_ENCODING = 0x03;
    static final int EXTENSIBLE_ENCODING = 0x04;
    static final int UNSIZED_ENVELOPE = 0x05;
    static final int SIZED_ENVELOPE = 0x06;
    static final int END = 0x07;
    static final int FAULT = 0x08;
    static final int UPGRADE_REQUEST = 0x09;
    static final int UPGRADE_RESPONSE = 0x0A;
    static final int PREAMBLE_ACK = 0x0B;
    static final int PREAMBLE_END = 0x0C;

    /** The only major version; WCF writes minor 0. */
    static final int MAJOR_VERSION = 1;
    static final int MINOR_VERSION = 0;
    /** Mode {@code 01}: one unsized envelope each way per preamble (streamed transfer, request/reply). */
    static final int MODE_SINGLETON_UNSIZED = 0x01;
    /** Mode {@code 02}: a duplex session of sized envelopes (buffered transfer). */
    static final int MODE_DUPLEX = 0x02;

    /** WCF's quotas on what a server reads in a preamble ({@code ConnectionOrientedTransportDefaults}). */
    static final int MAX_VIA_SIZE = 2048;
    static final int MAX_CONTENT_TYPE_SIZE = 256;
    static final int MAX_FAULT_SIZE = 256;

    private FramingRecord() {
    }

    /** WCF's name of a record type, as its framing errors print it. */
    static String name(int type) {
        switch (type) {
            case VERSION:
                return "Version";
            case MODE:
                return "Mode";
            case VIA:
                return "Via";
            case KNOWN_ENCODING:
                return "KnownEncoding";
            case EXTENSIBLE_ENCODING:
                return "ExtensibleEncoding";
            case UNSIZED_ENVELOPE:
                return "UnsizedEnvelope";
            case SIZED_ENVELOPE:
                return "SizedEnvelope";
            case END:
                return "End";
            case FAULT:
                return "Fault";
            case UPGRADE_REQUEST:
                return "UpgradeRequest";
            case UPGRADE_RESPONSE:
                return "UpgradeResponse";
            case PREAMBLE_ACK:
                return "PreambleAck";
            case PREAMBLE_END:
                return "PreambleEnd";
            default:
                return String.format("0x%02x", type);
        }
    }
}
