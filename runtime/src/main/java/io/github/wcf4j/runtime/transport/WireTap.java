package io.github.wcf4j.runtime.transport;

/**
 * Sees every envelope a transport sends or receives, as bytes on the wire (a binding parameter; used by
 * {@code wcf4j demo} to trace the reliable session). Called on I/O threads: it must be quick and must not block.
 */
@FunctionalInterface
public interface WireTap {
    /** Which way an envelope went. */
    enum Direction { SENT, RECEIVED }

    void record(Direction direction, byte[] envelope, String contentType);

    /** Bytes a transport received and could not read as a message (WCF's malformed messages); by default ignored. */
    default void malformed(byte[] received, String contentType) {
    }
}
