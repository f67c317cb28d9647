package io.github.wcf4j.config;

import static io.github.wcf4j.config.ConfigFixture.assertNoErrors;
import static io.github.wcf4j.config.ConfigFixture.assertOneError;
import static io.github.wcf4j.config.ConfigFixture.serviceModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.address.EndpointIdentity;
import io.github.wcf4j.binding.address.StoreLocation;
import io.github.wcf4j.binding.address.StoreName;
import io.github.wcf4j.binding.address.X509FindType;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code <identity>} on client and service endpoints, read as WCF's {@code ConfigLoader.LoadIdentity} reads it. */
class EndpointIdentityConfigTest {
    /** A DER certificate's worth of base64 is not needed: any base64 that decodes to bytes is accepted here. */
    private static final String SOME_BASE64 = "AwAAAAEAAAAUAAAA";

    /** A client endpoint whose {@code <identity>} holds {@code children}; the first child is on line 5. */
    private static ConfigReadResult client(String children) {
        return serviceModel("<client><endpoint address=\"http://localhost/s\" binding=\"basicHttpBinding\""
                + " contract=\"IS\">\n<identity>\n" + children + "\n</identity>\n</endpoint></client>");
    }

    private static Optional<EndpointIdentity> identityOf(ConfigReadResult r) {
        return r.configuration().orElseThrow().clientEndpoints().get(0).identity();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "<userPrincipalName value=\"svc@corp.example\"/>|svc@corp.example",
        "<servicePrincipalName value=\"host/server\"/>|host/server",
        "<dns value=\"localhost\"/>|localhost",
        "<rsa value=\"&lt;RSAKeyValue/&gt;\"/>|<RSAKeyValue/>",
    })
    void eachNamedIdentityKeepsItsValue(String element, String value) {
        ConfigReadResult r = client(element);
        assertNoErrors(r);
        EndpointIdentity expected;
        switch (element.substring(1, element.indexOf(' '))) {
            case "userPrincipalName": expected = new EndpointIdentity.UserPrincipalName(value); break;
            case "servicePrincipalName": expected = new EndpointIdentity.ServicePrincipalName(value); break;
            case "dns": expected = new EndpointIdentity.Dns(value); break;
            default: expected = new EndpointIdentity.Rsa(value);
        }
        assertEquals(expected, identityOf(r).orElseThrow());
    }

    @Test
    void certificateKeepsItsEncodedValue() {
        ConfigReadResult r = client("<certificate encodedValue=\"" + SOME_BASE64 + "\"/>");
        assertNoErrors(r);
        assertEquals(new EndpointIdentity.Certificate(SOME_BASE64), identityOf(r).orElseThrow());
    }

    @Test
    void certificateReferenceReadsEveryAttribute() {
        ConfigReadResult r = client("<certificateReference storeName=\"TrustedPeople\" storeLocation=\"CurrentUser\""
                + " x509FindType=\"FindByThumbprint\" findValue=\"ab12\" isChainIncluded=\"True\"/>");
        assertNoErrors(r);
        assertEquals(new EndpointIdentity.CertificateReference(StoreName.TrustedPeople, StoreLocation.CurrentUser,
                X509FindType.FindByThumbprint, "ab12", true), identityOf(r).orElseThrow());
    }

    @Test
    void certificateReferenceDefaultsAreWcfs() {
        ConfigReadResult r = client("<certificateReference/>");
        assertNoErrors(r);
        assertEquals(new EndpointIdentity.CertificateReference(StoreName.My, StoreLocation.LocalMachine,
                X509FindType.FindBySubjectDistinguishedName, "", false), identityOf(r).orElseThrow());
    }

    @Test
    void anEndpointWithoutIdentityHasNone() {
        ConfigReadResult r = serviceModel("<client><endpoint address=\"http://localhost/s\" binding=\"basicHttpBinding\""
                + " contract=\"IS\"/></client>");
        assertNoErrors(r);
        assertTrue(identityOf(r).isEmpty());
    }

    @Test
    void theFirstIdentityInWcfsOrderWinsAndTheOthersAreReported() {
        ConfigReadResult r = client("<dns value=\"d\"/>\n<userPrincipalName value=\"u\"/>");
        assertNoErrors(r);
        assertEquals(new EndpointIdentity.UserPrincipalName("u"), identityOf(r).orElseThrow());
        Diagnostic warning = r.diagnostics().get(0);
        assertEquals(Severity.WARNING, warning.severity());
        assertEquals(5, warning.location().line());
        assertEquals("<dns> is ignored: WCF uses only the first identity of userPrincipalName, servicePrincipalName,"
                + " dns, rsa, certificate, certificateReference, here <userPrincipalName>.", warning.message());
    }

    @Test
    void anInvalidCertificateNotChosenIsNotDecoded() {
        assertNoErrors(client("<userPrincipalName value=\"u\"/>\n<certificate encodedValue=\"Certificate\"/>"));
    }

    @ParameterizedTest(name = "{1}: ''{0}''")
    @CsvSource(delimiter = '|', value = {
        "Certificate|Format_BadBase64CharArrayLength",
        "AAA*|Format_BadBase64Char",
        "A===|Format_BadBase64Char",
        "' '|UnableToLoadCertificateIdentity",
    })
    void aCertificateIdentityMustBeBase64OfSomething(String encoded, WcfText expected) {
        Diagnostic d = assertOneError(client("<certificate encodedValue=\"" + encoded + "\"/>"), expected.format(), 5);
        assertEquals(expected, d.key().orElseThrow());
    }

    @Test
    void base64MayContainWhiteSpace() {
        assertNoErrors(client("<certificate encodedValue=\"AwAA AAEA&#10;AAAU AAAA\"/>"));
    }

    @Test
    void storeNamesAreExactDotNetNames() {
        assertOneError(client("<certificateReference storeName=\"my\"/>"), "The value of the property 'storeName'"
                + " cannot be parsed. The error is: The enumeration value must be one of the following: AddressBook,"
                + " AuthRoot, CertificateAuthority, Disallowed, My, Root, TrustedPeople, TrustedPublisher.", 5);
    }

    @Test
    void anIdentityKindMayAppearOnce() {
        assertOneError(client("<dns value=\"a\"/>\n<dns value=\"b\"/>"),
                "The element <dns> may only appear once in this section.", 6);
    }

    @Test
    void unknownIdentityKindIsUnrecognized() {
        assertOneError(client("<x509 value=\"a\"/>"), "Unrecognized element 'x509'.", 5);
    }

    @Test
    void serviceEndpointsCarryTheirIdentity() {
        ConfigReadResult r = serviceModel("<services><service name=\"S\"><endpoint address=\"http://localhost/s\""
                + " binding=\"basicHttpBinding\" contract=\"IS\"><identity><dns value=\"server\"/></identity>"
                + "</endpoint></service></services>");
        assertNoErrors(r);
        assertEquals(Optional.of(new EndpointIdentity.Dns("server")),
                r.configuration().orElseThrow().services().get(0).endpoints().get(0).identity());
    }
}
