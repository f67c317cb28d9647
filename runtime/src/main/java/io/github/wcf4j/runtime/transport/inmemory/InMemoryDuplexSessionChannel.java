package io.github.wcf4j.runtime.transport.inmemory;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.channel.AbstractCommunicationObject;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.InboundQueue;
import io.github.wcf4j.runtime.channel.QuotaExceededException;
import io.github.wcf4j.runtime.channel.Session;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.github.wcf4j.runtime.message.Message;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * One end of an in-memory duplex session (the in-memory counterpart of a buffered TCP connection): messages sent on
 * one end arrive, encoded and decoded, at the other; closing one end ends the other's input.
 */
final class InMemoryDuplexSessionChannel extends AbstractCommunicationObject implements DuplexSessionChannel {
    private final InMemoryNetwork network;
    private final TextMessageEncoder encoder;
    private final Direction outbound;
    private final EndpointAddress local;
    private final EndpointAddress remote;
    private final URI via;
    private final long maxReceivedMessageSize;
    private final Session session;
    private final InboundQueue<Message> inbox;
    private volatile InMemoryDuplexSessionChannel peer;

    /**
     * A client end; it connects to the listener at {@code via} when opened (as a TCP channel connects in its open), so
     * opening it fails with {@code EndpointNotFoundException} when nobody listens there.
     */
    InMemoryDuplexSessionChannel(InMemoryNetwork network, TextMessageEncoder encoder, EndpointAddress remote, URI via,
            long maxReceived) {
        this(network, encoder, Direction.CLIENT_TO_SERVICE, EndpointAddress.ANONYMOUS, remote, via, maxReceived,
                new InMemorySession());
    }

    private InMemoryDuplexSessionChannel(InMemoryNetwork network, TextMessageEncoder encoder, Direction outbound,
            EndpointAddress local, EndpointAddress remote, URI via, long maxReceived, Session session) {
        this.network = network;
        this.encoder = encoder;
        this.outbound = outbound;
        this.local = local;
        this.remote = remote;
        this.via = via;
        this.maxReceivedMessageSize = maxReceived;
        this.session = session;
        this.inbox = new InboundQueue<>(network.scheduler());
    }

    /** The service end paired with {@code client}. */
    static InMemoryDuplexSessionChannel serviceEnd(InMemoryDuplexSessionChannel client, TextMessageEncoder encoder,
            long maxReceived) {
        InMemoryDuplexSessionChannel s = new InMemoryDuplexSessionChannel(client.network, encoder,
                Direction.SERVICE_TO_CLIENT, EndpointAddress.of(client.via), EndpointAddress.ANONYMOUS, client.via,
                maxReceived, client.session);
        s.peer = client;
        client.peer = s;
        return s;
    }

    private record InMemorySession(String id) implements Session {
        InMemorySession() {
            this("urn:uuid:" + UUID.randomUUID());
        }
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
        if (outbound == Direction.CLIENT_TO_SERVICE && message.headers().to() == null) {
            message.headers().to(remote);
        }
        byte[] bytes = encoder.write(message);
        InMemoryDuplexSessionChannel target = peer;
        network.transmit(outbound, bytes, encoder.bindingElement().writeEncoding(), target::deliver, broken -> {
            if (broken instanceof InMemoryNetwork.ConnectionReset) {
                fault(broken);
                target.fault(broken);
            }
        });
        return CompletableFuture.completedFuture(null);
    }

    private void deliver(byte[] bytes) {
        if (bytes.length > maxReceivedMessageSize) {
            fault(new QuotaExceededException(WcfText.MaxReceivedMessageSizeExceeded.format(maxReceivedMessageSize)));
            return;
        }
        try {
            inbox.offer(encoder.read(bytes, encoder.contentType()));
        } catch (RuntimeException e) {
            fault(e);
        }
    }

    @Override
    public CompletableFuture<Optional<Message>> receive(Duration timeout) {
        return receiveFrom(inbox, timeout);
    }

    @Override
    protected void onFaulted(Throwable cause) {
        inbox.fail(cause instanceof CommunicationException ? cause : new CommunicationException(cause.getMessage(),
                cause));
    }

    @Override
    protected CompletableFuture<Void> onOpen(Duration timeout) {
        if (outbound == Direction.CLIENT_TO_SERVICE) {
            network.lookup(via, InMemoryDuplexSessionListener.class).connect(this);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected CompletableFuture<Void> onClose(Duration timeout) {
        InMemoryDuplexSessionChannel p = peer;
        if (p != null) {
            network.scheduler().executor().execute(p.inbox::close);
        }
        inbox.close();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected void onAbort() {
        InMemoryDuplexSessionChannel p = peer;
        if (p != null) {
            network.scheduler().executor().execute(
                    () -> p.fault(new CommunicationException("The in-memory session was aborted by the other side.")));
        }
        inbox.close();
    }
}
