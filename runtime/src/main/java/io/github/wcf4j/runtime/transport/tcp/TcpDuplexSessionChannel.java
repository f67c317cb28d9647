package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.runtime.channel.AbstractCommunicationObject;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.CommunicationState;
import io.github.wcf4j.runtime.channel.CommunicationTimeoutException;
import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.InboundQueue;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.channel.QuotaExceededException;
import io.github.wcf4j.runtime.channel.Session;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.security.message.ServiceSecurityContext;
import io.github.wcf4j.runtime.time.Scheduler;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One end of a .NET Message Framing duplex session ([MC-NMF] mode {@code 02}; WCF {@code ClientFramingDuplexSessionChannel}
 * / {@code ServerFramingDuplexSessionChannel}): each message a SizedEnvelope, encoded by the session's own codec.
 *
 * <p>Closing writes End and awaits the peer's End within the close's timeout, as WCF's
 * {@code TransportDuplexSessionChannel.OnClose} does ({@code CloseOutputSession}, then {@code EnsureInputClosed}): the
 * peer's End completes the close and the connection goes on to its next use (the client's pool, the service's next
 * preamble); a message instead fails the close with WCF's {@code ReceiveShutdownReturnedMessage}; no End within the
 * timeout fails it with WCF's {@code TimeoutOnClose}; both abort the connection. A peer that closes the connection
 * instead of answering End (Mono's WCF does) ends the close too, as WCF reads the end of the stream at a record
 * boundary as the end of the input session; the connection is then not reused. The peer's End ends this end's input:
 * pending and later receives complete empty. A connection
 * lost without End faults the channel with WCF's {@code TcpConnectionResetError}; a SizedEnvelope past
 * {@code maxBufferSize} faults it with WCF's quota text (the service first tells the client with the
 * {@code MaxMessageSizeExceededFault} framing fault). Messages are encoded on the sender's thread, decoded on the
 * connection's event loop, and handed to receivers through the scheduler's executor. Thread-safe.
 */
final class TcpDuplexSessionChannel extends AbstractCommunicationObject implements DuplexSessionChannel {
    private static final byte[] END = {FramingRecord.END};
    private static final AttributeKey<Integer> SESSIONS = AttributeKey.valueOf("wcf4j.tcp.sessions");
    private final TcpSettings settings;
    private final FramingEncoding.Codec codec;
    private final boolean service;
    private final EndpointAddress local;
    private final EndpointAddress remote;
    private final URI via;
    private final InboundQueue<Message> inbox;
    private final Object writeLock = new Object();
    private final TcpConnectionPool pool;
    private volatile Channel socket;
    private volatile Session session;
    /** What becomes of the connection after End both ways: kept for the next session (pool, demuxer), or closed. */
    private volatile Consumer<Channel> reuse;
    /** Service: whom the stream upgrade proved the client to be ({@code null}: no upgrade). */
    private volatile ServiceSecurityContext caller;
    /** The peer's End (or the connection's orderly end after this end's End), which a close awaits. */
    private final CompletableFuture<Void> peerEnd = new CompletableFuture<>();
    private boolean sentEnd;
    private boolean peerEnded;

    private TcpDuplexSessionChannel(TcpSettings settings, boolean service, EndpointAddress local,
            EndpointAddress remote, URI via, TcpConnectionPool pool, String contentType) {
        this.settings = settings;
        this.pool = pool;
        this.codec = settings.encoding().newCodec(contentType, settings.element().maxReceivedMessageSize());
        this.service = service;
        this.local = local;
        this.remote = remote;
        this.via = via;
        this.inbox = new InboundQueue<>(settings.scheduler());
    }

    /** A client end, connected and through its preamble when opened. */
    static TcpDuplexSessionChannel client(TcpSettings settings, EndpointAddress remote, URI via,
            TcpConnectionPool pool) {
        TcpDuplexSessionChannel c = new TcpDuplexSessionChannel(settings, false, EndpointAddress.ANONYMOUS, remote,
                via, pool, settings.encoding().contentType());
        // an upgraded connection is not pooled: closed after End both ways
        c.reuse = settings.upgrade().isPresent() ? null : ch -> pool.give(via, ch);
        return c;
    }

