package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.encoding.binary.MultiByteInt31;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Decodes [MC-NMF] records into {@link FramingFrame}s, wherever the reads split them (a record may arrive a byte at a
 * time). Memory is bounded: strings by WCF's preamble quotas, a SizedEnvelope by {@link #maxEnvelopeSize}, checked on
 * its size prefix before any of it is buffered; a larger one becomes a {@link FramingFrame} of type
 * {@link FramingRecord#SIZED_ENVELOPE} with no payload and {@code value} -1, after which the decoder reads nothing more.
 * Malformed input throws a {@link FramingException} (with WCF's {@code FramingError} text) and the decoder stops.
 * An UnsizedEnvelope (singleton mode, streamed transfer) is handed on as it arrives, never whole: each piece of a
 * data chunk that has been read is taken out of the read buffer at once as a {@linkplain FramingFrame#piece piece},
 * and the terminating {@code 00} as the {@linkplain FramingFrame#envelopeEnd envelope's end}; its chunks together are
 * bounded by {@link #maxEnvelopeSize} like a sized envelope (past it: a frame without payload, value -1, then nothing
 * more is read).
 */
final class FramingDecoder extends ByteToMessageDecoder {
    private volatile int maxEnvelopeSize;
    private long position;
    private boolean stopped;
    /** Inside an UnsizedEnvelope: its bytes so far, and what is left of the data chunk being read. */
    private boolean unsized;
    private long unsizedBytes;
    private int chunkLeft;

    FramingDecoder(int maxEnvelopeSize) {
        this.maxEnvelopeSize = maxEnvelopeSize;
    }

    /**
     * Removes and returns the bytes read past the record just handed on ([MC-NMF] §5.1): after an UpgradeRequest (at
     * the service) or UpgradeResponse (at the client) they are the upgrade's first bytes, which belong to the stream
     * upgrade installed before this decoder, never to the framing. Called by the handler of that record, while it
     * handles it.
     */
    ByteBuf takeLeftover() {
        ByteBuf cumulation = internalBuffer();
        return cumulation.readBytes(cumulation.readableBytes());
    }

    /** Sets the SizedEnvelope limit once the listener (and its {@code maxBufferSize}) is known. */
    void maxEnvelopeSize(int max) {
        this.maxEnvelopeSize = max;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        // one record per call: the handlers see it (and may change the envelope limit) before the next is decoded
        if (stopped) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (!in.isReadable()) {
            return; // a stream upgrade took the rest (takeLeftover)
        }
        if (unsized) {
            FramingFrame piece = chunk(in); // chunks consumed stay consumed: the envelope is read as it arrives
            if (piece != null) {
                out.add(piece);
            }
            return;
        }
        int start = in.readerIndex();
        FramingFrame frame = next(in);
        if (frame == null) {
            if (!unsized) {
                in.readerIndex(start);
            }
            return;
        }
        if (frame.type() != FramingRecord.UNSIZED_ENVELOPE) {
            position += in.readerIndex() - start;
        }
        out.add(frame);
    }

    /** The next record, or {@code null} when its bytes have not all arrived. */
    private FramingFrame next(ByteBuf in) {
        int type = in.readUnsignedByte();
        switch (type) {
            case FramingRecord.VERSION:
                if (in.readableBytes() < 2) {
                    return null;
                }
                return new FramingFrame(type, in.readUnsignedByte() << 8 | in.readUnsignedByte(), null, null);
            case FramingRecord.MODE:
            case FramingRecord.KNOWN_ENCODING:
                return in.isReadable() ? new FramingFrame(type, in.readUnsignedByte(), null, null) : null;
            case FramingRecord.VIA:
                return string(in, type, FramingRecord.MAX_VIA_SIZE, FramingFault.VIA_TOO_LONG);
            case FramingRecord.EXTENSIBLE_ENCODING:
                return string(in, type, FramingRecord.MAX_CONTENT_TYPE_SIZE, FramingFault.CONTENT_TYPE_TOO_LONG);
            case FramingRecord.FAULT:
            case FramingRecord.UPGRADE_REQUEST:
                return string(in, type, FramingRecord.MAX_FAULT_SIZE, null);
            case FramingRecord.SIZED_ENVELOPE:
                return envelope(in);
            case FramingRecord.UNSIZED_ENVELOPE:
                unsized = true;
                unsizedBytes = 0;
                chunkLeft = 0;
                position += 1;
                return chunk(in);
            case FramingRecord.END:
            case FramingRecord.UPGRADE_RESPONSE:
            case FramingRecord.PREAMBLE_ACK:
            case FramingRecord.PREAMBLE_END:
                return FramingFrame.of(type);
            default:
                throw error(type, null);
        }
    }

    private FramingFrame envelope(ByteBuf in) {
        int size = size(in);
        if (size < 0) {
            return null;
        }
        if (size == 0) {
            throw error(FramingRecord.SIZED_ENVELOPE, null);
        }
        if (size > maxEnvelopeSize) {
            stopped = true;
            return new FramingFrame(FramingRecord.SIZED_ENVELOPE, -1, null, null);
        }
        if (in.readableBytes() < size) {
            return null;
        }
        byte[] payload = new byte[size];
        in.readBytes(payload);
        return new FramingFrame(FramingRecord.SIZED_ENVELOPE, size, null, payload);
    }

    /**
     * The next piece of the UnsizedEnvelope's data chunks (what has arrived of the chunk being read), its end at the
     * terminator; {@code null} while nothing of the next chunk's data has arrived.
     */
    private FramingFrame chunk(ByteBuf in) {
        while (true) {
            if (chunkLeft > 0) {
                if (!in.isReadable()) {
                    return null;
                }
                int n = Math.min(chunkLeft, in.readableBytes());
                byte[] b = new byte[n];
                in.readBytes(b);
                chunkLeft -= n;
                position += n;
                return FramingFrame.piece(b);
            }
            int start = in.readerIndex();
            int size = size(in);
            if (size < 0) {
                in.readerIndex(start);
                return null;
            }
            position += in.readerIndex() - start;
            if (size == 0) {
                unsized = false;
                return FramingFrame.envelopeEnd();
            }
            if (unsizedBytes + size > maxEnvelopeSize) {
                stopped = true;
                unsized = false;
                return new FramingFrame(FramingRecord.UNSIZED_ENVELOPE, -1, null, null);
            }
            unsizedBytes += size;
            chunkLeft = size;
        }
    }

    private FramingFrame string(ByteBuf in, int type, int quota, FramingFault tooLong) {
        int size = size(in);
        if (size < 0) {
            return null;
        }
        if (size > quota) {
            stopped = true;
            throw new FramingException(WcfText.FramingError.format(position, FramingRecord.name(type)), tooLong, type);
        }
        if (in.readableBytes() < size) {
            return null;
        }
        byte[] b = new byte[size];
        in.readBytes(b);
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
            return new FramingFrame(type, size, s, null);
        } catch (CharacterCodingException e) {
            throw error(type, null);
        }
    }

    /** A MultiByteInt31 size, -1 when incomplete. */
    private int size(ByteBuf in) {
        int n = Math.min(MultiByteInt31.MAX_BYTES, in.readableBytes());
        byte[] b = new byte[n];
        in.getBytes(in.readerIndex(), b);
        long d;
        try {
            d = MultiByteInt31.decode(b, 0, n);
        } catch (IllegalArgumentException e) {
            stopped = true;
            throw new FramingException(WcfText.FramingSizeTooLarge.format(), null, -1);
        }
        if (d == MultiByteInt31.INCOMPLETE) {
            return -1;
        }
        in.skipBytes(MultiByteInt31.size(d));
        return MultiByteInt31.value(d);
    }

    private FramingException error(int type, FramingFault fault) {
        stopped = true;
        return new FramingException(WcfText.FramingError.format(position, "record " + FramingRecord.name(type)),
                fault, type);
    }
}
