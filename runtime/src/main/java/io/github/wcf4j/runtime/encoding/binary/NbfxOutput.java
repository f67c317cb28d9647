package io.github.wcf4j.runtime.encoding.binary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The bytes of a binary XML document being written; a written record type can be changed in place (folding). Held
 * whole, or ({@link #flushingTo}) handed to a sink in whole pieces as they accumulate, keeping only the tail that a
 * fold may still change (the writer folds only within WCF's 512-byte write buffer): a streamed message's document is
 * never held whole.
 */
public final class NbfxOutput extends ByteArrayOutputStream {
    /** More than the writer can reach back to fold: its 512-byte virtual buffer and a length prefix. */
    private static final int KEEP = 1024;
    private final OutputStream sink;
    private final int piece;
    private long flushed;

    public NbfxOutput(int size) {
        super(size);
        this.sink = null;
        this.piece = 0;
    }

    private NbfxOutput(OutputStream sink, int piece) {
        super(piece + KEEP + 1024);
        this.sink = sink;
        this.piece = piece;
    }

    /** A document written to {@code sink} in pieces of {@code piece} bytes; {@link #finish} writes the rest. */
    public static NbfxOutput flushingTo(OutputStream sink, int piece) {
        return new NbfxOutput(sink, Math.max(1, piece));
    }

    @Override
    public synchronized void write(int b) {
        super.write(b);
        drain();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        if (sink == null) {
            super.write(b, off, len);
            return;
        }
        while (len > 0) {
            int n = Math.min(len, piece);
            super.write(b, off, n);
            off += n;
            len -= n;
            drain();
        }
    }

    /** Every byte written so far, those already handed to the sink included. */
    @Override
    public synchronized int size() {
        return (int) Math.min(Integer.MAX_VALUE, flushed + count);
    }

    /** Writes what is still held to the sink (a flushing output); nothing may be written after. */
    public synchronized void finish() {
        if (sink != null && count > 0) {
            emit(count);
        }
    }

    private void drain() {
        if (sink != null && count >= piece + KEEP) {
            emit(piece);
        }
    }

    private void emit(int n) {
        try {
            sink.write(buf, 0, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.arraycopy(buf, n, buf, 0, count - n);
        count -= n;
        flushed += n;
    }

    int byteAt(int index) {
        return buf[(int) (index - flushed)] & 0xFF;
    }

    void patch(int index, int value) {
        buf[(int) (index - flushed)] = (byte) value;
    }
}
