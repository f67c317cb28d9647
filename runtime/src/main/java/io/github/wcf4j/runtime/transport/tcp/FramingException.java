package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.runtime.channel.ProtocolException;
import io.netty.handler.codec.DecoderException;

/**
 * Bytes that break [MC-NMF]: WCF's {@code FramingError} text ({@code ProtocolException}), and the framing fault a
 * server answers with, if any ({@code null}: it just closes the connection, as WCF does for most decode errors).
 */
final class FramingException extends ProtocolException {
    private static final long serialVersionUID = 1L;
    private final transient FramingFault fault;
    private final int recordType;

    FramingException(String message, FramingFault fault, int recordType) {
        super(message);
        this.fault = fault;
        this.recordType = recordType;
    }

    /** What a handler caught: the decoder's exception itself, not Netty's {@code DecoderException} around it. */
    static Throwable unwrap(Throwable caught) {
        return caught instanceof DecoderException && caught.getCause() != null
                ? caught.getCause() : caught;
    }

    FramingFault fault() {
        return fault;
    }

    /** The record type byte that was not expected, or -1. */
    int recordType() {
        return recordType;
    }
}
