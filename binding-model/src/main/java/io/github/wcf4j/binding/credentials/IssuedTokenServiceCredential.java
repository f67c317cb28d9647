package io.github.wcf4j.binding.credentials;

import io.github.wcf4j.binding.ArgumentChecks;
import java.util.List;

/**
 * {@code <serviceCredentials><issuedTokenAuthentication>} (WCF {@code IssuedTokenServiceCredential}): how a service
 * accepts tokens issued by a security token service (federation). Read in full; wcf4j does not run federation.
 *
 * @param allowedAudienceUris      {@code <allowedAudienceUris>}, in document order
 * @param audienceUriMode          {@code Always}
 * @param validation               the issuer certificates' validation: {@link X509CertificateValidation
 *                                 #forClientCertificates()} ({@code ChainTrust}, {@code Online}, {@code LocalMachine})
 * @param samlSerializerType       a .NET type name as written; {@code ""}
 * @param knownCertificates        {@code <knownCertificates>}: the issuers' certificates, in document order (defaults
 *                                 {@code LocalMachine}, {@code My}, {@code FindBySubjectDistinguishedName})
 * @param allowUntrustedRsaIssuers {@code false}
 */
public record IssuedTokenServiceCredential(List<String> allowedAudienceUris, AudienceUriMode audienceUriMode,
        X509CertificateValidation validation, String samlSerializerType,
        List<X509CertificateReference> knownCertificates, boolean allowUntrustedRsaIssuers) {

    /** {@code Always}. */
    public static final AudienceUriMode DEFAULT_AUDIENCE_URI_MODE = AudienceUriMode.Always;

    public IssuedTokenServiceCredential {
        allowedAudienceUris = List.copyOf(allowedAudienceUris);
        ArgumentChecks.notNull(audienceUriMode, "audienceUriMode");
        ArgumentChecks.notNull(validation, "validation");
        ArgumentChecks.notNull(samlSerializerType, "samlSerializerType");
        knownCertificates = List.copyOf(knownCertificates);
    }

    public static IssuedTokenServiceCredential defaults() {
        return new IssuedTokenServiceCredential(List.of(), DEFAULT_AUDIENCE_URI_MODE,
                X509CertificateValidation.forClientCertificates(), "", List.of(), false);
    }
}
