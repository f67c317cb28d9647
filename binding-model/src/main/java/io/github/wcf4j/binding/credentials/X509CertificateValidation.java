package io.github.wcf4j.binding.credentials;

import io.github.wcf4j.binding.ArgumentChecks;
import io.github.wcf4j.binding.address.StoreLocation;

/**
 * How the other party's certificate is validated: an {@code <authentication>} element (WCF
 * {@code X509ClientCertificateAuthentication}, {@code X509ServiceCertificateAuthentication},
 * {@code X509PeerCertificateAuthentication}; and the same four settings of {@code issuedTokenAuthentication}).
 *
 * <p>The defaults depend on who validates: a service validating clients trusts the machine's stores
 * ({@link #forClientCertificates()}), a client validating services the user's ({@link #forServiceCertificates()}),
 * a peer {@code PeerOrChainTrust} in the user's ({@link #forPeers()}).
 *
 * @param certificateValidationMode      {@code ChainTrust} ({@code PeerOrChainTrust} for peers)
 * @param revocationMode                 {@code Online}
 * @param trustedStoreLocation           where {@code TrustedPeople} and the roots are: {@code LocalMachine} on the
 *                                       service, {@code CurrentUser} on the client and for peers
 * @param customCertificateValidatorType the validator for {@code Custom} (a .NET type name as written), {@code ""}
 */
public record X509CertificateValidation(X509CertificateValidationMode certificateValidationMode,
        X509RevocationMode revocationMode, StoreLocation trustedStoreLocation, String customCertificateValidatorType) {

    /** {@code ChainTrust}, except for peers. */
    public static final X509CertificateValidationMode DEFAULT_VALIDATION_MODE = X509CertificateValidationMode.ChainTrust;
    /** {@code Online}. */
    public static final X509RevocationMode DEFAULT_REVOCATION_MODE = X509RevocationMode.Online;

    public X509CertificateValidation {
        ArgumentChecks.notNull(certificateValidationMode, "certificateValidationMode");
        ArgumentChecks.notNull(revocationMode, "revocationMode");
        ArgumentChecks.notNull(trustedStoreLocation, "trustedStoreLocation");
        ArgumentChecks.notNull(customCertificateValidatorType, "customCertificateValidatorType");
    }

    /** A service validating its clients' certificates (and issued tokens' issuers): the machine's stores. */
    public static X509CertificateValidation forClientCertificates() {
        return new X509CertificateValidation(DEFAULT_VALIDATION_MODE, DEFAULT_REVOCATION_MODE,
                StoreLocation.LocalMachine, "");
    }

    /** A client validating a service's certificate (message or TLS): the user's stores. */
    public static X509CertificateValidation forServiceCertificates() {
        return new X509CertificateValidation(DEFAULT_VALIDATION_MODE, DEFAULT_REVOCATION_MODE,
                StoreLocation.CurrentUser, "");
    }

    /** A peer channel validating its neighbours or message senders: {@code PeerOrChainTrust}, the user's stores. */
    public static X509CertificateValidation forPeers() {
        return new X509CertificateValidation(X509CertificateValidationMode.PeerOrChainTrust,
                DEFAULT_REVOCATION_MODE, StoreLocation.CurrentUser, "");
    }
}
