package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.binding.transport.HostNameComparisonMode;
import io.github.wcf4j.binding.transport.TransferMode;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelManagerBase;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.QueuedReplyChannel;
import io.github.wcf4j.runtime.channel.ReplyChannel;
import io.github.wcf4j.runtime.channel.RequestContext;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.github.wcf4j.runtime.stack.ListenAddress;
import io.github.wcf4j.runtime.time.Scheduler;
import java.util.concurrent.Executor;
import io.github.wcf4j.runtime.transport.WireTap;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Listens for SOAP-over-HTTP requests at one URI (WCF {@code HttpChannelListener}): like WCF's, it yields a single
 * datagram {@link ReplyChannel} through which every request arrives with its {@link RequestContext}; the reply, or an
 * empty 202, goes back on the same HTTP exchange.
 *
 * <p>Several listeners share one {@link HttpEndpointServer} per port, routed by path. A unique listen address gets its
 * own server on an ephemeral port and a fresh path under the requested one, as does an explicit port 0;
 * {@link #uri()} is the real address once opened.
 */
final class HttpReplyChannelListener<C extends Channel> extends ChannelManagerBase<C>
        implements ChannelListener<C> {
    private final HttpServerRegistry registry;
    private final ListenAddress listenAddress;
    private final HttpListenSettings settings;
    private final TextMessageEncoder encoder;
    private final Scheduler scheduler;
    private final HttpReplyChannel channel;
    private final AtomicBoolean accepted = new AtomicBoolean();
    private final CompletableFuture<Optional<C>> closedAccept = new CompletableFuture<>();
    private volatile URI uri;
    private volatile String path;
    private volatile HttpEndpointServer server;

    HttpReplyChannelListener(ChannelType<C> type, HttpServerRegistry registry, ListenAddress listenAddress,
            HttpListenSettings settings, TextMessageEncoder encoder, Scheduler scheduler) {
        super(type);
        this.registry = registry;
        this.listenAddress = listenAddress;
        this.settings = settings;
        this.encoder = encoder;
        this.scheduler = scheduler;
        this.channel = new HttpReplyChannel();
        String requested = listenAddress.uri().toString();
        this.uri = listenAddress.unique()
                ? URI.create((requested.endsWith("/") ? requested : requested + "/") + UUID.randomUUID() + "/")
                : listenAddress.uri();
        this.path = normalizedPath(uri);
    }

    @Override
    protected String wcfTypeName() {
        return "System.ServiceModel.Channels.HttpChannelListener";
    }

    @Override
    public URI uri() {
        return uri;
    }

    /** The lower-case path this listener owns, without a trailing slash. */
    String path() {
        return path;
    }

    boolean exactHostMatch() {
        return settings.hostNameComparisonMode() == HostNameComparisonMode.Exact;
    }

    HostNameComparisonMode hostNameComparisonMode() {
        return settings.hostNameComparisonMode();
    }

    long maxReceivedMessageSize() {
        return settings.maxReceivedMessageSize();
    }

    /** {@code keepAliveEnabled}: when off, every response says {@code Connection: close} and its connection closes. */
    boolean keepAliveEnabled() {
        return settings.keepAliveEnabled();
    }

    Duration requestReadTimeout() {
        return settings.requestReadTimeout();
    }

    /** Which directions this listener streams (WCF's {@code TransferMode}). */
    TransferMode transferMode() {
        return settings.transferMode();
    }

    /** In streamed mode, the most bytes a request's headers may take. */
    int maxBufferSize() {
        return settings.maxBufferSize();
    }

    WireTap tap() {
        return settings.tap();
    }

    /** Answers GET at this address, or {@code null}. */
    HttpGetHandler getHandler() {
        return settings.getHandler();
    }

    /** HTTP Basic or Negotiate, or {@code null} when requests are anonymous. */
    HttpAuthentication authentication() {
        return settings.authentication();
    }

    /** Where authentication runs, off the event loops (the scheduler's executor). */
    Executor executor() {
        return scheduler.executor();
    }

    TextMessageEncoder encoder() {
        return encoder;
    }

    /**
     * Whether a request for {@code lowerCasePath} at {@code host} is this listener's: the path equals its path or lies
     * below it (at a segment boundary); with {@code Exact} host matching the host must equal the listen URI's.
     */
    boolean matches(String lowerCasePath, String host) {
        String p = lowerCasePath.endsWith("/") ? lowerCasePath.substring(0, lowerCasePath.length() - 1) : lowerCasePath;
        boolean pathMatches = p.equals(path) || p.startsWith(path + "/");
        if (!pathMatches) {
            return false;
        }
        if (settings.hostNameComparisonMode() == HostNameComparisonMode.Exact) {
            return host != null && host.equalsIgnoreCase(uri.getHost());
        }
        return true;
    }

    @Override
    public CompletableFuture<Optional<C>> acceptChannel(Duration timeout) {
        throwIfNotOpened();
        if (accepted.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(Optional.of(typed(channel)));
        }
        return closedAccept;
    }

    /** Queues a decoded request; returns {@code false} when this listener no longer receives. */
    boolean deliver(RequestContext context) {
        return channel.offer(context);
    }

    @Override
    protected CompletableFuture<Void> onOpen(Duration timeout) {
        if (settings.authentication() != null) {
            try {
                settings.authentication().open(); // Negotiate: the service's Kerberos keys, or it does not open
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        boolean ephemeral = listenAddress.unique() || uri.getPort() == 0;
        return registry.register(this, uri, ephemeral, settings).thenAccept(s -> {
            server = s;
            if (ephemeral) {
                uri = withPort(uri, s.port());
                path = normalizedPath(uri);
            }
        });
    }

    @Override
    protected CompletableFuture<Void> onClose(Duration timeout) {
        leaveServer();
        closedAccept.complete(Optional.empty());
        return channel.close(timeout);
    }

    @Override
    protected void onAbort() {
        leaveServer();
        closedAccept.complete(Optional.empty());
        channel.abort();
    }

    private void leaveServer() {
        HttpEndpointServer s = server;
        if (s != null) {
            s.remove(this);
        }
    }

    private static URI withPort(URI u, int port) {
        return URI.create(u.getScheme() + "://" + u.getHost() + ":" + port + u.getRawPath());
    }

    private static String normalizedPath(URI u) {
        String p = u.getPath() == null ? "" : u.getPath().toLowerCase(Locale.ROOT);
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /** The single reply channel every request arrives on. */
    private final class HttpReplyChannel extends QueuedReplyChannel {
        HttpReplyChannel() {
            super(scheduler, () -> uri);
        }

        @Override
        protected String wcfTypeName() {
            return "System.ServiceModel.Channels.HttpChannelListener+HttpReplyChannel";
        }

        /** Nobody will receive it any more: its connection is closed, so the client fails at once. */
        @Override
        protected void unreceived(RequestContext request) {
            request.abort();
        }
    }
}
