package io.github.wcf4j.config.xml;

import io.github.wcf4j.binding.address.StoreLocation;
import io.github.wcf4j.binding.credentials.AudienceUriMode;
import io.github.wcf4j.binding.credentials.ClientCertificateAuthentication;
import io.github.wcf4j.binding.credentials.ClientCertificateCredential;
import io.github.wcf4j.binding.credentials.IssuedTokenServiceCredential;
import io.github.wcf4j.binding.credentials.PeerCredential;
import io.github.wcf4j.binding.credentials.SecureConversationServiceCredential;
import io.github.wcf4j.binding.credentials.ServiceCredentials;
import io.github.wcf4j.binding.credentials.UserNameAuthentication;
import io.github.wcf4j.binding.credentials.UserNamePasswordValidationMode;
import io.github.wcf4j.binding.credentials.WindowsServiceCredential;
import io.github.wcf4j.binding.credentials.X509CertificateReference;
import io.github.wcf4j.binding.credentials.X509CertificateValidation;
import io.github.wcf4j.config.read.ConfigContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code <serviceCredentials>} → {@link ServiceCredentials}, as WCF's {@code ServiceCredentialsElement.ApplyConfiguration}:
 * an absent child leaves WCF's defaults, a certificate is set only when one of its attributes is written, and every
 * value is converted with WCF's rules and texts at its element. Type names ({@code type}, validator and encoder types)
 * are kept as written: resolving them is the runtime's job, as loading them is WCF's at open.
 */
final class ServiceCredentialsMapping {
    private static final StoreLocation SERVICE = X509CertificateReference.SERVICE_STORE_LOCATION;

    private ServiceCredentialsMapping() {
    }

    static ServiceCredentials read(ServiceCredentialsXml x, ConfigContext ctx) {
        ServiceCredentials d = ServiceCredentials.defaults();
        return ctx.located(new ServiceCredentials(
                ctx.string(x, "type", x.type, 0, d.type()),
                ctx.bool(x, "useIdentityConfiguration", x.useIdentityConfiguration, d.useIdentityConfiguration()),
                ctx.string(x, "identityConfiguration", x.identityConfiguration, 0, d.identityConfiguration()),
                CertificateMapping.certificate(x.serviceCertificate, SERVICE, ctx),
                clientCertificate(x.clientCertificate, ctx),
                userName(x.userNameAuthentication, ctx),
                windows(x.windowsAuthentication, ctx),
                issuedToken(x.issuedTokenAuthentication, ctx),
                secureConversation(x.secureConversationAuthentication, ctx),
                peer(x.peer, ctx)), x);
    }

    private static ClientCertificateCredential clientCertificate(ServiceCredentialsXml.ClientCertificateXml x,
            ConfigContext ctx) {
        if (x == null) {
            return ClientCertificateCredential.defaults();
        }
        ClientCertificateAuthentication authentication = ClientCertificateAuthentication.defaults();
        if (x.authentication != null) {
            CertificateXml.ClientValidationXml a = x.authentication;
            authentication = ctx.located(new ClientCertificateAuthentication(
                    CertificateMapping.validation(a, authentication.validation(), ctx),
                    ctx.bool(a, "mapClientCertificateToWindowsAccount", a.mapClientCertificateToWindowsAccount,
                            authentication.mapClientCertificateToWindowsAccount()),
                    ctx.bool(a, "includeWindowsGroups", a.includeWindowsGroups,
                            authentication.includeWindowsGroups())), a);
        }
        return ctx.located(new ClientCertificateCredential(
                CertificateMapping.certificate(x.certificate, SERVICE, ctx), authentication), x);
    }

    private static UserNameAuthentication userName(ServiceCredentialsXml.UserNameAuthenticationXml x,
            ConfigContext ctx) {
        UserNameAuthentication d = UserNameAuthentication.defaults();
        if (x == null) {
            return d;
        }
        return ctx.located(ctx.build(x, () -> new UserNameAuthentication(
                ctx.enumValue(x, "userNamePasswordValidationMode", x.userNamePasswordValidationMode,
                        UserNamePasswordValidationMode.class, d.userNamePasswordValidationMode()),
                ctx.string(x, "customUserNamePasswordValidatorType", x.customUserNamePasswordValidatorType, 0,
                        d.customUserNamePasswordValidatorType()),
                ctx.string(x, "membershipProviderName", x.membershipProviderName, 0, d.membershipProviderName()),
                ctx.bool(x, "includeWindowsGroups", x.includeWindowsGroups, d.includeWindowsGroups()),
                ctx.bool(x, "cacheLogonTokens", x.cacheLogonTokens, d.cacheLogonTokens()),
                ctx.int32(x, "maxCachedLogonTokens", x.maxCachedLogonTokens, 1, Integer.MAX_VALUE,
                        d.maxCachedLogonTokens()),
                ctx.positiveTimeout(x, "cachedLogonTokenLifetime", x.cachedLogonTokenLifetime,
                        d.cachedLogonTokenLifetime())), () -> d), x);
    }

