package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.binding.transport.TransferMode;
import io.github.wcf4j.runtime.security.ServerCertificateCheck;
import io.github.wcf4j.runtime.transport.WireTap;
import java.net.ProxySelector;

/**
 * What a client's connections take from the transport element: the response size limit, keep-alive, cookies, the
 * proxy, the connect timeout, and for HTTPS the trust material.
 *
 * @param tls the trust material; {@code null} for the JDK's default trust store
 * @param tap  sees the envelopes sent and received, or {@code null}
 * @param serverCheck what an HTTPS server's certificate must also pass (the endpoint's identity), or {@code null}
 * @param transferMode  which directions are streamed
 * @param maxBufferSize in streamed mode, how many bytes a response's headers may take
 * @param authentication how every request is authenticated (HTTP Basic, Negotiate), or {@code null}: anonymous
 * @param proxyAuthorization the {@code Proxy-Authorization} sent to the proxy, made for every forwarded request and
 *                           every {@code CONNECT} ({@code proxyAuthenticationScheme} Basic: the same; Negotiate: a
 *                           fresh Kerberos token for {@code HTTP/<proxy host>}; Digest: the answer to the proxy's
 *                           {@code 407} challenge), or {@code null}
 */
record HttpClientSettings(long maxReceivedMessageSize, boolean keepAliveEnabled, boolean allowCookies,
        HttpProxyChoice proxy, int connectTimeoutMillis, TlsSettings tls, WireTap tap,
        ServerCertificateCheck serverCheck, TransferMode transferMode, int maxBufferSize,
        HttpClientAuthentication authentication, HttpProxyCredentials proxyAuthorization) {

    /**
     * @param systemProxy the system proxy ({@code useDefaultWebProxy}), or {@code null} for
     *                    {@link ProxySelector#getDefault()}
     */
    static HttpClientSettings of(HttpTransportBindingElement http, ProxySelector systemProxy, int connectTimeoutMillis,
            TlsSettings tls, WireTap tap, ServerCertificateCheck serverCheck) {
        return new HttpClientSettings(http.maxReceivedMessageSize(), http.keepAliveEnabled(), http.allowCookies(),
                HttpProxyChoice.of(http, systemProxy), connectTimeoutMillis, tls, tap, serverCheck,
                http.transferMode(), http.effectiveMaxBufferSize(), null, null);
    }

    HttpClientSettings withAuthentication(HttpClientAuthentication authentication) {
        return new HttpClientSettings(maxReceivedMessageSize, keepAliveEnabled, allowCookies, proxy,
                connectTimeoutMillis, tls, tap, serverCheck, transferMode, maxBufferSize, authentication,
                proxyAuthorization);
    }

    HttpClientSettings withProxyAuthorization(HttpProxyCredentials proxyAuthorization) {
        return new HttpClientSettings(maxReceivedMessageSize, keepAliveEnabled, allowCookies, proxy,
                connectTimeoutMillis, tls, tap, serverCheck, transferMode, maxBufferSize, authentication,
                proxyAuthorization);
    }
}
