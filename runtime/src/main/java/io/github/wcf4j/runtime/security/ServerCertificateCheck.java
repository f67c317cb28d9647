package io.github.wcf4j.runtime.security;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * A check of the certificate an HTTPS server presents, beyond trust and host name, made during the TLS handshake so
 * that nothing is sent to a server that fails it (a binding parameter of an HTTPS client stack).
 */
@FunctionalInterface
public interface ServerCertificateCheck {
    /**
     * @param chain the server's chain, its own certificate first, already trusted
     * @throws CertificateException when the server is not the one expected (the handshake then fails)
     */
    void check(X509Certificate[] chain) throws CertificateException;
}
