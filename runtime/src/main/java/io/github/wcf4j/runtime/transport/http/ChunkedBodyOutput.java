package io.github.wcf4j.runtime.transport.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A streamed message's body going out as HTTP chunks of {@link #CHUNK_BYTES} (WCF's {@code HttpOutput} with
 * {@code SendChunked}): written from a thread that may block (the caller's, or the service's invocation thread), never
 * from an I/O thread. At most one chunk waits in the connection besides the one being filled: the writer waits for the
 * previous chunk to be written, so a slow receiver pushes back on the writer and memory stays bounded.
 *
 * <p>Not thread-safe: one writer.
 */
final class ChunkedBodyOutput extends OutputStream {
    static final int CHUNK_BYTES = 64 * 1024;

    private final Channel connection;
    private ByteBuf buffer = Unpooled.buffer(CHUNK_BYTES);
    private ChannelFuture previous;
    private long written;

    ChunkedBodyOutput(Channel connection) {
        this.connection = connection;
    }

    @Override
    public void write(int b) throws IOException {
        if (!buffer.isWritable()) {
            sendChunk();
        }
        buffer.writeByte(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (!buffer.isWritable()) {
                sendChunk();
            }
            int n = Math.min(len, buffer.writableBytes());
            buffer.writeBytes(b, off, n);
            off += n;
            len -= n;
        }
    }

    /** The bytes handed to the connection so far. */
    long written() {
        return written;
    }

    /** Sends what is buffered and the last chunk; the future completes when the connection has written them. */
    ChannelFuture finish() throws IOException {
        if (buffer.isReadable()) {
            sendChunk();
        }
        discard();
        awaitPrevious();
        return connection.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
    }

    /** Gives up: what is buffered is dropped (the caller closes the connection). */
    void discard() {
        if (buffer != null) {
            buffer.release();
            buffer = null;
        }
    }

    private void sendChunk() throws IOException {
        awaitPrevious();
        if (!connection.isActive()) {
            throw new IOException("the connection was closed while the message was being sent");
        }
        written += buffer.readableBytes();
        previous = connection.writeAndFlush(new DefaultHttpContent(buffer));
        buffer = Unpooled.buffer(CHUNK_BYTES);
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
