package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.runtime.encoding.binary.MultiByteInt31;
import io.github.wcf4j.runtime.transport.HeldBytes;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A streamed message going out as an [MC-NMF] UnsizedEnvelope while it is written (WCF's
 * {@code StreamedFramingRequestChannel}/{@code StreamedFramingRequestContext} writing through the connection's
 * buffered stream): {@code 05} before the first data chunk, each chunk ({@code varint size + bytes}) of
 * {@code chunkSize} bytes (the last one shorter) handed to the connection as soon as it is full, then the terminator
 * {@code 00} and, when asked, End. The same bytes as {@link FramingWriter#unsizedEnvelope}, never the whole envelope
 * at once: written from a thread that may block (the caller's, or the service's invocation thread), never from an
 * I/O thread, it waits for the previous chunk to be written before it hands on the next, so at most two chunks are
 * held (the one being filled and the one being written) and a slow receiver pushes back on the writer.
 *
 * <p>Not thread-safe: one writer.
 */
final class UnsizedEnvelopeOutput extends OutputStream {
    private final Channel connection;
    private final int chunkSize;
    private final HeldBytes held;
    private final byte[] buffer;
    private int filled;
    private boolean started;
    private ChannelFuture previous;

    UnsizedEnvelopeOutput(Channel connection, int chunkSize, HeldBytes held) {
        this.connection = connection;
        this.chunkSize = Math.max(1, chunkSize);
        this.held = held;
        this.buffer = new byte[this.chunkSize];
        held.hold(this.chunkSize);
    }

    @Override
    public void write(int b) throws IOException {
        if (filled == chunkSize) {
            sendChunk();
        }
        buffer[filled++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (filled == chunkSize) {
                sendChunk();
            }
            int n = Math.min(len, chunkSize - filled);
            System.arraycopy(b, off, buffer, filled, n);
            filled += n;
            off += n;
            len -= n;
        }
    }

    /**
     * Sends what is buffered, the terminator and, when {@code end}, End; the future completes when the connection
     * has written them.
     */
    ChannelFuture finish(boolean end) throws IOException {
        if (filled > 0) {
            sendChunk();
        }
        awaitPrevious();
        release();
        ByteBuf tail = connection.alloc().buffer(3);
        if (!started) {
            tail.writeByte(FramingRecord.UNSIZED_ENVELOPE);
        }
        tail.writeByte(0);
        if (end) {
            tail.writeByte(FramingRecord.END);
        }
        return connection.writeAndFlush(tail);
    }

    /** Gives up (the caller closes the connection): what is buffered is dropped. */
    void discard() {
        release();
    }

    private void release() {
        if (filled >= 0) {
            held.release(chunkSize);
            filled = -1;
        }
    }

    private void sendChunk() throws IOException {
        awaitPrevious();
        if (!connection.isActive()) {
            throw new IOException("the connection was closed while the message was being sent");
        }
        ByteArrayOutputStream size = new ByteArrayOutputStream(MultiByteInt31.MAX_BYTES);
        MultiByteInt31.write(size, filled);
        ByteBuf chunk = connection.alloc().buffer(1 + size.size() + filled);
        if (!started) {
            chunk.writeByte(FramingRecord.UNSIZED_ENVELOPE);
            started = true;
        }
        chunk.writeBytes(size.toByteArray());
        chunk.writeBytes(buffer, 0, filled);
        int sent = filled;
        held.hold(sent);
        previous = connection.writeAndFlush(chunk);
        previous.addListener(f -> held.release(sent));
        filled = 0;
    }

    private void awaitPrevious() throws IOException {
        if (previous != null) {
            previous.awaitUninterruptibly();
            if (!previous.isSuccess()) {
                throw new IOException("the connection failed while the message was being sent: "
                        + previous.cause().getMessage(), previous.cause());
            }
        }
    }
}