    private static WindowsServiceCredential windows(ServiceCredentialsXml.WindowsAuthenticationXml x,
            ConfigContext ctx) {
        WindowsServiceCredential d = WindowsServiceCredential.defaults();
        if (x == null) {
            return d;
        }
        return ctx.located(new WindowsServiceCredential(
                ctx.bool(x, "allowAnonymousLogons", x.allowAnonymousLogons, d.allowAnonymousLogons()),
                ctx.bool(x, "includeWindowsGroups", x.includeWindowsGroups, d.includeWindowsGroups())), x);
    }

    private static IssuedTokenServiceCredential issuedToken(ServiceCredentialsXml.IssuedTokenAuthenticationXml x,
            ConfigContext ctx) {
        IssuedTokenServiceCredential d = IssuedTokenServiceCredential.defaults();
        if (x == null) {
            return d;
        }
        List<String> audiences = x.allowedAudienceUris == null ? List.of()
                : CertificateMapping.addOnly(x.allowedAudienceUris.children(),
                        ServiceCredentialsXml.AllowedAudienceUriXml.class, a -> audience(a, ctx), ctx);
        List<X509CertificateReference> known = x.knownCertificates == null ? List.of()
                : CertificateMapping.collection(x.knownCertificates.children(), CertificateXml.class,
                        k -> Optional.of(keyed(CertificateMapping.reference(k, SERVICE, ctx))),
                        ServiceCredentialsXml.RemoveKnownCertificateXml.class,
                        r -> Optional.of(keyed(CertificateMapping.reference(r, SERVICE, ctx)).getKey()), ctx);
        return ctx.located(new IssuedTokenServiceCredential(audiences,
                ctx.enumValue(x, "audienceUriMode", x.audienceUriMode, AudienceUriMode.class, d.audienceUriMode()),
                CertificateMapping.validation(x, d.validation(), ctx),
                ctx.string(x, "samlSerializerType", x.samlSerializerType, 0, d.samlSerializerType()),
                known,
                ctx.bool(x, "allowUntrustedRsaIssuers", x.allowUntrustedRsaIssuers, d.allowUntrustedRsaIssuers())), x);
    }

    /** {@code allowedAudienceUri}: its own key; {@code StringValidator(MinLength = 1)}. */
    private static Optional<Map.Entry<String, String>> audience(ServiceCredentialsXml.AllowedAudienceUriXml a,
            ConfigContext ctx) {
        String uri = ctx.string(a, "allowedAudienceUri", a.allowedAudienceUri == null ? "" : a.allowedAudienceUri, 1,
                null);
        return uri == null ? Optional.empty() : Optional.of(Map.entry(uri, uri));
    }

    /** A known certificate is its own key (all four attributes). */
    private static Map.Entry<String, X509CertificateReference> keyed(X509CertificateReference r) {
        return Map.entry(r.criteria(), r);
    }

    private static SecureConversationServiceCredential secureConversation(
            ServiceCredentialsXml.SecureConversationAuthenticationXml x, ConfigContext ctx) {
        SecureConversationServiceCredential d = SecureConversationServiceCredential.defaults();
        if (x == null) {
            return d;
        }
        return ctx.located(new SecureConversationServiceCredential(ctx.string(x, "securityStateEncoderType",
                x.securityStateEncoderType, 0, d.securityStateEncoderType())), x);
    }

    /** {@code <peer>}: the same element and defaults on both sides. */
    static PeerCredential peer(PeerCredentialXml x, ConfigContext ctx) {
        PeerCredential d = PeerCredential.defaults();
        if (x == null) {
            return d;
        }
        return ctx.located(new PeerCredential(
                CertificateMapping.certificate(x.certificate, X509CertificateReference.CLIENT_STORE_LOCATION, ctx),
                CertificateMapping.validation(x.peerAuthentication, X509CertificateValidation.forPeers(), ctx),
                CertificateMapping.validation(x.messageSenderAuthentication, X509CertificateValidation.forPeers(),
                        ctx)), x);
    }
}
