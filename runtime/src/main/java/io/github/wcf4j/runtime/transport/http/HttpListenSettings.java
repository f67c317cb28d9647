package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.binding.BindingTimeouts;
import io.github.wcf4j.binding.transport.HostNameComparisonMode;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.binding.transport.TransferMode;
import io.github.wcf4j.runtime.transport.WireTap;
import java.time.Duration;

/**
 * What an HTTP listener takes from its transport element: the size limit, host matching, keep-alive, and for HTTPS the
 * key material and whether a client certificate is required.
 *
 * @param tls        the key material; {@code null} for plain HTTP
 * @param getHandler answers HTTP GET (metadata), or {@code null}: GET is answered 405
 * @param requestReadTimeout how long one request may take to arrive, from its first byte to its last (the binding's
 *                   {@code receiveTimeout}): a client trickling its headers or body is disconnected then
 * @param transferMode which directions are streamed
 * @param maxBufferSize in streamed mode, how many bytes a request's headers may take
 * @param authentication HTTP Basic or Negotiate, or {@code null}: anonymous
 */
record HttpListenSettings(long maxReceivedMessageSize, HostNameComparisonMode hostNameComparisonMode,
        boolean keepAliveEnabled, TlsSettings tls, boolean requireClientCertificate,
        WireTap tap, HttpGetHandler getHandler, Duration requestReadTimeout, TransferMode transferMode,
        int maxBufferSize, HttpAuthentication authentication) {

    static HttpListenSettings of(HttpTransportBindingElement http, TlsSettings tls, boolean requireClientCertificate,
            WireTap tap, HttpGetHandler getHandler) {
        return new HttpListenSettings(http.maxReceivedMessageSize(), http.hostNameComparisonMode(),
                http.keepAliveEnabled(), tls, requireClientCertificate, tap, getHandler,
                BindingTimeouts.DEFAULT_RECEIVE_TIMEOUT, http.transferMode(), http.effectiveMaxBufferSize(), null);
    }

    HttpListenSettings withRequestReadTimeout(Duration timeout) {
        return new HttpListenSettings(maxReceivedMessageSize, hostNameComparisonMode, keepAliveEnabled, tls,
                requireClientCertificate, tap, getHandler, timeout, transferMode, maxBufferSize, authentication);
    }

    HttpListenSettings withAuthentication(HttpAuthentication authentication) {
        return new HttpListenSettings(maxReceivedMessageSize, hostNameComparisonMode, keepAliveEnabled, tls,
                requireClientCertificate, tap, getHandler, requestReadTimeout, transferMode, maxBufferSize,
                authentication);
    }
}
