package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.security.ExpectedServiceIdentity;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLSNEGO, the mechanism of the SSL-negotiated bootstraps ({@code AnonymousForSslNegotiated},
 * {@code UserNameForSslNegotiated}, {@code MutualSslNegotiated}; WCF's {@code SslSecurityTokenParameters}): a TLS 1.2
 * handshake ({@link TlsHandshake}) with the service's certificate as the server's, the key wrapped as TLS application
 * data. Under {@code MutualSslNegotiated} the service requests the client's certificate, the client sends its
 * credentials' certificate, and the service validates it with its client certificate authentication once the handshake
 * completes (WCF's {@code TlsnegoTokenAuthenticator}); that certificate is the caller. Under
 * {@code UserNameForSslNegotiated} the caller is the user name the {@code RST/SCT} carries.
 */
final class SslNegotiation implements NegotiationMechanism {
    private final AuthenticationMode mode;
    private final ExpectedServiceIdentity identity;

    SslNegotiation(AuthenticationMode mode, ExpectedServiceIdentity identity) {
        this.mode = mode;
        this.identity = identity;
    }

    /** The bootstrap modes this mechanism runs. */
    static boolean runs(AuthenticationMode mode) {
        return mode == AuthenticationMode.AnonymousForSslNegotiated
                || mode == AuthenticationMode.UserNameForSslNegotiated
                || mode == AuthenticationMode.MutualSslNegotiated;
    }

    private boolean mutualMode() {
        return mode == AuthenticationMode.MutualSslNegotiated;
    }

    @Override
    public NegotiationMessages.Profile profile() {
        return NegotiationMessages.TLSNEGO;
    }

    @Override
    public boolean carriesUserName() {
        return mode == AuthenticationMode.UserNameForSslNegotiated;
    }

    @Override
    public void checkClientCredentials(ClientCredentials credentials) {
        if (mutualMode() && credentials.clientCertificate().isEmpty()) {
            throw new IllegalStateException(WcfText.ClientCertificateNotProvidedOnClientCredentials.format());
        }
        if (carriesUserName()) {
            String user = credentials.userName().map(UserNameCredential::userName).orElse(null);
            if (user == null) {
                throw new IllegalStateException(WcfText.UserNamePasswordNotProvidedOnClientCredentials.format());
            }
            if (user.isEmpty()) {
                throw new IllegalArgumentException(WcfText.UserNameCannotBeEmpty.format());
            }
        }
    }

    @Override
    public void checkServiceCredentials(ServiceCredentials credentials) {
        if (credentials.serviceCertificate().isEmpty()) {
            throw new IllegalStateException(WcfText.ServiceCertificateNotProvidedOnServiceCredentials.format());
        }
        if (carriesUserName() && credentials.userNameValidator().isEmpty()) {
            throw new IllegalStateException("UserNameForSslNegotiated needs a UserNamePasswordValidator in the"
                    + " service's credentials (WCF's userNamePasswordValidationMode=\"Custom\"): WCF's default,"
                    + " Windows accounts, is not run by wcf4j, so the endpoint is not opened.");
        }
    }

    @Override
    public NegotiationHandshake initiator(EndpointAddress to, ClientCredentials credentials) {
        return TlsHandshake.client(chain -> checkService(chain[0], to, credentials),
                mutualMode() ? credentials.clientCertificate() : Optional.empty());
    }

    @Override
    public NegotiationHandshake acceptor(ServiceCredentials credentials) {
        return TlsHandshake.server(credentials.serviceCertificate().orElseThrow(), mutualMode());
    }

    @Override
    public ServiceSecurityContext caller(NegotiationHandshake acceptor, ServiceCredentials credentials) {
        if (!mutualMode()) {
            return ServiceSecurityContext.anonymous();
        }
        X509Certificate client = ((TlsHandshake) acceptor).peerCertificate().orElseThrow(() ->
                new MessageSecurityException("The TLS negotiation completed without the client's certificate."));
        credentials.clientCertificateAuthentication().validate(client);
        return ServiceSecurityContext.certificate(client);
    }

    /**
     * The client's check of the service's certificate: the one its credentials name for {@code to}, if any, else the
     * JDK's default trust; then the endpoint's identity.
     */
    private void checkService(X509Certificate presented, EndpointAddress to, ClientCredentials credentials) {
        Optional<X509Certificate> expected = credentials.serviceCertificateFor(to.uri()).or(identity::certificate);
        if (expected.isPresent()) {
            if (!expected.get().equals(presented)) {
                throw new MessageSecurityException("The service's TLS certificate '"
                        + presented.getSubjectX500Principal() + "' is not the service certificate this client"
                        + " expects.");
            }
        } else {
            try {
                TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                f.init((KeyStore) null);
                for (var m : f.getTrustManagers()) {
                    if (m instanceof X509TrustManager x) {
                        x.checkServerTrusted(new X509Certificate[] {presented}, presented.getPublicKey()
                                .getAlgorithm());
                    }
                }
            } catch (GeneralSecurityException e) {
                throw new MessageSecurityException("The service's TLS certificate '"
                        + presented.getSubjectX500Principal() + "' is not trusted: " + e.getMessage(), e);
            }
        }
        identity.ensureOutgoing(to.uri(), presented);
    }
}
