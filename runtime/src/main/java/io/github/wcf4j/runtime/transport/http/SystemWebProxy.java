package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.runtime.channel.CommunicationException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.Optional;

/**
 * {@code useDefaultWebProxy="true"}: the system proxy, as WCF leaves a request's proxy to {@code
 * WebRequest.DefaultWebProxy}. On the JVM the system proxy is a {@link ProxySelector} (by default the JDK's, which
 * reads {@code http.proxyHost}/{@code https.proxyHost} and {@code http.nonProxyHosts}, or the desktop's settings with
 * {@code java.net.useSystemProxies}): its first choice that is direct or an HTTP proxy is taken. A selector that offers
 * only SOCKS proxies fails the request rather than sending it past the proxy it names.
 *
 * @param selector the system proxy, or {@code null} for {@link ProxySelector#getDefault()} when asked
 */
record SystemWebProxy(ProxySelector selector) implements HttpProxyChoice {

    @Override
    public Optional<InetSocketAddress> proxyFor(URI target) {
        ProxySelector s = current();
        if (s == null) {
            return Optional.empty();
        }
        SocketAddress socks = null;
        for (Proxy p : s.select(target)) {
            if (p.type() == Proxy.Type.DIRECT) {
                return Optional.empty();
            }
            if (p.type() == Proxy.Type.HTTP && p.address() instanceof InetSocketAddress) {
                return Optional.of((InetSocketAddress) p.address());
            }
            socks = p.address();
        }
        if (socks != null) {
            throw new CommunicationException("The system proxy for " + target + " is the SOCKS proxy " + socks
                    + ", which the wcf4j HTTP transport does not support: set useDefaultWebProxy=\"false\" (with"
                    + " proxyAddress for an HTTP proxy) or choose an HTTP proxy in the system settings.");
        }
        return Optional.empty();
    }

    @Override
    public void connectFailed(URI target, InetSocketAddress proxy, IOException cause) {
        ProxySelector s = current();
        if (s != null) {
            s.connectFailed(target, proxy, cause);
        }
    }

    private ProxySelector current() {
        return selector != null ? selector : ProxySelector.getDefault();
    }
}
