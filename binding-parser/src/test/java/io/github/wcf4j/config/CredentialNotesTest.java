package io.github.wcf4j.config;

import static io.github.wcf4j.config.ConfigFixture.assertNoErrors;
import static io.github.wcf4j.config.ConfigFixture.serviceModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.stack.ContractCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Credentials never stop an endpoint; what they ask for that wcf4j cannot do is noted, as a warning at the credential,
 * only where the endpoint's binding would use it.
 */
class CredentialNotesTest {

    /** The notes on {@code body}, which reads without errors. */
    private static List<Diagnostic> validate(String body) {
        ConfigReadResult r = serviceModel(body);
        assertNoErrors(r);
        assertEquals(List.of(), ConfigValidator.validate(r, ContractCatalog.EMPTY).stream()
                .filter(d -> d.message().contains("wcf4j")).toList(), "notes are not WCF's checks");
        return CredentialNotes.of(r);
    }

    /** A service {@code S} with one endpoint over {@code binding} and the service behavior {@code b} (line 4). */
    private static String service(String binding, String bindingConfiguration, String behaviorContent) {
        return "<behaviors><serviceBehaviors><behavior name=\"b\">\n" + behaviorContent
                + "\n</behavior></serviceBehaviors></behaviors>\n"
                + "<services><service name=\"S\" behaviorConfiguration=\"b\">\n<endpoint address=\"http://localhost/s\""
                + " binding=\"" + binding + "\" bindingConfiguration=\"" + bindingConfiguration + "\" contract=\"IS\"/>"
                + "\n</service></services>";
    }

    private static final String USER_NAME_BINDING = "<bindings><wsHttpBinding><binding name=\"u\"><security"
            + " mode=\"Message\"><message clientCredentialType=\"UserName\"/></security></binding></wsHttpBinding>"
            + "</bindings>\n";

    @Test
    void aUserNameBindingWithWcfsDefaultWindowsValidationIsNotedAtTheEndpoint() {
        List<Diagnostic> notes = validate(USER_NAME_BINDING + service("wsHttpBinding", "u", ""));
        assertEquals(1, notes.size(), () -> "notes: " + notes);
        assertEquals(8, notes.get(0).location().line());
        assertEquals("userNamePasswordValidationMode=\"Windows\": a JVM can neither log a user on as a Windows account"
                + " nor ask an ASP.NET membership provider, so wcf4j cannot check this endpoint's user names as WCF"
                + " would; configure userNamePasswordValidationMode=\"Custom\" with a customUserNamePasswordValidatorType.",
                notes.get(0).message());
    }

    @Test
    void aMembershipProviderIsNotedAtItsElement() {
        List<Diagnostic> notes = validate(USER_NAME_BINDING + service("wsHttpBinding", "u",
                "<serviceCredentials>\n<userNameAuthentication userNamePasswordValidationMode=\"MembershipProvider\"/>"
                        + "\n</serviceCredentials>"));
        assertEquals(1, notes.size(), () -> "notes: " + notes);
        assertEquals(6, notes.get(0).location().line());
    }

    @Test
    void windowsGroupsAndIdentificationOnlyTicketsAreNotedWhereWrittenForAWindowsBinding() {
        List<Diagnostic> notes = validate(service("wsHttpBinding", "",
                "<serviceCredentials>\n<windowsAuthentication includeWindowsGroups=\"true\"/>\n</serviceCredentials>"));
        assertEquals(1, notes.size(), () -> "notes: " + notes);
        assertTrue(notes.get(0).message().startsWith("includeWindowsGroups=\"true\": the caller's Windows groups"
                + " travel in the Kerberos ticket's PAC"), notes.get(0).message());
        assertEquals(List.of(), validate(service("wsHttpBinding", "", "")), "WCF's defaults are not noted");
        assertEquals(List.of(), validate(service("basicHttpBinding", "",
                "<serviceCredentials><windowsAuthentication includeWindowsGroups=\"true\"/></serviceCredentials>")),
                "nor a binding without Windows authentication");
    }

    @Test
    void aCustomValidatorIsNotNoted() {
        assertEquals(List.of(), validate(USER_NAME_BINDING + service("wsHttpBinding", "u",
                "<serviceCredentials><userNameAuthentication userNamePasswordValidationMode=\"Custom\""
                        + " customUserNamePasswordValidatorType=\"V, A\"/></serviceCredentials>")));
    }

    @Test
    void credentialsOnABindingWithoutSecurityAreNeitherUsedNorNoted() {
        assertEquals(List.of(), validate(service("basicHttpBinding", "",
                "<serviceCredentials><userNameAuthentication userNamePasswordValidationMode=\"MembershipProvider\"/>"
                        + "<clientCertificate><authentication mapClientCertificateToWindowsAccount=\"true\"/>"
                        + "</clientCertificate></serviceCredentials>")));
    }