    /**
     * The service end of a connection whose preamble (announcing {@code contentType}) was accepted; {@code caller},
     * when a stream upgrade authenticated the client, goes with every message received.
     */
    static TcpDuplexSessionChannel service(TcpSettings settings, Channel socket, URI via, String contentType,
            ServiceSecurityContext caller) {
        TcpDuplexSessionChannel c = new TcpDuplexSessionChannel(settings, true, EndpointAddress.of(via),
                EndpointAddress.ANONYMOUS, via, null, contentType);
        c.caller = caller;
        c.attach(socket);
        return c;
    }

    /** Sets what becomes of the connection once this session has ended gracefully. */
    void afterGracefulEnd(Consumer<Channel> next) {
        reuse = next;
    }

    TcpConnectionPool pool() {
        return pool;
    }

    /** The connection (tests: which one a session used). */
    Channel connection() {
        return socket;
    }

    @Override
    protected String wcfTypeName() {
        return service ? "System.ServiceModel.Channels.ServerFramingDuplexSessionChannel"
                : "System.ServiceModel.Channels.ClientFramingDuplexSessionChannel";
    }

    /**
     * Binds this end to its connection. Both ends derive the same session id from the connection's two endpoints and
     * the number of sessions the connection has carried (a pooled connection carries one after another).
     */
    void attach(Channel ch) {
        socket = ch;
        InetSocketAddress mine = (InetSocketAddress) ch.localAddress();
        InetSocketAddress theirs = (InetSocketAddress) ch.remoteAddress();
        Integer before = ch.attr(SESSIONS).get();
        int n = before == null ? 1 : before + 1;
        ch.attr(SESSIONS).set(n);
        String connection = (service ? endpoint(theirs) + "|" + endpoint(mine) : endpoint(mine) + "|" + endpoint(theirs))
                + "#" + n;
        session = new TcpSession("urn:uuid:" + UUID.nameUUIDFromBytes(connection.getBytes(StandardCharsets.UTF_8)));
    }

