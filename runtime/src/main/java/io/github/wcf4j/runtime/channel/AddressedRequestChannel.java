package io.github.wcf4j.runtime.channel;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A transport's request channel (HTTP, in-memory): bound to one address and the {@code via} it is sent through, with
 * nothing of its own to open or close (connections belong to the factory); each transport sends a request its way.
 */
public abstract class AddressedRequestChannel extends AbstractCommunicationObject implements RequestChannel {
    private final EndpointAddress to;
    private final URI via;

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
    }
}
