package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.channel.QuotaExceededException;
import io.github.wcf4j.runtime.encoding.StreamedHead;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.transport.HeldBytes;
import io.github.wcf4j.runtime.transport.http.IdleReadTimeout;
import io.github.wcf4j.runtime.transport.http.InboundBody;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One UnsizedEnvelope received in streamed mode, piece by piece on the connection's event loop (WCF's
 * {@code SingletonConnectionReader} handing its {@code SingletonInputConnectionStream} to a streamed encoder): the
 * bytes are kept up to {@code maxBufferSize}; an envelope that ends within them is delivered whole, as a buffered
 * transport delivers it (so a small message can be read anywhere, an I/O thread included). Past them the envelope's
 * headers must have arrived (else WCF's {@code XmlBufferQuotaExceeded}, as WCF's streamed encoder buffers at most
 * {@code maxBufferSize} of headers) and the message is delivered with its body still arriving ({@link InboundBody},
 * which pauses the connection while its reader is behind): its body must be read on a thread that may block (the
 * service model's invocation threads, a proxy's caller). A fault, or a message whose encoding is not read as it
 * arrives, is read whole, within {@code maxReceivedMessageSize} (which the framing decoder enforces on
 * the chunks). What it holds is counted in {@link HeldBytes}.
 *
 * <p>Not thread-safe: its connection's event loop feeds it.
 */
final class TcpStreamedReceive {
    private final FramingEncoding.Codec codec;
    private final int maxBufferSize;
    private final HeldBytes held;
    private final Consumer<Message> delivered;
    private final Consumer<RuntimeException> failed;
    private final InboundBody rest;
    private ByteArrayOutputStream prefix = new ByteArrayOutputStream();
    private boolean whole;
    private InboundBody body;
    private boolean done;

    /** {@code idle}: how long the sender may be silent once the message is delivered, or {@code null}. */
    TcpStreamedReceive(Channel connection, FramingEncoding.Codec codec, int maxBufferSize,
            long maxReceivedMessageSize, IdleReadTimeout idle, HeldBytes held, Consumer<Message> delivered,
            Consumer<RuntimeException> failed) {
        this.codec = codec;
        this.maxBufferSize = maxBufferSize;
        this.held = held;
        this.delivered = delivered;
        this.failed = failed;
        this.whole = !codec.streams();
        this.rest = new InboundBody(connection, maxReceivedMessageSize, idle, held);
    }

    /** The next bytes of the envelope's data chunks. */
    void piece(byte[] bytes) {
        if (body != null) {
            body.add(Unpooled.wrappedBuffer(bytes));
            return;
        }
        if (done) {
            return;
        }
        prefix.writeBytes(bytes);
        held.hold(bytes.length);
        if (whole || prefix.size() <= maxBufferSize) {
            return; // an envelope that ends within maxBufferSize is delivered whole, as a buffered one
        }
        try {
            byte[] sofar = prefix.toByteArray();
            Optional<StreamedHead> head = codec.readHead(sofar, rest);
            if (head.isEmpty()) {
                fail(new QuotaExceededException(WcfText.XmlBufferQuotaExceeded.format()));
                return;
            }
            if (head.get().faultBody()) {
                whole = true;
                return;
            }
            dropPrefix();
            done = true;
            body = rest;
            body.started(sofar.length);
            delivered.accept(head.get().message());
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    /** The envelope's terminator: the body has all it will get, or the message kept so far is read whole. */
    void end() {
        if (body != null) {
            body.end();
            return;
        }
        if (done) {
            return;
        }
        byte[] bytes = prefix.toByteArray();
        dropPrefix();
        done = true;
        Message m;
        try {
            m = codec.read(bytes);
        } catch (RuntimeException e) {
            failed.accept(e);
            return;
        }
        delivered.accept(m);
    }

    /** The connection broke (or the envelope passed its limit): a body still arriving fails, an undelivered one too. */
    void connectionLost(RuntimeException cause) {
        if (body != null) {
            body.fail(cause);
        } else {
            fail(cause);
        }
    }

    /** Whether the message was delivered (or failed). */
    boolean isDone() {
        return done;
    }

    private void dropPrefix() {
        if (prefix != null) {
            held.release(prefix.size());
            prefix = null;
        }
    }

    private void fail(RuntimeException e) {
        if (!done) {
            done = true;
            dropPrefix();
            failed.accept(e);
        }
    }
}
