package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.channel.QuotaExceededException;
import io.github.wcf4j.runtime.encoding.StreamedHead;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.transport.WireTap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One message received in streamed mode from the contents of one HTTP request or response, on the connection's event
 * loop (WCF's {@code HttpInput.ParseIncomingMessage} with a streamed transfer mode): the bytes are kept until the
 * envelope's headers have arrived (at most {@code maxBufferSize} of them: WCF's streamed encoder buffers only the
 * headers, with its {@code XmlBufferQuotaExceeded} text), then the message is delivered with its body still arriving
 * ({@link InboundBody}). A fault, or a message that ends before its headers could be read, is read whole, as a
 * buffered transport reads it, within {@code maxReceivedMessageSize}; only such messages are shown to the wire tap
 * (a streamed body is never held whole).
 *
 * <p>Not thread-safe: its connection's event loop feeds it.
 */
final class StreamedReceive {
    private final TextMessageEncoder encoder;
    private final String contentType;
    private final int maxBufferSize;
    private final long maxReceivedMessageSize;
    private final WireTap tap;
    private final Consumer<Message> delivered;
    private final Consumer<RuntimeException> failed;
    private final InboundBody rest;
    private ByteArrayOutputStream prefix = new ByteArrayOutputStream();
    private boolean wholeFault;
    private InboundBody body;
    private boolean done;

    /** {@code idle}: how long the sender may be silent once the message is delivered, or {@code null}. */
    StreamedReceive(Channel connection, TextMessageEncoder encoder, String contentType, int maxBufferSize,
            long maxReceivedMessageSize, WireTap tap, IdleReadTimeout idle, Consumer<Message> delivered,
            Consumer<RuntimeException> failed) {
        this.encoder = encoder;
        this.contentType = contentType;
        this.maxBufferSize = maxBufferSize;
        this.maxReceivedMessageSize = maxReceivedMessageSize;
        this.tap = tap;
        this.delivered = delivered;
        this.failed = failed;
        this.rest = new InboundBody(connection, maxReceivedMessageSize, idle);
    }

    /**
     * The next piece of the message, released here; returns whether it was the last (then the body has all it will
     * get, or failed: the connection wants no more of this message).
     */
    boolean content(HttpContent piece) {
        boolean last = piece instanceof LastHttpContent;
        try {
            content(piece.content(), last);
        } finally {
            piece.release();
        }
        return last || body().map(InboundBody::failed).orElse(false);
    }

    /** The next piece of the message; {@code last} when it is the final one. */
    void content(ByteBuf content, boolean last) {
        if (done && body == null) {
            return;
        }
        if (body != null) {
            body.add(content);
            if (last) {
                body.end();
            }
            return;
        }
        try {
            if (prefix.size() + (long) content.readableBytes() > maxReceivedMessageSize) {
                fail(InboundBody.quotaExceeded(maxReceivedMessageSize));
                return;
            }
            content.getBytes(content.readerIndex(), prefix, content.readableBytes());
            if (wholeFault) {
                if (last) {
                    deliverWhole();
                }
                return;
            }
            if (last) {
                deliverWhole();
                return;
            }
            byte[] bytes = prefix.toByteArray();
            Optional<StreamedHead> head = encoder.readHead(bytes, contentType, rest);
            if (head.isEmpty()) {
                if (bytes.length > maxBufferSize) {
                    fail(new QuotaExceededException(WcfText.XmlBufferQuotaExceeded.format()));
                }
                return;
            }
            if (head.get().faultBody()) {
                wholeFault = true;
                return;
            }
            body = rest;
            body.started(bytes.length);
            prefix = null;
            done = true;
            delivered.accept(head.get().message());
        } catch (IOException e) {
            fail(new UncheckedIOException(e));
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    /** The connection broke: a body still arriving fails, a message not delivered yet fails. */
    void connectionLost(RuntimeException cause) {
        if (body != null) {
            body.fail(cause);
        } else {
            fail(cause);
        }
    }

    /** The body being read, once the message was delivered in streamed mode. */
    Optional<InboundBody> body() {
        return Optional.ofNullable(body);
    }

    /** Whether the message was delivered or failed. */
    boolean isDone() {
        return done;
    }

    private void deliverWhole() {
        byte[] bytes = prefix.toByteArray();
        prefix = null;
        done = true;
        if (tap != null) {
            tap.record(WireTap.Direction.RECEIVED, bytes, contentType);
        }
        Message m;
        try {
            m = encoder.read(bytes, contentType);
        } catch (RuntimeException e) {
            failed.accept(e);
            return;
        }
        delivered.accept(m);
    }

    private void fail(RuntimeException e) {
        if (!done) {
            done = true;
            prefix = null;
            failed.accept(e);
        }
    }
}
