package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.binding.transport.HostNameComparisonMode;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;

/**
 * What an HTTP listener takes from its transport element: the size limit, host matching, keep-alive, and for HTTPS the
 * key material and whether a client certificate is required.
 *
 * @param tls the key material; {@code null} for plain HTTP
 */
record HttpListenSettings(long maxReceivedMessageSize, HostNameComparisonMode hostNameComparisonMode,
        boolean keepAliveEnabled, TlsSettings tls, boolean requireClientCertificate,
        io.github.wcf4j.runtime.transport.WireTap tap) {

    static HttpListenSettings of(HttpTransportBindingElement http, TlsSettings tls, boolean requireClientCertificate,
            io.github.wcf4j.runtime.transport.WireTap tap) {
        return new HttpListenSettings(http.maxReceivedMessageSize(), http.hostNameComparisonMode(),
                http.keepAliveEnabled(), tls, requireClientCertificate, tap);
    }
}
