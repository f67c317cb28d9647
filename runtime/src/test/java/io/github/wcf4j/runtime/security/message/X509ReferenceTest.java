package io.github.wcf4j.runtime.security.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.runtime.security.CertificateFind;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * How the asymmetric binding names certificates that do not travel: WS-Security 1.0's {@code Any} (the subject key
 * identifier, else issuer and serial) and 1.1's thumbprint, written as WCF writes them and matched as WCF's resolvers
 * match them.
 */
class X509ReferenceTest {
    @TempDir
    static Path dir;
    static X509Credential one;
    static X509Credential other;

    @BeforeAll
    static void keys() throws Exception {
        one = TestKeys.client(dir, "one");
        other = TestKeys.client(dir, "other");
    }

    private static TokenReference roundTrip(TokenReference ref) {
        Document doc = DomXml.newDocument();
        Element str = ref.write(doc, null);
        doc.appendChild(str);
        // in a message the o: prefix is declared on the security header
        Element wrapper = DomXml.parse("<w xmlns:o=\"" + WsSecurityNames.WSSE + "\">" + DomXml.write(str) + "</w>");
        return TokenReference.read(DomXml.children(wrapper).get(0));
    }

    @Test
    void anyIsTheSubjectKeyIdentifierWhenTheCertificateHasOne() {
        TokenReference ref = X509Reference.ANY.to(one.certificate(), true);
        TokenReference.KeyIdentifier ki = assertInstanceOf(TokenReference.KeyIdentifier.class, ref);
        assertEquals(X509Reference.SUBJECT_KEY_IDENTIFIER, ki.valueType());
        assertEquals(Base64.getEncoder().encodeToString(CertificateFind.subjectKeyIdentifier(one.certificate())),
                ki.value());
        assertTrue(X509Reference.names(roundTrip(ref), one.certificate()));
        assertFalse(X509Reference.names(roundTrip(ref), other.certificate()));
    }

    @Test
    void issuerAndSerialTravelAsXmlSignaturesX509DataAndMatchOnlyTheirCertificate() {
        TokenReference.IssuerSerial ref = new TokenReference.IssuerSerial(
                one.certificate().getIssuerX500Principal().getName(), one.certificate().getSerialNumber());
        Document doc = DomXml.newDocument();
        String xml = DomXml.write(ref.write(doc, null));
        assertTrue(xml.contains("<X509Data xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><X509IssuerSerial>"
                + "<X509IssuerName>CN=one</X509IssuerName><X509SerialNumber>"
                + one.certificate().getSerialNumber() + "</X509SerialNumber>"), xml);
        TokenReference read = roundTrip(ref);
        assertEquals(ref, read);
        assertTrue(X509Reference.names(read, one.certificate()));
        assertFalse(X509Reference.names(read, other.certificate()));
        assertFalse(X509Reference.names(new TokenReference.IssuerSerial("CN=one",
                one.certificate().getSerialNumber().add(BigInteger.ONE)), one.certificate()));
        // .NET writes the issuer as X500DistinguishedName.Name does ("CN=one, O=x"): the same principal
        assertTrue(X509Reference.names(new TokenReference.IssuerSerial("CN=one",
                one.certificate().getSerialNumber()), one.certificate()));
    }

    @Test
    void thumbprintUnderWsSecurity11() {
        TokenReference ref = X509Reference.THUMBPRINT.to(one.certificate(), false);
        assertEquals(new TokenReference.KeyIdentifier(WsSecurityNames.THUMBPRINT_SHA1,
                Base64.getEncoder().encodeToString(CertificateFind.thumbprint(one.certificate())), false), ref);
        assertTrue(X509Reference.names(roundTrip(ref), one.certificate()));
        assertFalse(X509Reference.names(roundTrip(ref), other.certificate()));
    }
}
