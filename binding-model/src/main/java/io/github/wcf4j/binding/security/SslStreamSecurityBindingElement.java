package io.github.wcf4j.binding.security;

import io.github.wcf4j.binding.ArgumentChecks;

/**
 * TLS stream security ({@code <sslStreamSecurity>}).
 *
 * @param requireClientCertificate {@code false}
 * @param sslProtocols             {@code Tls | Tls11 | Tls12} as written in configuration
 */
public record SslStreamSecurityBindingElement(boolean requireClientCertificate, String sslProtocols)
        implements StreamSecurityBindingElement {

    public SslStreamSecurityBindingElement {
        ArgumentChecks.notNull(sslProtocols, "sslProtocols");
    }

    public static SslStreamSecurityBindingElement defaults() {
        return new SslStreamSecurityBindingElement(false, "Tls, Tls11, Tls12");
    }

    /** {@code <sslStreamSecurity>}: the element's name in configuration (the one source of it). */
    public static final String CONFIG_NAME = "sslStreamSecurity";

    @Override
    public String configName() {
        return CONFIG_NAME;
    }
}