    private static String endpoint(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    private record TcpSession(String id) implements Session {
    }

    TcpSettings settings() {
        return settings;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public EndpointAddress localAddress() {
        return local;
    }

    @Override
    public EndpointAddress remoteAddress() {
        return remote;
    }

    @Override
    public URI via() {
        return via;
    }

    @Override
    public CompletableFuture<Void> send(Message message, Duration timeout) {
        throwIfNotOpened();
        if (!service && message.headers().to() == null && !settings.element().manualAddressing()) {
            message.headers().to(remote);
        }
        Channel ch = socket;
        ChannelFuture written;
        synchronized (writeLock) {
            byte[] payload = codec.write(message);
            if (payload.length > settings.element().maxBufferSize()) {
                // the session's writer has already given keys to this message's new strings, which the peer will
                // never see: the session cannot go on
                QuotaExceededException tooLarge = new QuotaExceededException(
                        WcfText.MaxSentMessageSizeExceeded.format(settings.element().maxBufferSize()));
                fault(tooLarge);
                return CompletableFuture.failedFuture(tooLarge);
            }
            written = ch.writeAndFlush(FramingWriter.sizedEnvelope(ch.alloc(), payload));
        }
        CompletableFuture<Void> sent = new CompletableFuture<>();
        written.addListener(f -> {
            if (f.isSuccess()) {
                sent.complete(null);
            } else {
                sent.completeExceptionally(connectionReset(f.cause()));
            }
        });
        return sent;
    }

    @Override
    public CompletableFuture<Optional<Message>> receive(Duration timeout) {
        return receiveFrom(inbox, timeout);
    }

    // ---- from the connection (its event loop)

    void received(byte[] payload) {
        Message m;
        try {
            m = codec.read(payload);
        } catch (RuntimeException e) {
            fault(e);
            return;
        }
        synchronized (this) {
            if (sentEnd && !peerEnded) {
                // WCF's EnsureInputClosed: input where the close expected End
                peerEnd.completeExceptionally(new ProtocolException(WcfText.ReceiveShutdownReturnedMessage.format(
                        m.headers().action())));
                return;
            }
        }
        ServiceSecurityContext c = caller;
        if (c != null && !c.isAnonymous()) {
            m.properties().put(ServiceSecurityContext.class, c);
        }
        inbox.offer(m);
    }

    /** A SizedEnvelope past {@code maxBufferSize}: the service tells the client with a framing fault, then closes. */
    void oversized() {
        Channel ch = socket;
        if (service && ch != null) {
            ch.writeAndFlush(Unpooled.wrappedBuffer(FramingWriter.fault(FramingFault.MAX_MESSAGE_SIZE_EXCEEDED)))
                    .addListener(f -> ch.close());
        }
        fault(new QuotaExceededException(WcfText.MaxReceivedMessageSizeExceeded.format(
                settings.element().maxReceivedMessageSize())));
    }

    void peerEnded() {
        boolean both;
        synchronized (this) {
            peerEnded = true;
            both = sentEnd;
        }
        inbox.close();
        if (both) {
            peerEnd.complete(null);
        }
    }

    /** End both ways: the connection goes on to its next use (or is closed), never back to this session. */
    private void release() {
        Channel ch = socket;
        Consumer<Channel> next = reuse;
        if (ch == null) {
            return;
        }
        if (next != null && ch.isActive()) {
            next.accept(ch);
        } else {
            ch.close();
        }
    }

    void peerFaulted(String faultUri) {
        fault(FramingFault.toException(faultUri, via, settings.encoding().contentType()));
    }

    void connectionLost(Throwable cause) {
        synchronized (this) {
            if (sentEnd && peerEnded) {
                return;
            }
            if (sentEnd) {
                // closing: the end of the stream where End was awaited ends the input (Mono's WCF closes so);
                // a framing error does not
                if (cause == null) {
                    peerEnd.complete(null);
                } else {
                    peerEnd.completeExceptionally(cause);
                }
                return;
            }
        }
        if (state() == CommunicationState.Closed) {
            return;
        }
        fault(cause != null ? cause : connectionReset(null));
    }

    private CommunicationException connectionReset(Throwable cause) {
        return new CommunicationException(WcfText.TcpConnectionResetError.format(
                WcfTimeSpan.format(settings.timeouts().receiveTimeout())), cause);
    }

    // ---- lifecycle

    /** Client: connects, sends the preamble and waits for PreambleAck. */
    @Override
    protected CompletableFuture<Void> onOpen(Duration timeout) {
        if (service) {
            return CompletableFuture.completedFuture(null);
        }
        return TcpConnector.connect(this, timeout);
    }

    @Override
    protected CompletableFuture<Void> onClose(Duration timeout) {
        Channel ch = socket;
        inbox.close();
        if (ch == null) {
            return CompletableFuture.completedFuture(null);
        }
        boolean both;
        synchronized (this) {
            sentEnd = true;
            both = peerEnded;
        }
        if (both) {
            peerEnd.complete(null);
        } else {
            Scheduler.Cancellable timer = settings.scheduler().schedule(timeout, () -> peerEnd.completeExceptionally(
                    new CommunicationTimeoutException(WcfText.TimeoutOnClose.format(WcfTimeSpan.format(timeout)))));
            peerEnd.whenComplete((v, e) -> timer.cancel());
        }
        CompletableFuture<Void> written = new CompletableFuture<>();
        ch.writeAndFlush(Unpooled.wrappedBuffer(END)).addListener(f -> {
            if (!f.isSuccess()) {
                ch.close(); // the connection is gone: nothing more to await
                peerEnd.complete(null);
            }
            written.complete(null);
        });
        return written.thenCompose(v -> peerEnd).thenRun(this::release);
    }

    @Override
    protected void onAbort() {
        closeSocket();
        inbox.close();
        peerEnd.cancel(false);
    }

    @Override
    protected void onFaulted(Throwable cause) {
        inbox.fail(cause instanceof CommunicationException ? cause : new CommunicationException(cause.getMessage(),
                cause));
        closeSocket();
    }

    private void closeSocket() {
        Channel ch = socket;
        if (ch != null) {
            ch.close();
        }
    }
}
