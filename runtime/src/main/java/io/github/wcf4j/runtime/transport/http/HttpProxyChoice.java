package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.util.Optional;

/**
 * Whether a client's requests to a URI go directly or through an HTTP proxy: WCF's {@code HttpChannelFactory} gives
 * every request the {@code IWebProxy} its transport element configures.
 * <ul>
 *   <li>{@code proxyAddress} set (then {@code useDefaultWebProxy} is {@code false}: the build check refuses both):
 *       that proxy, bypassed as WCF's {@code WebProxy(proxyAddress, bypassProxyOnLocal)} bypasses it
 *       ({@link ExplicitWebProxy});</li>
 *   <li>no {@code proxyAddress}, {@code useDefaultWebProxy="false"}: always direct (WCF's empty {@code WebProxy});</li>
 *   <li>no {@code proxyAddress}, {@code useDefaultWebProxy="true"} (the default): the system proxy, which on the JVM
 *       is a {@link ProxySelector} ({@link SystemWebProxy}); {@code bypassProxyOnLocal} is not consulted, as WCF
 *       leaves the default proxy's bypass rules to the system.</li>
 * </ul>
 * Implementations are immutable and thread-safe.
 */
interface HttpProxyChoice {
    /** Every request goes directly to its server. */
    HttpProxyChoice DIRECT = target -> Optional.empty();

    /** The HTTP proxy for requests to {@code target}, or empty to connect directly. */
    Optional<InetSocketAddress> proxyFor(URI target);

    /** Told when connecting to {@code proxy} for {@code target} failed. */
    default void connectFailed(URI target, InetSocketAddress proxy, IOException cause) {
    }

    /**
     * The choice {@code http} configures for a client.
     *
     * @param systemProxy the system proxy, or {@code null} for {@link ProxySelector#getDefault()} when asked
     */
    static HttpProxyChoice of(HttpTransportBindingElement http, ProxySelector systemProxy) {
        if (http.proxyAddress() != null) {
            return ExplicitWebProxy.of(http.proxyAddress(), http.bypassProxyOnLocal());
        }
        return http.useDefaultWebProxy() ? new SystemWebProxy(systemProxy) : DIRECT;
    }
}
