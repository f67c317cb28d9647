package io.github.wcf4j.runtime.security;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.address.EndpointIdentity;
import io.github.wcf4j.runtime.message.ParsedElement;
import java.math.BigInteger;
import java.net.URI;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;

/**
 * The claim a service must prove to be the endpoint's {@code <identity>} (WCF's {@code EndpointIdentity.IdentityClaim}),
 * its certificates resolved: what WCF's configuration loader ({@code ConfigLoader.LoadIdentity}) makes of each kind of
 * {@code <identity>}, and the DNS identity of the address's host when there is none
 * ({@code DefaultIdentityVerifier.TryCreateDnsIdentity}). {@link #toString()} is WCF's rendering of an identity in its
 * texts.
 */
public sealed interface IdentityClaim {
    String CLAIMS = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/";
    String POSSESS_PROPERTY = "http://schemas.xmlsoap.org/ws/2005/05/identity/right/possessproperty";

    /** The claim type's URI, e.g. {@code .../claims/dns}. */
    String claimType();

    /** The DNS identity WCF checks when an endpoint has none: the host of its address (IPv6 without brackets). */
    static IdentityClaim ofAddress(URI address) {
        String host = address.getHost();
        return new Dns(host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host);
    }

    /**
     * The claim of a configured identity.
     *
     * @param lookup finds a {@code <certificateReference>}'s certificate
     * @throws IllegalStateException WCF's {@code UnableToLoadCertificateIdentity} when the certificate is not found or
     *                               unreadable
     */
    static IdentityClaim of(EndpointIdentity identity, CertificateLookup lookup) {
        if (identity instanceof EndpointIdentity.UserPrincipalName upn) {
            return new Upn(upn.value());
        } else if (identity instanceof EndpointIdentity.ServicePrincipalName spn) {
            return new Spn(spn.value());
        } else if (identity instanceof EndpointIdentity.Dns dns) {
            return new Dns(dns.value());
        } else if (identity instanceof EndpointIdentity.Rsa rsa) {
            return Rsa.parse(rsa.value());
        } else if (identity instanceof EndpointIdentity.Certificate c) {
            return new Thumbprint(decode(c.encodedValue()));
        }
        EndpointIdentity.CertificateReference r = (EndpointIdentity.CertificateReference) identity;
        List<StoredCertificate> found = lookup.findAll(r.storeLocation(), r.storeName(), r.x509FindType(),
                r.findValue());
        if (found.isEmpty()) {
            throw new IllegalStateException(WcfText.UnableToLoadCertificateIdentity.template());
        }
        // WCF takes the first certificate found; with isChainIncluded, the chain the store holds for it
        StoredCertificate first = found.get(0);
        return new Thumbprint(r.isChainIncluded() ? first.chain() : List.of(first.certificate()));
    }

    private static List<X509Certificate> decode(String encodedValue) {
        try {
            List<X509Certificate> certificates = SerializedCertificates.read(
                    Base64.getMimeDecoder().decode(encodedValue.trim()));
            if (certificates.isEmpty()) {
                throw new IllegalStateException(WcfText.UnableToLoadCertificateIdentity.template());
            }
            return certificates;
        } catch (CertificateException | IllegalArgumentException e) {
            throw new IllegalStateException(WcfText.UnableToLoadCertificateIdentity.template(), e);
        }
    }

    /** A DNS name (WCF's {@code DnsEndpointIdentity}); compared ignoring case. */
    record Dns(String name) implements IdentityClaim {
        @Override
        public String claimType() {
            return CLAIMS + "dns";
        }

        @Override
        public String toString() {
            return render(this);
        }
    }

    /** A Windows account (WCF's {@code UpnEndpointIdentity}). */
    record Upn(String name) implements IdentityClaim {
        @Override
        public String claimType() {
            return CLAIMS + "upn";
        }

        @Override
        public String toString() {
            return render(this);
        }
    }

    /** A Kerberos service principal (WCF's {@code SpnEndpointIdentity}). */
    record Spn(String name) implements IdentityClaim {
        @Override
        public String claimType() {
            return CLAIMS + "spn";
        }

        @Override
        public String toString() {
            return render(this);
        }
    }

    /** An RSA public key (WCF's {@code RsaEndpointIdentity}), from .NET's {@code <RSAKeyValue>} XML. */
    record Rsa(BigInteger modulus, BigInteger exponent) implements IdentityClaim {
        static Rsa parse(String xml) {
            try {
                ParsedElement e = ParsedElement.parse(xml.trim());
                return new Rsa(unsigned(e, "Modulus"), unsigned(e, "Exponent"));
            } catch (XMLStreamException | IllegalArgumentException | NoSuchElementException e) {
                throw new IllegalArgumentException("<rsa value> is not an RSA public key as .NET writes it"
                        + " (<RSAKeyValue><Modulus>base64</Modulus><Exponent>base64</Exponent></RSAKeyValue>)", e);
            }
        }

        private static BigInteger unsigned(ParsedElement e, String name) {
            Optional<ParsedElement> child = e.children().stream().filter(c -> c.name().getLocalPart().equals(name))
                    .findFirst();
            return new BigInteger(1, Base64.getMimeDecoder().decode(child.orElseThrow().text()));
        }

        @Override
        public String claimType() {
            return CLAIMS + "rsa";
        }

        @Override
        public String toString() {
            return render(this);
        }
    }

    /**
     * A certificate (WCF's {@code X509CertificateEndpointIdentity}): the first is the service's, whose thumbprint is the
     * claim; the others are its chain.
     */
    record Thumbprint(List<X509Certificate> certificates) implements IdentityClaim {
        public Thumbprint {
            certificates = List.copyOf(certificates);
        }

        public X509Certificate primary() {
            return certificates.get(0);
        }

        @Override
        public String claimType() {
            return CLAIMS + "thumbprint";
        }

        @Override
        public String toString() {
            return render(this);
        }
    }

    /** WCF's {@code EndpointIdentity.ToString()}: {@code identity(<right>: <claim type>)}. */
    private static String render(IdentityClaim claim) {
        return "identity(" + POSSESS_PROPERTY + ": " + claim.claimType() + ")";
    }
}
