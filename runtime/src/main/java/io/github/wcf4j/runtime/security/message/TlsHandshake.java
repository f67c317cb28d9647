package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.runtime.security.MessageSecurityException;
import io.github.wcf4j.runtime.security.PeerTrust;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManager;

/**
 * One TLS 1.2 handshake of the JDK's {@link SSLEngine}, pumped through opaque blobs rather than a socket: what WCF's
 * {@code TlsSspiNegotiation} does with SChannel for TLSNEGO. {@link #step(byte[])} takes the peer's records (a whole
 * flight, as one {@code BinaryExchange} carries it) and returns this side's next flight; once the handshake is done,
 * {@link #wrap(byte[])} and {@link #unwrap(byte[])} protect application data as single records ({@code #TLS_Wrap}).
 * Not thread-safe: one negotiation drives it, a leg at a time.
 */
final class TlsHandshake implements NegotiationHandshake {
    /** The protocol WCF 4.8 negotiates by default; the only one enabled here. */
    static final String PROTOCOL = "TLSv1.2";

    private final SSLEngine engine;
    private final ByteBuffer application;

    private TlsHandshake(SSLEngine engine) {
        this.engine = engine;
        this.application = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
    }

    /**
     * The client's side: the service's certificate chain goes to {@code serverCheck}, which throws
     * {@link MessageSecurityException} to refuse it (the handshake then fails with that cause); {@code own}, when
     * present, is the client certificate this side sends when the service requests one (MutualSslNegotiated).
     */
    static TlsHandshake client(Consumer<X509Certificate[]> serverCheck, Optional<X509Credential> own) {
        try {
            SSLContext context = SSLContext.getInstance(PROTOCOL);
            context.init(own.isPresent() ? keys(own.get(), "client") : null,
                    new TrustManager[] {serverCheck(serverCheck)}, null);
            SSLEngine engine = context.createSSLEngine();
            engine.setUseClientMode(true);
            engine.setEnabledProtocols(new String[] {PROTOCOL});
            engine.beginHandshake();
            return new TlsHandshake(engine);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new MessageSecurityException("The TLS negotiation could not start: " + e.getMessage(), e);
        }
    }

    /** The client's side without a certificate of its own. */
    static TlsHandshake client(Consumer<X509Certificate[]> serverCheck) {
        return client(serverCheck, Optional.empty());
    }

    /**
     * The service's side, proving itself with {@code own}; with {@code requireClientCertificate} it requests the
     * client's certificate and fails the handshake without one ({@code setNeedClientAuth}). The certificate is not
     * judged here: as WCF's {@code TlsnegoTokenAuthenticator} does once the handshake completes, the caller validates
     * {@link #clientCertificate()} with the service's client certificate authentication.
     */
    static TlsHandshake server(X509Credential own, boolean requireClientCertificate) {
        try {
            SSLContext context = SSLContext.getInstance(PROTOCOL);
            context.init(keys(own, "service"), requireClientCertificate
                    ? new TrustManager[] {PeerTrust.ofClient((chain, authType) -> { })} : null, null);
            SSLEngine engine = context.createSSLEngine();
            engine.setUseClientMode(false);
            engine.setNeedClientAuth(requireClientCertificate);
            engine.setEnabledProtocols(new String[] {PROTOCOL});
            engine.beginHandshake();
            return new TlsHandshake(engine);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new MessageSecurityException("The TLS negotiation could not start: " + e.getMessage(), e);
        }
    }

    /** The service's side without requesting a client certificate. */
    static TlsHandshake server(X509Credential own) {
        return server(own, false);
    }

