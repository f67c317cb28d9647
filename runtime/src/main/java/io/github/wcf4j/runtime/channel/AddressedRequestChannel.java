package io.github.wcf4j.runtime.channel;

import io.github.wcf4j.binding.WcfText;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A transport's request channel (HTTP, in-memory): bound to one address and the {@code via} it is sent through, with
 * nothing of its own to open or close (connections belong to the factory); each transport sends a request its way and
 * passes it through {@link #inFlight}, so that aborting the channel fails the requests still waiting for a reply (WCF
 * {@code RequestChannel.AbortPendingRequests}).
 */
public abstract class AddressedRequestChannel extends AbstractCommunicationObject implements RequestChannel {
    private final EndpointAddress to;
    private final URI via;
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean abortingRequests;

    protected AddressedRequestChannel(EndpointAddress to, URI via) {
        this.to = to;
        this.via = via;
    }

    @Override
    public EndpointAddress remoteAddress() {
        return to;
    }

    @Override
    public URI via() {
        return via;
    }

    /** Tracks {@code request} until it completes: aborting the channel fails it at once. Returns {@code request}. */
    protected final <T> CompletableFuture<T> inFlight(CompletableFuture<T> request) {
        if (request.isDone()) {
            return request;
        }
        pending.add(request);
        request.whenComplete((v, e) -> pending.remove(request));
        if (abortingRequests) {
            request.completeExceptionally(abortedRequest());
        }
        return request;
    }

    /** What a request still waiting for its reply fails with when the channel is aborted. */
    protected CommunicationObjectAbortedException abortedRequest() {
        return new CommunicationObjectAbortedException(WcfText.CommunicationObjectAborted1.format(wcfTypeName()));
    }

    @Override
    protected CompletableFuture<Void> onOpen(Duration timeout) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected CompletableFuture<Void> onClose(Duration timeout) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    protected void onAbort() {
        abortingRequests = true;
        CommunicationObjectAbortedException aborted = abortedRequest();
        List.copyOf(pending).forEach(request -> request.completeExceptionally(aborted));
    }
}
