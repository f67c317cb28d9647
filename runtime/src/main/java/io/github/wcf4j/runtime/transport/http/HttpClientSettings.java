package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.runtime.transport.WireTap;

/**
 * What a client's connections take from the transport element: the response size limit, keep-alive, cookies, the
 * connect timeout, and for HTTPS the trust material.
 *
 * @param tls the trust material; {@code null} for the JDK's default trust store
 * @param tap  sees the envelopes sent and received, or {@code null}
 */
record HttpClientSettings(long maxReceivedMessageSize, boolean keepAliveEnabled, boolean allowCookies,
        int connectTimeoutMillis, TlsSettings tls, WireTap tap) {

    static HttpClientSettings of(HttpTransportBindingElement http, int connectTimeoutMillis, TlsSettings tls,
            WireTap tap) {
        return new HttpClientSettings(http.maxReceivedMessageSize(), http.keepAliveEnabled(), http.allowCookies(),
                connectTimeoutMillis, tls, tap);
    }
}
