package io.github.wcf4j.runtime.security;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A TLS trust manager that checks only the peer its side talks to, after making sure the peer presented a
 * certificate: the service's certificate on a client ({@link #ofService}), the client's on a service
 * ({@link #ofClient}). What "trusted" means is the {@link Check}'s (WCF's certificate validation, an identity check,
 * or none when the service validates the client's certificate after the handshake); it never checks a host name,
 * which WCF leaves to the endpoint identity.
 */
public final class PeerTrust extends X509ExtendedTrustManager {
    /** A check of the peer's chain (its own certificate first) that throws to fail the handshake. */
    @FunctionalInterface
    public interface Check {
        void check(X509Certificate[] chain, String authType) throws CertificateException;
    }

    private final boolean server;
    private final Check check;

    private PeerTrust(boolean server, Check check) {
        this.server = server;
        this.check = check;
    }

    /** A client's trust manager: the service's chain goes to {@code check}. */
    public static PeerTrust ofService(Check check) {
        return new PeerTrust(true, check);
    }

    /** A service's trust manager: the client's chain goes to {@code check}. */
    public static PeerTrust ofClient(Check check) {
        return new PeerTrust(false, check);
    }

    private void peer(boolean isServer, X509Certificate[] chain, String authType) throws CertificateException {
        if (isServer != server) {
            throw new CertificateException(server ? "a client does not check clients"
                    : "a service does not check services");
        }
        if (chain == null || chain.length == 0) {
            throw new CertificateException((server ? "The service" : "The client") + " presented no certificate.");
        }
        check.check(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        peer(true, chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        peer(true, chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        peer(true, chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        peer(false, chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        peer(false, chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        peer(false, chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
