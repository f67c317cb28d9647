package io.github.wcf4j.runtime.transport.tcp;

/**
 * One decoded [MC-NMF] record: its type, its one-byte value (Version: {@code major << 8 | minor}; Mode; KnownEncoding),
 * its string (Via, ExtensibleEncoding, Fault, UpgradeRequest) or its payload (SizedEnvelope).
 */
record FramingFrame(int type, int value, String text, byte[] payload) {

    static FramingFrame of(int type) {
        return new FramingFrame(type, 0, null, null);
    }
}
