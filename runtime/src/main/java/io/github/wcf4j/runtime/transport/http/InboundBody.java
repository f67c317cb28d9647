package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.QuotaExceededException;
import io.github.wcf4j.runtime.time.RestartableTimer;
import io.github.wcf4j.runtime.transport.HeldBytes;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The rest of a streamed message's body as an {@code InputStream}: the connection's event loop adds the HTTP contents
 * as they arrive, a thread that may block reads them (WCF's {@code HttpInput} stream under
 * {@code MaxMessageSizeStream}). At most {@link #HIGH_WATER} bytes wait unread: past that the connection stops reading
 * until the reader has taken them down to {@link #LOW_WATER}, so a slow reader pushes back on its sender and memory
 * stays bounded. Past {@code maxReceivedMessageSize} bytes (counted from the message's first byte) the read fails with
 * WCF's {@code CommunicationException} around a {@code QuotaExceededException}. {@link #close} discards the rest.
 *
 * Shared by the transports that stream: HTTP's contents and streamed net.tcp's UnsizedEnvelope chunks.
 *
 * <p>Thread-safe: one event loop adds, one reader reads, anyone may close or fail it.
 */
public final class InboundBody extends InputStream {
    static final int HIGH_WATER = 256 * 1024;
    static final int LOW_WATER = 64 * 1024;

    private final Channel connection;
    private final long maxReceivedMessageSize;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<ByteBuf> chunks = new ArrayDeque<>();
    private long received;
    private int queued;
    private boolean ended;
    private boolean closed;
    private boolean paused;
    private RuntimeException failure;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final IdleReadTimeout idle;
    private final RestartableTimer silence;
    private final HeldBytes held;

    /**
     * @param idle how long the sender may be silent once the body is {@linkplain #started started}, or {@code null}
     *             (unbounded: a service's requests are bounded by its request read timeout)
     */
    InboundBody(Channel connection, long maxReceivedMessageSize, IdleReadTimeout idle) {
        this(connection, maxReceivedMessageSize, idle, new HeldBytes());
    }

    /** The same, the bytes queued counted in {@code held} (the TCP transport's streamed bodies). */
    public InboundBody(Channel connection, long maxReceivedMessageSize, IdleReadTimeout idle, HeldBytes held) {
        this.held = held;
        this.connection = connection;
        this.maxReceivedMessageSize = maxReceivedMessageSize;
        this.idle = idle;
        this.silence = idle == null ? null : idle.scheduler().restartable(this::silent);
    }

    /** The message was delivered; {@code head}: its bytes so far (they count to the quota). */
    public void started(long head) {
        lock.lock();
        try {
            received = head;
            listen();
        } finally {
            lock.unlock();
        }
    }

    private void listen() {
        if (silence != null) {
            if (paused || ended || closed || failure != null) {
                silence.stop();
            } else {
                silence.restart(idle.timeout());
            }
        }
    }

    private void silent() {
        fail(idle.failure().get());
        connection.close();
    }

    /** Event loop: the next piece of the body ({@code content} is retained as needed; the caller keeps its own). */
    public void add(ByteBuf content) {
        lock.lock();
        try {
            if (closed || failure != null || ended) {
                return;
            }
            received += content.readableBytes();
            if (received > maxReceivedMessageSize) {
                failure = quotaExceeded(maxReceivedMessageSize);
                discardAll();
                finished.complete(null);
                return;
            }
            if (content.isReadable()) {
                chunks.add(content.retainedSlice());
                queued += content.readableBytes();
                held.hold(content.readableBytes());
                if (queued > HIGH_WATER && !paused) {
                    paused = true;
                    connection.config().setAutoRead(false);
                }
                arrived.signalAll();
            }
            listen();
        } finally {
            lock.unlock();
        }
    }

    /** Event loop: the body is complete. */
    public void end() {
        lock.lock();
        try {
            ended = true;
            arrived.signalAll();
            listen();
        } finally {
            lock.unlock();
        }
        finished.complete(null);
    }

    /** The body will not complete (the connection broke): the reader fails with {@code cause}. */
    public void fail(RuntimeException cause) {
        lock.lock();
        try {
            if (!ended && failure == null) {
                failure = cause;
                discardAll();
            }
        } finally {
            lock.unlock();
        }
        finished.complete(null);
    }

    /** Completes when everything was received, or the body was closed or failed (nothing more is wanted from it). */
    public CompletableFuture<Void> finished() {
        return finished;
    }

    /** Whether the quota was exceeded or the connection broke before the end. */
    public boolean failed() {
        lock.lock();
        try {
            return failure != null;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        lock.lock();
        try {
            while (chunks.isEmpty()) {
                if (failure != null) {
                    throw failure;
                }
                if (closed || ended) {
                    return -1;
                }
                arrived.awaitUninterruptibly();
            }
            ByteBuf head = chunks.peek();
            int n = Math.min(len, head.readableBytes());
            head.readBytes(b, off, n);
            if (!head.isReadable()) {
                chunks.poll().release();
            }
            queued -= n;
            held.release(n);
            resumeIfDrained();
            return n;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int available() {
        lock.lock();
        try {
            return queued;
        } finally {
            lock.unlock();
        }
    }

    /** Discards what is queued and what is still to come; the connection reads on (to the end of this message). */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            discardAll();
        } finally {
            lock.unlock();
        }
        finished.complete(null);
    }

    /** Under the lock: nothing more will be read (closed or failed); waiting readers wake up. */
    private void discardAll() {
        release();
        arrived.signalAll();
        listen();
    }

    private void release() {
        chunks.forEach(ByteBuf::release);
        chunks.clear();
        held.release(queued);
        queued = 0;
        resumeIfDrained();
    }

    private void resumeIfDrained() {
        if (paused && queued <= LOW_WATER) {
            paused = false;
            connection.config().setAutoRead(true);
            listen();
        }
    }

    /** WCF's {@code MaxMessageSizeStream.CreateMaxReceivedMessageSizeExceededException}. */
    public static CommunicationException quotaExceeded(long maxReceivedMessageSize) {
        String text = WcfText.MaxReceivedMessageSizeExceeded.format(maxReceivedMessageSize);
        return new CommunicationException(text, new QuotaExceededException(text));
    }
}