    @Test
    void mappingClientCertificatesToWindowsAccountsIsNotedForACertificateBinding() {
        List<Diagnostic> notes = validate("<bindings><wsHttpBinding><binding name=\"c\"><security mode=\"Message\">"
                + "<message clientCredentialType=\"Certificate\" negotiateServiceCredential=\"false\""
                + " establishSecurityContext=\"false\"/></security></binding></wsHttpBinding></bindings>\n"
                + service("wsHttpBinding", "c", "<serviceCredentials><clientCertificate>\n<authentication"
                        + " mapClientCertificateToWindowsAccount=\"true\"/>\n</clientCertificate></serviceCredentials>"));
        assertEquals(1, notes.size(), () -> "notes: " + notes);
        assertEquals(6, notes.get(0).location().line());
        assertEquals("mapClientCertificateToWindowsAccount=\"true\": a JVM has no Windows accounts to map client"
                + " certificates to; wcf4j cannot do this.", notes.get(0).message());
    }

    @Test
    void clientCertificateValidationOverHttpsIsNotedAtTheAuthenticationElement() {
        List<Diagnostic> notes = validate("<bindings><customBinding><binding name=\"t\"><textMessageEncoding/>"
                + "<httpsTransport requireClientCertificate=\"true\"/></binding></customBinding></bindings>\n"
                + service("customBinding", "t", "<serviceCredentials><clientCertificate>\n<authentication"
                        + " certificateValidationMode=\"PeerTrust\" revocationMode=\"NoCheck\"/>\n</clientCertificate>"
                        + "</serviceCredentials>"));
        assertEquals(1, notes.size(), () -> "notes: " + notes);
        assertEquals(6, notes.get(0).location().line());
        assertEquals("wcf4j's HTTPS transport checks client certificates against the trust store it is given"
                + " (TlsSettings), not with certificateValidationMode=\"PeerTrust\", revocationMode=\"NoCheck\","
                + " trustedStoreLocation=\"LocalMachine\".", notes.get(0).message());
    }

    @Test
    void aClientCertificateOverHttpsAndTlsValidationSettingsAreNotedOnTheClient() {
        List<Diagnostic> notes = validate("<bindings><customBinding><binding name=\"t\"><textMessageEncoding/>"
                + "<httpsTransport requireClientCertificate=\"true\"/></binding></customBinding></bindings>\n"
                + "<behaviors><endpointBehaviors><behavior name=\"e\"><clientCredentials>\n"
                + "<clientCertificate findValue=\"CN=me\"/>\n"
                + "<serviceCertificate><sslCertificateAuthentication certificateValidationMode=\"None\"/>"
                + "</serviceCertificate>\n"
                + "</clientCredentials></behavior></endpointBehaviors></behaviors>\n"
                + "<client><endpoint address=\"https://localhost/s\" binding=\"customBinding\" bindingConfiguration=\"t\""
                + " behaviorConfiguration=\"e\" contract=\"IS\"/></client>");
        assertEquals(List.of(5, 6), notes.stream().map(d -> d.location().line()).toList(), () -> "notes: " + notes);
        assertEquals("wcf4j's HTTPS client does not present client certificates yet, so this clientCertificate is not"
                + " sent and a service that requires one refuses the connection.", notes.get(0).message());
    }

    @Test
    void aDotNetCredentialsSubclassAndWifAreNotedWhereMessageSecurityWouldUseThem() {
        List<Diagnostic> notes = validate(USER_NAME_BINDING + service("wsHttpBinding", "u",
                "<serviceCredentials type=\"My.Credentials, My\" useIdentityConfiguration=\"true\">\n"
                        + "<userNameAuthentication userNamePasswordValidationMode=\"Custom\""
                        + " customUserNamePasswordValidatorType=\"V, A\"/></serviceCredentials>"));
        assertEquals(List.of("type=\"My.Credentials, My\": a .NET ServiceCredentials subclass cannot be loaded on the"
                + " JVM, so wcf4j cannot apply what it changes; the standard credentials apply.",
                "useIdentityConfiguration=\"true\": Windows Identity Foundation's identity configuration does not"
                        + " exist on the JVM; wcf4j cannot hand this endpoint's authentication to it."),
                notes.stream().map(Diagnostic::message).toList());
        assertEquals(List.of(), validate(service("basicHttpBinding", "",
                "<serviceCredentials type=\"My.Credentials, My\" useIdentityConfiguration=\"true\"/>")));
    }

    @Test
    void aClientCredentialsSubclassIsNotedOnAMessageSecurityClient() {
        List<Diagnostic> notes = validate(USER_NAME_BINDING
                + "<behaviors><endpointBehaviors><behavior name=\"e\">\n<clientCredentials type=\"C, A\"/>\n"
                + "</behavior></endpointBehaviors></behaviors>\n"
                + "<client><endpoint address=\"http://localhost/s\" binding=\"wsHttpBinding\" bindingConfiguration=\"u\""
                + " behaviorConfiguration=\"e\" contract=\"IS\"/></client>");
        assertEquals(1, notes.size(), () -> "notes: " + notes);
        assertEquals(5, notes.get(0).location().line());
        assertEquals("type=\"C, A\": a .NET ClientCredentials subclass cannot be loaded on the JVM, so wcf4j cannot"
                + " apply what it changes; the standard credentials apply.", notes.get(0).message());
    }
}
