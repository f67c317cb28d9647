package io.github.wcf4j.config.xml;

import io.github.wcf4j.binding.address.StoreLocation;
import io.github.wcf4j.binding.credentials.ClientCredentials;
import io.github.wcf4j.binding.credentials.HttpDigestClientCredential;
import io.github.wcf4j.binding.credentials.IssuedTokenClientCredential;
import io.github.wcf4j.binding.credentials.IssuerChannelBehavior;
import io.github.wcf4j.binding.credentials.LocalIssuer;
import io.github.wcf4j.binding.credentials.ScopedCertificate;
import io.github.wcf4j.binding.credentials.ServiceCertificateCredential;
import io.github.wcf4j.binding.credentials.TokenImpersonationLevel;
import io.github.wcf4j.binding.credentials.WindowsClientCredential;
import io.github.wcf4j.binding.credentials.X509CertificateReference;
import io.github.wcf4j.binding.credentials.X509CertificateValidation;
import io.github.wcf4j.binding.security.SecurityKeyEntropyMode;
import io.github.wcf4j.config.read.ConfigContext;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code <clientCredentials>} → {@link ClientCredentials}, as WCF's {@code ClientCredentialsElement.ApplyConfiguration}:
 * an absent child leaves WCF's client-side defaults ({@code CurrentUser} stores), a certificate is set only when one of
 * its attributes is written, {@code sslCertificateAuthentication} exists only when written, and every value is
 * converted with WCF's rules and texts at its element.
 */
final class ClientCredentialsMapping {
    private static final StoreLocation CLIENT = X509CertificateReference.CLIENT_STORE_LOCATION;

    private ClientCredentialsMapping() {
    }

    static ClientCredentials read(ClientCredentialsXml x, ConfigContext ctx) {
        ClientCredentials d = ClientCredentials.defaults();
        return ctx.located(new ClientCredentials(
                ctx.string(x, "type", x.type, 0, d.type()),
                ctx.bool(x, "useIdentityConfiguration", x.useIdentityConfiguration, d.useIdentityConfiguration()),
                ctx.bool(x, "supportInteractive", x.supportInteractive, d.supportInteractive()),
                CertificateMapping.certificate(x.clientCertificate, CLIENT, ctx),
                serviceCertificate(x.serviceCertificate, ctx),
                windows(x.windows, ctx),
                httpDigest(x.httpDigest, ctx),
                issuedToken(x.issuedToken, ctx),
                ServiceCredentialsMapping.peer(x.peer, ctx)), x);
    }

    private static ServiceCertificateCredential serviceCertificate(ClientCredentialsXml.ServiceCertificateXml x,
            ConfigContext ctx) {
        ServiceCertificateCredential d = ServiceCertificateCredential.defaults();
        if (x == null) {
            return d;
        }
        List<ScopedCertificate> scoped = x.scopedCertificates == null ? List.of()
                : CertificateMapping.collection(x.scopedCertificates.children(), CertificateXml.ScopedXml.class,
                        s -> scoped(s, ctx), CertificateXml.RemoveScopedXml.class,
                        r -> Optional.ofNullable(ctx.required(r, "targetUri", r.targetUri, 0)), ctx);
        Optional<X509CertificateValidation> ssl = Optional.ofNullable(x.sslCertificateAuthentication)
                .map(s -> ctx.located(CertificateMapping.validation(s, X509CertificateValidation
                        .forServiceCertificates(), ctx), s));
        return ctx.located(new ServiceCertificateCredential(
                CertificateMapping.certificate(x.defaultCertificate, CLIENT, ctx), scoped,
                CertificateMapping.validation(x.authentication, d.authentication(), ctx), ssl), x);
    }

    /** {@code <add targetUri>}: required, a URI ({@code UriTypeConverter}), the key. */
    private static Optional<Map.Entry<String, ScopedCertificate>> scoped(CertificateXml.ScopedXml s,
            ConfigContext ctx) {
        X509CertificateReference certificate = CertificateMapping.reference(s, CLIENT, ctx);
        String raw = ctx.required(s, "targetUri", s.targetUri, 0);
        Optional<URI> target = raw == null ? Optional.empty() : ctx.uri(s, "targetUri", raw);
        return target.map(t -> Map.entry(raw, new ScopedCertificate(t, certificate)));
    }

