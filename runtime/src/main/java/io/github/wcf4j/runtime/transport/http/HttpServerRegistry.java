package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.channel.AddressAlreadyInUseException;
import io.netty.handler.ssl.SslContext;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;

/**
 * The HTTP servers of one {@link NettyResources}: one per port, shared by every listener on that port (as http.sys
 * shares a port between URL prefixes); a listener asking for a unique address gets its own server on an ephemeral port.
 * A URL prefix (path and host matching) is registered once, as http.sys registers it. Thread-safe.
 */
final class HttpServerRegistry {
    private final NettyResources resources;
    private final Map<Integer, HttpEndpointServer> byPort = new HashMap<>();

    HttpServerRegistry(NettyResources resources) {
        this.resources = resources;
    }

    /** Registers {@code listener} on the server for its port, starting the server if needed. */
    synchronized CompletableFuture<HttpEndpointServer> register(HttpReplyChannelListener<?> listener, URI uri,
            boolean unique, HttpListenSettings settings) {
        SslContext ssl;
        try {
            ssl = uri.getScheme().equals("https") ? serverContext(settings) : null;
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (unique) {
            HttpEndpointServer server = new HttpEndpointServer(resources, this, uri, ssl);
            return server.start(0).thenApply(s -> {
                s.add(listener);
                return s;
            });
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
        HttpEndpointServer existing = byPort.get(port);
        if (existing != null) {
            if (existing.owns(listener)) {
                return CompletableFuture.failedFuture(new AddressAlreadyInUseException(
                        WcfText.HttpRegistrationAlreadyExists.format(uri), null));
            }
            existing.add(listener);
            return CompletableFuture.completedFuture(existing);
        }
        HttpEndpointServer server = new HttpEndpointServer(resources, this, uri, ssl);
        byPort.put(port, server);
        server.add(listener);
        return server.start(port).whenComplete((s, e) -> {
            if (e != null) {
                synchronized (this) {
                    byPort.remove(port, server);
                }
            }
        });
    }

    private static SslContext serverContext(HttpListenSettings settings) {
        if (settings.tls() == null) {
            throw new IllegalStateException("httpsTransport needs key material to listen: pass a TlsSettings binding"
                    + " parameter (a keystore holding the service certificate)");
        }
        return settings.tls().serverContext(settings.requireClientCertificate());
    }

    /** Called by a server whose last listener left. */
    synchronized void stopped(HttpEndpointServer server) {
        byPort.values().remove(server);
    }

    private static final Map<NettyResources, HttpServerRegistry> REGISTRIES = new WeakHashMap<>();

    static synchronized HttpServerRegistry of(NettyResources resources) {
        return REGISTRIES.computeIfAbsent(resources, HttpServerRegistry::new);
    }
}
