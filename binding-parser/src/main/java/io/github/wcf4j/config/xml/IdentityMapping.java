package io.github.wcf4j.config.xml;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.address.EndpointIdentity;
import io.github.wcf4j.binding.address.StoreLocation;
import io.github.wcf4j.binding.address.StoreName;
import io.github.wcf4j.binding.address.X509FindType;
import io.github.wcf4j.config.read.ConfigContext;
import io.github.wcf4j.config.read.LocatedXml;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code <identity>} → {@link EndpointIdentity}, as WCF's {@code ConfigLoader.LoadIdentity}: the first child present in
 * the order userPrincipalName, servicePrincipalName, dns, rsa, certificate, certificateReference is the identity, and
 * the others are ignored (wcf4j warns). A certificate's {@code encodedValue} must be base64 that decodes to something
 * ({@code Convert.FromBase64String}, then WCF's {@code UnableToLoadCertificateIdentity} for nothing).
 */
final class IdentityMapping {
    private IdentityMapping() {
    }

    static Optional<EndpointIdentity> read(IdentityXml x, ConfigContext ctx) {
        if (x == null) {
            return Optional.empty();
        }
        List<LocatedXml> present = new ArrayList<>();
        List<EndpointIdentity> identities = new ArrayList<>();
        if (x.userPrincipalName != null) {
            present.add(x.userPrincipalName);
            identities.add(new EndpointIdentity.UserPrincipalName(value(x.userPrincipalName, ctx)));
        }
        if (x.servicePrincipalName != null) {
            present.add(x.servicePrincipalName);
            identities.add(new EndpointIdentity.ServicePrincipalName(value(x.servicePrincipalName, ctx)));
        }
        if (x.dns != null) {
            present.add(x.dns);
            identities.add(new EndpointIdentity.Dns(value(x.dns, ctx)));
        }
        if (x.rsa != null) {
            present.add(x.rsa);
            identities.add(new EndpointIdentity.Rsa(value(x.rsa, ctx)));
        }
        if (x.certificate != null) {
            present.add(x.certificate);
            identities.add(new EndpointIdentity.Certificate(
                    ctx.string(x.certificate, "encodedValue", x.certificate.encodedValue, 0, "")));
        }
        if (x.certificateReference != null) {
            present.add(x.certificateReference);
            identities.add(certificateReference(x.certificateReference, ctx));
        }
        if (identities.isEmpty()) {
            return Optional.empty();
        }
        for (int i = 1; i < present.size(); i++) {
            ctx.warning(present.get(i), "<" + present.get(i).elementName() + "> is ignored: WCF uses only the first"
                    + " identity of userPrincipalName, servicePrincipalName, dns, rsa, certificate, certificateReference,"
                    + " here <" + present.get(0).elementName() + ">.");
        }
        if (identities.get(0) instanceof EndpointIdentity.Certificate certificate) {
            checkEncodedValue(certificate.encodedValue(), x.certificate, ctx);
        }
        return Optional.of(identities.get(0));
    }

    private static String value(IdentityXml.ValueXml x, ConfigContext ctx) {
        return ctx.string(x, "value", x.value, 0, "");
    }

    private static EndpointIdentity.CertificateReference certificateReference(IdentityXml.CertificateReferenceXml x,
            ConfigContext ctx) {
        EndpointIdentity.CertificateReference d = EndpointIdentity.CertificateReference.defaults();
        return new EndpointIdentity.CertificateReference(
                ctx.enumValue(x, "storeName", x.storeName, StoreName.class, d.storeName()),
                ctx.enumValue(x, "storeLocation", x.storeLocation, StoreLocation.class, d.storeLocation()),
                ctx.enumValue(x, "x509FindType", x.x509FindType, X509FindType.class, d.x509FindType()),
                ctx.string(x, "findValue", x.findValue, 0, d.findValue()),
                ctx.bool(x, "isChainIncluded", x.isChainIncluded, d.isChainIncluded()));
    }

    /**
     * {@code Convert.FromBase64String}: white space is skipped, the rest must be a multiple of four characters of the
     * base64 alphabet with at most two trailing {@code =}; an empty result is {@code UnableToLoadCertificateIdentity}.
     */
    private static void checkEncodedValue(String encoded, LocatedXml at, ConfigContext ctx) {
        StringBuilder useful = new StringBuilder();
        for (char c : encoded.toCharArray()) {
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                useful.append(c);
            }
        }
        String s = useful.toString();
        int padding = s.length() - s.replaceAll("=+$", "").length();
        if (padding > 2) {
            ctx.error(at, WcfText.Format_BadBase64Char);
        } else if (s.length() % 4 != 0) {
            ctx.error(at, WcfText.Format_BadBase64CharArrayLength);
        } else if (!s.matches("[A-Za-z0-9+/]*=*")) {
            ctx.error(at, WcfText.Format_BadBase64Char);
        } else if (s.length() == padding) {
            ctx.error(at, WcfText.UnableToLoadCertificateIdentity);
        }
    }
}
