package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.runtime.channel.AbstractCommunicationObject;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.InboundQueue;
import io.github.wcf4j.runtime.channel.ReplyChannel;
import io.github.wcf4j.runtime.channel.RequestContext;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The one reply channel of a streamed TCP listener (WCF's {@code ConnectionOrientedTransportReplyChannelAcceptor}
 * yielding its {@code ConnectionOrientedTransportReplyChannel}): every singleton connection's request ({@link TcpReplyExchange}) queues here. Closing or
 * aborting it completes pending receives empty and drops the requests nobody received (their connections closed, so
 * their clients fail at once); requests already received can still be answered. Thread-safe.
 */
final class TcpReplyChannel extends AbstractCommunicationObject implements ReplyChannel {
    private final InboundQueue<RequestContext> inbox;
    private final EndpointAddress local;

    TcpReplyChannel(TcpSettings settings, URI uri) {
        this.inbox = new InboundQueue<>(settings.scheduler());
        this.local = EndpointAddress.of(uri);
    }

    @Override
    protected String wcfTypeName() {
        return "System.ServiceModel.Channels.ConnectionOrientedTransportChannelListener"
                + "+ConnectionOrientedTransportReplyChannelAcceptor+ConnectionOrientedTransportReplyChannel";
    }

    @Override
    public EndpointAddress localAddress() {
        return local;
    }

    /** Queues a request; {@code false} once this channel no longer receives. */
    boolean offer(RequestContext request) {
        return inbox.offer(request);
    }

    @Override
    public CompletableFuture<Optional<RequestContext>> receiveRequest(Duration timeout) {
        return receiveFrom(inbox, timeout);
    }

    @Override
    protected CompletableFuture<Void> onOpen(Duration timeout) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected CompletableFuture<Void> onClose(Duration timeout) {
        drop();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected void onAbort() {
        drop();
    }

    private void drop() {
        inbox.close();
        while (inbox.size() > 0) {
            inbox.take(WcfTimeSpan.INFINITE, () -> "").getNow(Optional.empty()).ifPresent(RequestContext::abort);
        }
    }
}
