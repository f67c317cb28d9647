package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.channel.AddressAlreadyInUseException;
import io.github.wcf4j.runtime.transport.http.NettyResources;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;

/**
 * The TCP servers of one {@link NettyResources}: one per port, shared by every listener on it (WCF's TCP transport
 * manager and its {@code ConnectionDemuxer}); a listener asking for a unique address gets a server on an ephemeral
 * port. A URI is registered once (WCF's {@code UriPrefixTable}: {@code DuplicateRegistration}). Thread-safe.
 */
final class TcpPortRegistry {
    private static final Map<NettyResources, TcpPortRegistry> REGISTRIES = new WeakHashMap<>();
    private final NettyResources resources;
    private final Map<Integer, TcpPortServer> byPort = new HashMap<>();

    private TcpPortRegistry(NettyResources resources) {
        this.resources = resources;
    }

    static synchronized TcpPortRegistry of(NettyResources resources) {
        return REGISTRIES.computeIfAbsent(resources, TcpPortRegistry::new);
    }

    synchronized CompletableFuture<TcpPortServer> register(TcpChannelListener<?> listener, boolean ephemeral) {
        if (ephemeral) {
            TcpPortServer server = new TcpPortServer(resources, this, listener.settings());
            server.add(listener);
            return server.start(0).thenApply(started -> {
                synchronized (this) {
                    byPort.put(started.port(), started);
                }
                return started;
            });
        }
        int port = listener.uri().getPort() < 0 ? TcpConnector.DEFAULT_PORT : listener.uri().getPort();
        TcpPortServer existing = byPort.get(port);
        if (existing != null) {
            if (existing.owns(listener.path())) {
                return CompletableFuture.failedFuture(new AddressAlreadyInUseException(
                        WcfText.DuplicateRegistration.format(listener.uri()), null));
            }
            existing.add(listener);
            return CompletableFuture.completedFuture(existing);
        }
        TcpPortServer server = new TcpPortServer(resources, this, listener.settings());
        byPort.put(port, server);
        server.add(listener);
        return server.start(port).whenComplete((s, e) -> {
            if (e != null) {
                stopped(server);
            }
        });
    }

    synchronized void stopped(TcpPortServer server) {
        byPort.values().remove(server);
    }
}