    private static KeyManager[] keys(X509Credential own, String alias)
            throws GeneralSecurityException, java.io.IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = new char[0];
        store.setKeyEntry(alias, own.privateKey(), password, new X509Certificate[] {own.certificate()});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        return keys.getKeyManagers();
    }

    /**
     * The certificate the peer presented in the completed handshake (the client's, on the service's side), if any.
     */
    Optional<X509Certificate> peerCertificate() {
        try {
            var chain = engine.getSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x ? Optional.of(x) : Optional.empty();
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
    }

    /**
     * Feeds the peer's {@code incoming} records (empty for the client's first flight) and returns this side's next
     * flight, empty when it has nothing to send.
     *
     * @throws MessageSecurityException when the handshake fails (the cause says why)
     */
    @Override
    public byte[] step(byte[] incoming) {
        ByteBuffer in = ByteBuffer.wrap(incoming);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer net = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        try {
            while (true) {
                HandshakeStatus status = engine.getHandshakeStatus();
                switch (status) {
                    case NEED_TASK -> {
                        Runnable task;
                        while ((task = engine.getDelegatedTask()) != null) {
                            task.run();
                        }
                    }
                    case NEED_WRAP -> {
                        net.clear();
                        SSLEngineResult r = engine.wrap(ByteBuffer.allocate(0), net);
                        if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                            throw new MessageSecurityException("The TLS negotiation was closed by this side.");
                        }
                        out.write(net.array(), 0, net.position());
                    }
                    case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                        if (!in.hasRemaining() && status == HandshakeStatus.NEED_UNWRAP) {
                            return out.toByteArray();
                        }
                        application.clear();
                        SSLEngineResult r = engine.unwrap(in, application);
                        if (r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                            throw new MessageSecurityException("The TLS negotiation's blob ends inside a record.");
                        }
                        if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                            throw new MessageSecurityException("The peer closed the TLS negotiation.");
                        }
                    }
                    default -> {
                        if (in.hasRemaining()) {
                            throw new MessageSecurityException("The TLS negotiation's blob goes on after the"
                                    + " handshake finished.");
                        }
                        return out.toByteArray();
                    }
                }
            }
        } catch (SSLException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof MessageSecurityException m) {
                    throw m;
                }
            }
            throw new MessageSecurityException("The TLS negotiation failed: " + e.getMessage(), e);
        }
    }

    /** Whether the handshake has finished on this side. */
    @Override
    public boolean complete() {
        HandshakeStatus s = engine.getHandshakeStatus();
        return s == HandshakeStatus.NOT_HANDSHAKING || s == HandshakeStatus.FINISHED;
    }

    /** {@code data} as TLS application data records ({@code #TLS_Wrap}). */
    @Override
    public byte[] wrap(byte[] data) {
        ByteBuffer net = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        try {
            SSLEngineResult r = engine.wrap(ByteBuffer.wrap(data), net);
            if (r.getStatus() != SSLEngineResult.Status.OK || r.bytesConsumed() != data.length) {
                throw new MessageSecurityException("The key could not be wrapped as TLS application data.");
            }
            return Arrays.copyOf(net.array(), net.position());
        } catch (SSLException e) {
            throw new MessageSecurityException("The key could not be wrapped as TLS application data.", e);
        }
    }

    /** The application data of {@code records}, which must all be consumed. */
    @Override
    public byte[] unwrap(byte[] records) {
        ByteBuffer in = ByteBuffer.wrap(records);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            while (in.hasRemaining()) {
                application.clear();
                SSLEngineResult r = engine.unwrap(in, application);
                if (r.getStatus() != SSLEngineResult.Status.OK) {
                    throw new MessageSecurityException("The proof token is not TLS application data of this"
                            + " negotiation.");
                }
                out.write(application.array(), 0, application.position());
            }
            return out.toByteArray();
        } catch (SSLException e) {
            throw new MessageSecurityException("The proof token is not TLS application data of this negotiation.",
                    e);
        }
    }

    /** Trusts the service's certificate as the negotiation's caller decides ({@link MessageSecurityException}: no). */
    private static PeerTrust serverCheck(Consumer<X509Certificate[]> check) {
        return PeerTrust.ofService((chain, authType) -> {
            try {
                check.accept(chain);
            } catch (MessageSecurityException e) {
                throw new CertificateException(e.getMessage(), e);
            }
        });
    }
}