    private static WindowsClientCredential windows(ClientCredentialsXml.WindowsXml x, ConfigContext ctx) {
        WindowsClientCredential d = WindowsClientCredential.defaults();
        if (x == null) {
            return d;
        }
        return ctx.located(new WindowsClientCredential(
                ctx.enumValue(x, "allowedImpersonationLevel", x.allowedImpersonationLevel,
                        TokenImpersonationLevel.class, d.allowedImpersonationLevel()),
                ctx.bool(x, "allowNtlm", x.allowNtlm, d.allowNtlm())), x);
    }

    private static HttpDigestClientCredential httpDigest(ClientCredentialsXml.HttpDigestXml x, ConfigContext ctx) {
        HttpDigestClientCredential d = HttpDigestClientCredential.defaults();
        if (x == null) {
            return d;
        }
        return ctx.located(new HttpDigestClientCredential(ctx.enumValue(x, "impersonationLevel",
                x.impersonationLevel, TokenImpersonationLevel.class, d.impersonationLevel())), x);
    }

    private static IssuedTokenClientCredential issuedToken(ClientCredentialsXml.IssuedTokenXml x, ConfigContext ctx) {
        IssuedTokenClientCredential d = IssuedTokenClientCredential.defaults();
        if (x == null) {
            return d;
        }
        List<IssuerChannelBehavior> issuerBehaviors = x.issuerChannelBehaviors == null ? List.of()
                : CertificateMapping.collection(x.issuerChannelBehaviors.children(),
                        ClientCredentialsXml.IssuerChannelBehaviorXml.class, b -> issuerBehavior(b, ctx),
                        ClientCredentialsXml.RemoveIssuerChannelBehaviorXml.class,
                        r -> Optional.ofNullable(ctx.required(r, "issuerAddress", r.issuerAddress, 0)), ctx);
        Optional<LocalIssuer> localIssuer = Optional.ofNullable(x.localIssuer).map(l -> localIssuer(l, ctx));
        return ctx.located(ctx.build(x, () -> new IssuedTokenClientCredential(localIssuer,
                ctx.string(x, "localIssuerChannelBehaviors", x.localIssuerChannelBehaviors, 0,
                        d.localIssuerChannelBehaviors()),
                issuerBehaviors,
                ctx.bool(x, "cacheIssuedTokens", x.cacheIssuedTokens, d.cacheIssuedTokens()),
                ctx.timeout(x, "maxIssuedTokenCachingTime", x.maxIssuedTokenCachingTime,
                        d.maxIssuedTokenCachingTime()),
                ctx.enumValue(x, "defaultKeyEntropyMode", x.defaultKeyEntropyMode, SecurityKeyEntropyMode.class,
                        d.defaultKeyEntropyMode()),
                ctx.int32(x, "issuedTokenRenewalThresholdPercentage", x.issuedTokenRenewalThresholdPercentage, 0, 100,
                        d.issuedTokenRenewalThresholdPercentage())), () -> d), x);
    }

    /** {@code <add issuerAddress behaviorConfiguration>}: {@code issuerAddress} required, the key. */
    private static Optional<Map.Entry<String, IssuerChannelBehavior>> issuerBehavior(
            ClientCredentialsXml.IssuerChannelBehaviorXml b, ConfigContext ctx) {
        String address = ctx.required(b, "issuerAddress", b.issuerAddress, 0);
        String behavior = ctx.string(b, ConfigStrings.BEHAVIOR_CONFIGURATION, b.behaviorConfiguration, 0, "");
        return address == null ? Optional.empty()
                : Optional.of(Map.entry(address, new IssuerChannelBehavior(address, behavior)));
    }

    private static LocalIssuer localIssuer(ClientCredentialsXml.LocalIssuerXml l, ConfigContext ctx) {
        return ctx.located(new LocalIssuer(ctx.uri(l, ConfigStrings.ADDRESS, l.address),
                ctx.string(l, ConfigStrings.BINDING, l.binding, 0, ""),
                ctx.string(l, ConfigStrings.BINDING_CONFIGURATION, l.bindingConfiguration, 0, ""),
                AddressHeadersMapping.read(l.headers, ctx), IdentityMapping.read(l.identity, ctx)), l);
    }
}
