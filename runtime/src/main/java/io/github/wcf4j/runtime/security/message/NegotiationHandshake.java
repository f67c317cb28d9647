package io.github.wcf4j.runtime.security.message;

/**
 * One side of the handshake a binary negotiation carries in its WS-Trust legs: TLS ({@link TlsHandshake}, TLSNEGO) or
 * SPNEGO ({@link SpnegoHandshake}). {@link #step(byte[])} takes the peer's blob (empty to start) and returns the next
 * one to send (empty when there is none); once {@link #complete()}, {@link #wrap(byte[])} and {@link #unwrap(byte[])}
 * protect the issued key ({@code #TLS_Wrap}, {@code #GSS_Wrap}).
 */
interface NegotiationHandshake {
    byte[] step(byte[] incoming);

    boolean complete();

    byte[] wrap(byte[] data);

    byte[] unwrap(byte[] data);
}
