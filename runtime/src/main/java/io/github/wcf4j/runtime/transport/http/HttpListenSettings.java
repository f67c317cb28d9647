package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.binding.transport.HostNameComparisonMode;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;

/**
 * What an HTTP listener takes from its transport element: the size limit, host matching, keep-alive, and for HTTPS the
 * key material and whether a client certificate is required.
 *
 * @param tls        the key material; {@code null} for plain HTTP
 * @param getHandler answers HTTP GET (metadata), or {@code null}: GET is answered 405
 */
record HttpListenSettings(long maxReceivedMessageSize, HostNameComparisonMode hostNameComparisonMode,
        boolean keepAliveEnabled, TlsSettings tls, boolean requireClientCertificate,
        io.github.wcf4j.runtime.transport.WireTap tap, HttpGetHandler getHandler) {

    static HttpListenSettings of(HttpTransportBindingElement http, TlsSettings tls, boolean requireClientCertificate,
            io.github.wcf4j.runtime.transport.WireTap tap, HttpGetHandler getHandler) {
        return new HttpListenSettings(http.maxReceivedMessageSize(), http.hostNameComparisonMode(),
                http.keepAliveEnabled(), tls, requireClientCertificate, tap, getHandler);
    }
}
