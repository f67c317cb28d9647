package io.github.wcf4j.binding.transport;

import io.github.wcf4j.binding.ArgumentChecks;
import io.github.wcf4j.binding.stack.ShapeRule;

/**
 * HTTP over TLS (WCF {@code HttpsTransportBindingElement}, config {@code <httpsTransport>}): every HTTP setting, plus
 * whether the service demands a client certificate.
 *
 * @param http                     the HTTP settings (WCF's base class)
 * @param requireClientCertificate whether the listener requires a TLS client certificate (default {@code false})
 */
public record HttpsTransportBindingElement(HttpTransportBindingElement http, boolean requireClientCertificate)
        implements TransportBindingElement {

    public HttpsTransportBindingElement {
        ArgumentChecks.notNull(http, "http");
    }

    public static HttpsTransportBindingElement defaults() {
        return new HttpsTransportBindingElement(HttpTransportBindingElement.defaults(), false);
    }

    @Override
    public String scheme() {
        return "https";
    }

    /** {@code <httpsTransport>}: the element's name in configuration (the one source of it). */
    public static final String CONFIG_NAME = "httpsTransport";

    @Override
    public String configName() {
        return CONFIG_NAME;
    }

    @Override
    public boolean manualAddressing() {
        return http.manualAddressing();
    }

    @Override
    public long maxBufferPoolSize() {
        return http.maxBufferPoolSize();
    }

    @Override
    public long maxReceivedMessageSize() {
        return http.maxReceivedMessageSize();
    }

    @Override
    public TransferMode transferMode() {
        return http.transferMode();
    }

    @Override
    public ShapeRule shapeRule() {
        return http.shapeRule();
    }
}
