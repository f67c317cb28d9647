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
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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
        List<Map.Entry<LocatedXml, EndpointIdentity>> present = new ArrayList<>();
        present(present, x.userPrincipalName, v -> new EndpointIdentity.UserPrincipalName(value(v, ctx)));
        present(present, x.servicePrincipalName, v -> new EndpointIdentity.ServicePrincipalName(value(v, ctx)));
        present(present, x.dns, v -> new EndpointIdentity.Dns(value(v, ctx)));
        present(present, x.rsa, v -> new EndpointIdentity.Rsa(value(v, ctx)));
        present(present, x.certificate, v -> new EndpointIdentity.Certificate(
                ctx.string(v, "encodedValue", v.encodedValue, 0, "")));
        present(present, x.certificateReference, v -> certificateReference(v, ctx));
        if (present.isEmpty()) {
            return Optional.empty();
        }
        String chosen = present.get(0).getKey().elementName();
        for (Map.Entry<LocatedXml, EndpointIdentity> ignored : present.subList(1, present.size())) {
            ctx.warning(ignored.getKey(), "<" + ignored.getKey().elementName() + "> is ignored: WCF uses only the first"
                    + " identity of userPrincipalName, servicePrincipalName, dns, rsa, certificate, certificateReference,"
                    + " here <" + chosen + ">.");
        }
        EndpointIdentity identity = present.get(0).getValue();
        if (identity instanceof EndpointIdentity.Certificate certificate) {
            checkEncodedValue(certificate.encodedValue(), x.certificate, ctx);
        }
        return Optional.of(identity);
    }

    /** Adds {@code xml}'s identity to {@code present} when the element is there (its attributes are read either way). */
    private static <T extends LocatedXml> void present(List<Map.Entry<LocatedXml, EndpointIdentity>> present, T xml,
            Function<T, EndpointIdentity> identity) {
        if (xml != null) {
            present.add(Map.entry(xml, identity.apply(xml)));
        }
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
