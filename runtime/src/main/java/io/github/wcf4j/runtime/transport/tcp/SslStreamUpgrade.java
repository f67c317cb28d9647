package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.security.SslStreamSecurityBindingElement;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.SecurityNegotiationException;
import io.github.wcf4j.runtime.security.ExpectedServiceIdentity;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import io.github.wcf4j.runtime.security.PeerTrust;
import io.github.wcf4j.runtime.security.ServiceCertificateAuthentication;
import io.github.wcf4j.runtime.security.message.ClientCredentials;
import io.github.wcf4j.runtime.security.message.SecurityTokenValidationException;
import io.github.wcf4j.runtime.security.message.ServiceCredentials;
import io.github.wcf4j.runtime.security.message.ServiceSecurityContext;
import io.github.wcf4j.runtime.security.message.X509Credential;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * {@code sslStreamSecurity} ({@code application/ssl-tls}; WCF's {@code SslStreamSecurityUpgradeProvider}): TLS records
 * straight on the connection after the UpgradeResponse, through Netty's {@link SslHandler} over the JDK's
 * {@link SSLEngine}, with the protocols {@code sslProtocols} names.
 *
 * <ul>
 * <li>Service: proves itself with {@code serviceCredentials/serviceCertificate} (WCF's
 * {@code AuthenticateAsServer(serviceCertificate, requireClientCertificate, ...)}); with
 * {@code requireClientCertificate} a client without a certificate, or whose certificate its
 * {@code clientCertificate/authentication} does not trust, fails the handshake; the certificate is the caller
 * ({@code X509}), else the caller is anonymous.</li>
 * <li>Client: no SNI ({@code AuthenticateAsClient(string.Empty, ...)}), its {@code clientCertificate} when it has one;
 * the service's certificate must pass the configured {@code <serviceCertificate>} authentication
 * ({@link ServiceCertificateAuthentication}, WCF's chain trust by default); a client built in code without one takes the
 * service certificate its credentials name for the address (or a {@code <certificate>} identity's), else the client's
 * truststore ({@code TlsSettings}) or the JDK's certificate authorities; then the endpoint identity is checked
 * ({@code <dns>}, else the address's host, against the DNS names and common name: WCF's
 * {@code EnsureOutgoingIdentity}) instead of a host-name check.</li>
 * </ul>
 * A refusal fails the handshake on both ends: nothing is dispatched, the listener serves on.
 */
final class SslStreamUpgrade implements StreamUpgrade {
    static final String CONTENT_TYPE = "application/ssl-tls";

    private final SslStreamSecurityBindingElement element;
    private final Optional<ServiceCredentials> service;
    private final ClientCredentials client;
    private final ExpectedServiceIdentity identity;
    private final Optional<ServiceCertificateAuthentication> serviceTrust;
    private final Optional<KeyStore> trustStore;

    SslStreamUpgrade(SslStreamSecurityBindingElement element, Optional<ServiceCredentials> service,
            ClientCredentials client, ExpectedServiceIdentity identity,
            Optional<ServiceCertificateAuthentication> serviceTrust, Optional<KeyStore> trustStore) {
        this.element = element;
        this.service = service;
        this.client = client;
        this.identity = identity;
        this.serviceTrust = serviceTrust;
        this.trustStore = trustStore;
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public void open(boolean serviceSide) {
        if (serviceSide && service.flatMap(ServiceCredentials::serviceCertificate).isEmpty()) {
            throw new IllegalStateException(WcfText.ServiceCertificateNotProvidedOnServiceCredentials.format());
        }
    }

    @Override
    public void initiate(ChannelPipeline pipeline, EndpointAddress to, URI via, Executor work) {
        SSLEngine engine = engine(client.clientCertificate(), PeerTrust.ofService(
                (chain, authType) -> checkService(to.uri(), chain, authType)));
        engine.setUseClientMode(true);
        pipeline.addFirst("upgrade-events", new Events(false));
        pipeline.addFirst("upgrade", handler(engine));
    }

    @Override
    public void accept(ChannelPipeline pipeline, URI via, Executor work) {
        ServiceCredentials credentials = service.orElseThrow();
        SSLEngine engine = engine(credentials.serviceCertificate(), element.requireClientCertificate()
                ? PeerTrust.ofClient((chain, authType) -> checkClient(credentials, chain)) : null);
        engine.setUseClientMode(false);
        engine.setNeedClientAuth(element.requireClientCertificate());
        pipeline.addFirst("upgrade-events", new Events(true));
        pipeline.addFirst("upgrade", handler(engine));
    }

    /** Netty's TLS handler without its own (wall-clock) handshake timeout: the transport's timeouts bound it. */
    private static SslHandler handler(SSLEngine engine) {
        SslHandler h = new SslHandler(engine);
        h.setHandshakeTimeoutMillis(0);
        return h;
    }

    private SSLEngine engine(Optional<X509Credential> own, X509ExtendedTrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(own.isPresent() ? keys(own.get()) : null, trust == null ? null : new TrustManager[] {trust},
                    null);
            SSLEngine engine = context.createSSLEngine(); // no peer host: no SNI, as WCF's client sends none
            engine.setEnabledProtocols(protocols(element.sslProtocols(), engine.getSupportedProtocols()));
            return engine;
        } catch (GeneralSecurityException | IOException e) {
            throw new SecurityNegotiationException("The TLS stream upgrade could not start: " + e.getMessage(), e);
        }
    }

    /**
     * The JDK's names of the protocols {@code sslProtocols} lists ({@code Tls}, {@code Tls11}, {@code Tls12},
     * {@code Tls13}; {@code None}/{@code Default}: the JDK's defaults), among those it supports (a protocol the JDK
     * disables stays unused).
     */
    static String[] protocols(String sslProtocols, String[] supported) {
        List<String> wanted = new ArrayList<>();
        for (String p : sslProtocols.split("[,|\\s]+")) {
            switch (p.trim().toLowerCase(Locale.ROOT)) {
                case "tls" -> wanted.add("TLSv1");
                case "tls11" -> wanted.add("TLSv1.1");
                case "tls12" -> wanted.add("TLSv1.2");
                case "tls13" -> wanted.add("TLSv1.3");
                case "none", "default" -> {
                    return supported;
                }
                default -> {
                    // Ssl2/Ssl3: never enabled on the JVM
                }
            }
        }
        List<String> known = Arrays.asList(supported);
        String[] enabled = wanted.stream().filter(known::contains).toArray(String[]::new);
        return enabled.length == 0 ? supported : enabled;
    }

    private static KeyManager[] keys(X509Credential own) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = new char[0];
        store.setKeyEntry("own", own.privateKey(), password, new X509Certificate[] {own.certificate()});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        return keys.getKeyManagers();
    }

    /** Turns the TLS handshake's end into {@link StreamUpgradeCompleted} or a {@link SecurityNegotiationException}. */
    private static final class Events extends ChannelInboundHandlerAdapter {
        private final boolean serviceSide;
        private boolean ended;

        Events(boolean serviceSide) {
            this.serviceSide = serviceSide;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (!(event instanceof SslHandshakeCompletionEvent done)) {
                ctx.fireUserEventTriggered(event);
                return;
            }
            ended = true;
            if (!done.isSuccess()) {
                ctx.fireExceptionCaught(new SecurityNegotiationException(reason(done.cause()), done.cause()));
                return;
            }
            ServiceSecurityContext caller = ServiceSecurityContext.anonymous();
            if (serviceSide) {
                try {
                    var chain = ctx.pipeline().get(SslHandler.class).engine().getSession().getPeerCertificates();
                    if (chain.length > 0 && chain[0] instanceof X509Certificate c) {
                        caller = ServiceSecurityContext.certificate(c);
                    }
                } catch (SSLPeerUnverifiedException noCertificate) {
                    // anonymous
                }
            }
            ctx.fireUserEventTriggered(new StreamUpgradeCompleted(caller));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (ended || !(cause instanceof io.netty.handler.codec.DecoderException)) {
                ctx.fireExceptionCaught(cause);
            }
            // else: the handshake's failure, which its completion event reports
        }

        /** The message that says why: the refused certificate's (the outermost), else the TLS failure's. */
        private static String reason(Throwable cause) {
            String why = cause.getMessage();
            for (Throwable c = cause; c != null; c = c.getCause()) {
                if (c instanceof CertificateException || c instanceof MessageSecurityException
                        || c instanceof SecurityTokenValidationException) {
                    why = c.getMessage();
                    break;
                }
            }
            return "The TLS stream upgrade failed: " + why;
        }
    }

    /** The client's check of the service's certificate (no host-name check: the endpoint identity instead). */
    private void checkService(URI target, X509Certificate[] chain, String authType) throws CertificateException {
        X509Certificate presented = chain[0];
        Optional<X509Certificate> expected = client.serviceCertificateFor(target).or(identity::certificate);
        if (serviceTrust.isPresent()) {
            try {
                serviceTrust.get().authentication().validate(presented);
            } catch (SecurityTokenValidationException e) {
                throw new CertificateException(e.getMessage(), e);
            }
        } else if (expected.isPresent()) {
            if (!expected.get().equals(presented)) {
                throw new CertificateException("The service's TLS certificate '" + presented.getSubjectX500Principal()
                        + "' is not the service certificate this client expects.");
            }
        } else {
            try {
                TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                f.init(trustStore.orElse(null));
                for (TrustManager m : f.getTrustManagers()) {
                    if (m instanceof X509TrustManager x) {
                        x.checkServerTrusted(chain, authType);
                    }
                }
            } catch (GeneralSecurityException e) {
                throw new CertificateException("The service's TLS certificate '" + presented.getSubjectX500Principal()
                        + "' is not trusted: " + e.getMessage(), e);
            }
        }
        try {
            identity.ensureOutgoing(target, presented);
        } catch (MessageSecurityException e) {
            throw new CertificateException(e.getMessage(), e);
        }
    }

    /** The service's check of a client's certificate: its {@code clientCertificate/authentication}. */
    private static void checkClient(ServiceCredentials credentials, X509Certificate[] chain)
            throws CertificateException {
        try {
            credentials.clientCertificateAuthentication().validate(chain[0]);
        } catch (SecurityTokenValidationException e) {
            throw new CertificateException(e.getMessage(), e);
        }
    }
}
