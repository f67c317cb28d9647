package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.runtime.stack.UnsupportedBindingException;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The proxy of {@code proxyAddress}, with the bypass rules of .NET Framework's {@code WebProxy(address, bypassOnLocal)}
 * that WCF builds from it ({@code WebProxy.IsBypassedManual}): a loopback target ({@code localhost}, 127.0.0.0/8,
 * {@code ::1}) is always reached directly; with {@code bypassProxyOnLocal} so is a local one ({@code IsLocal}): a host
 * name without a dot, or an IP address of this machine. (.NET also counts names in the machine's primary DNS domain as
 * local; the JVM has no such setting, so they go through the proxy.)
 *
 * <p>The proxy is an HTTP/1.1 forward proxy: plain requests are sent to it with the absolute URI as their target,
 * HTTPS goes through a {@code CONNECT} tunnel. Only {@code http://} proxy addresses are supported.
 *
 * @param proxy        the proxy's host and port (unresolved: resolved when a connection is made)
 * @param bypassOnLocal {@code bypassProxyOnLocal}
 */
record ExplicitWebProxy(InetSocketAddress proxy, boolean bypassOnLocal) implements HttpProxyChoice {

    /** The proxy at {@code address}; refuses, naming {@code proxyAddress}, an address that is not an http URI. */
    static ExplicitWebProxy of(URI address, boolean bypassOnLocal) {
        String scheme = address.getScheme() == null ? "" : address.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") || address.getHost() == null) {
            throw new UnsupportedBindingException("httpTransport", "The proxyAddress '" + address + "' is not"
                    + " supported by the wcf4j runtime: only an absolute http:// proxy address (an HTTP/1.1 forward proxy,"
                    + " which tunnels HTTPS with CONNECT) is, so this binding cannot be opened.");
        }
        int port = address.getPort() >= 0 ? address.getPort() : 80;
        return new ExplicitWebProxy(InetSocketAddress.createUnresolved(address.getHost(), port), bypassOnLocal);
    }

    @Override
    public Optional<InetSocketAddress> proxyFor(URI target) {
        return isBypassed(target.getHost()) ? Optional.empty() : Optional.of(proxy);
    }

    private boolean isBypassed(String host) {
        if (host == null) {
            return true;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress literal = NetUtil.createInetAddressFromIpAddressString(bare);
        if (literal != null) {
            return literal.isLoopbackAddress() || bypassOnLocal && isThisMachine(literal);
        }
        return bare.equalsIgnoreCase("localhost") || bypassOnLocal && bare.indexOf('.') < 0;
    }

    private static boolean isThisMachine(InetAddress address) {
        try {
            return address.isAnyLocalAddress() || NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }
}
