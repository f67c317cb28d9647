package io.github.wcf4j.runtime.transport.tcp;

/**
 * One decoded [MC-NMF] record: its type, its one-byte value (Version: {@code major << 8 | minor}; Mode; KnownEncoding),
 * its string (Via, ExtensibleEncoding, Fault, UpgradeRequest) or its payload (SizedEnvelope; a piece of an
 * UnsizedEnvelope's data). An UnsizedEnvelope comes as pieces, then its end; one past the limit as a frame of value
 * -1 without payload.
 */
record FramingFrame(int type, int value, String text, byte[] payload) {

    static FramingFrame of(int type) {
        return new FramingFrame(type, 0, null, null);
    }

    /** Bytes of an UnsizedEnvelope's data chunks, as they arrived. */
    static FramingFrame piece(byte[] bytes) {
        return new FramingFrame(FramingRecord.UNSIZED_ENVELOPE, bytes.length, null, bytes);
    }

    /** An UnsizedEnvelope's terminator ({@code 00}): the envelope is complete. */
    static FramingFrame envelopeEnd() {
        return new FramingFrame(FramingRecord.UNSIZED_ENVELOPE, 0, null, null);
    }

    boolean isEnvelopeEnd() {
        return type == FramingRecord.UNSIZED_ENVELOPE && payload == null && value == 0;
    }

    /** A SizedEnvelope or the UnsizedEnvelope's chunks past the limit. */
    boolean isOversized() {
        return payload == null && value == -1
                && (type == FramingRecord.UNSIZED_ENVELOPE || type == FramingRecord.SIZED_ENVELOPE);
    }
}
