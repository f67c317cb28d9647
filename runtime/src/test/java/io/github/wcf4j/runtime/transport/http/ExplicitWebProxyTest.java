package io.github.wcf4j.runtime.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code proxyAddress}'s bypass rules, as .NET Framework's {@code WebProxy(address, bypassOnLocal)} applies them. */
class ExplicitWebProxyTest {
    private static final ExplicitWebProxy PROXY = ExplicitWebProxy.of(URI.create("http://proxy.example:3128"), false);
    private static final ExplicitWebProxy BYPASSING_LOCAL = ExplicitWebProxy.of(URI.create("http://proxy.example:3128"),
            true);
    private static final Optional<InetSocketAddress> THE_PROXY = Optional.of(
            InetSocketAddress.createUnresolved("proxy.example", 3128));

    private static Optional<InetSocketAddress> route(ExplicitWebProxy p, String host) {
        return p.proxyFor(URI.create("http://" + host + ":8080/svc"));
    }

    @Test
    void theProxyPortDefaultsTo80() {
        assertEquals(InetSocketAddress.createUnresolved("proxy.example", 80),
                ExplicitWebProxy.of(URI.create("http://proxy.example"), false).proxy());
    }

    @Test
    void loopbackIsAlwaysReachedDirectly() {
        for (String host : new String[] {"localhost", "LocalHost", "127.0.0.1", "127.5.6.7", "[::1]"}) {
            assertEquals(Optional.empty(), route(PROXY, host), host);
        }
    }

    @Test
    void everythingElseGoesThroughTheProxyUnlessLocalAddressesAreBypassed() {
        for (String host : new String[] {"service.example.com", "198.51.100.7", "intranet"}) {
            assertEquals(THE_PROXY, route(PROXY, host), host);
        }
    }

    @Test
    void bypassProxyOnLocalSendsDotlessNamesAndThisMachinesAddressesDirect() throws SocketException {
        assertEquals(Optional.empty(), route(BYPASSING_LOCAL, "intranet"));
        assertEquals(THE_PROXY, route(BYPASSING_LOCAL, "service.example.com"));
        assertEquals(THE_PROXY, route(BYPASSING_LOCAL, "198.51.100.7"));
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                String host = a.getHostAddress().replaceAll("%.*", "");
                host = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
                assertEquals(Optional.empty(), route(BYPASSING_LOCAL, host), host);
            }
        }
    }
}
