package io.github.wcf4j.config;

import static io.github.wcf4j.config.ConfigFixture.assertNoErrors;
import static io.github.wcf4j.config.ConfigFixture.assertOneError;
import static io.github.wcf4j.config.ConfigFixture.serviceModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.address.EndpointIdentity;
import io.github.wcf4j.binding.address.StoreLocation;
import io.github.wcf4j.binding.address.StoreName;
import io.github.wcf4j.binding.address.X509FindType;
import io.github.wcf4j.binding.credentials.AudienceUriMode;
import io.github.wcf4j.binding.credentials.ClientCertificateAuthentication;
import io.github.wcf4j.binding.credentials.ClientCredentials;
import io.github.wcf4j.binding.credentials.IssuedTokenClientCredential;
import io.github.wcf4j.binding.credentials.IssuedTokenServiceCredential;
import io.github.wcf4j.binding.credentials.IssuerChannelBehavior;
import io.github.wcf4j.binding.credentials.PeerCredential;
import io.github.wcf4j.binding.credentials.ScopedCertificate;
import io.github.wcf4j.binding.credentials.ServiceCertificateCredential;
import io.github.wcf4j.binding.credentials.ServiceCredentials;
import io.github.wcf4j.binding.credentials.TokenImpersonationLevel;
import io.github.wcf4j.binding.credentials.UserNameAuthentication;
import io.github.wcf4j.binding.credentials.UserNamePasswordValidationMode;
import io.github.wcf4j.binding.credentials.WindowsClientCredential;
import io.github.wcf4j.binding.credentials.WindowsServiceCredential;
import io.github.wcf4j.binding.credentials.X509CertificateReference;
import io.github.wcf4j.binding.credentials.X509CertificateValidation;
import io.github.wcf4j.binding.credentials.X509CertificateValidationMode;
import io.github.wcf4j.binding.credentials.X509RevocationMode;
import io.github.wcf4j.binding.security.SecurityKeyEntropyMode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code <serviceCredentials>} and {@code <clientCredentials>}, read as WCF's {@code ServiceCredentialsElement} and
 * {@code ClientCredentialsElement} apply them: every element, the defaults of each side, and WCF's texts for bad values
 * at the element's line.
 */
class CredentialsConfigTest {

    /** A service behavior whose {@code <serviceCredentials>} holds {@code content}; the content starts on line 5. */
    private static ConfigReadResult service(String attributes, String content) {
        return serviceModel("<behaviors><serviceBehaviors><behavior name=\"b\">\n<serviceCredentials" + attributes
                + ">\n" + content + "\n</serviceCredentials>\n</behavior></serviceBehaviors></behaviors>");
    }

    /** An endpoint behavior whose {@code <clientCredentials>} holds {@code content}; the content starts on line 5. */
    private static ConfigReadResult client(String attributes, String content) {
        return serviceModel("<behaviors><endpointBehaviors><behavior name=\"e\">\n<clientCredentials" + attributes
                + ">\n" + content + "\n</clientCredentials>\n</behavior></endpointBehaviors></behaviors>");
    }

    private static ServiceCredentials serviceCredentials(ConfigReadResult r) {
        return r.configuration().orElseThrow().serviceBehaviors().get(0).credentials().orElseThrow();
    }

    private static ClientCredentials clientCredentials(ConfigReadResult r) {
        return r.configuration().orElseThrow().endpointBehaviors().get(0).credentials().orElseThrow();
    }

    // ---------------------------------------------------------------- service side

    @Test
    void anEmptyServiceCredentialsElementHoldsWcfsServiceDefaults() {
        ConfigReadResult r = service("", "");
        assertNoErrors(r);
        assertEquals(ServiceCredentials.defaults(), serviceCredentials(r));
        assertTrue(r.diagnostics().isEmpty(), () -> "credentials are read, not reported: " + r.diagnostics());
    }

    @Test
    void serviceCredentialsLeaveTheUnsupportedList() {
        ConfigReadResult r = service("", "<serviceCertificate findValue=\"localhost\"/>");
        assertNoErrors(r);
        assertEquals(List.of(), r.configuration().orElseThrow().serviceBehaviors().get(0).unsupported());
    }

    @Test
    void aCertificateIsSetOnlyWhenOneOfItsAttributesIsWritten() {
        ServiceCredentials empty = serviceCredentials(service("", "<serviceCertificate/>"));
        assertEquals(Optional.empty(), empty.serviceCertificate());
        ServiceCredentials named = serviceCredentials(service("", "<serviceCertificate findValue=\"CN=svc\"/>"));
        assertEquals(Optional.of(new X509CertificateReference(StoreLocation.LocalMachine, StoreName.My,
                X509FindType.FindBySubjectDistinguishedName, "CN=svc")), named.serviceCertificate());
    }

    @Test
    void everyServiceCredentialIsRead() {
        ConfigReadResult r = service(" type=\"My.Credentials, My\" useIdentityConfiguration=\"true\""
                + " identityConfiguration=\"idc\"",
                "<serviceCertificate findValue=\"localhost\" storeLocation=\"CurrentUser\" storeName=\"TrustedPeople\""
                + " x509FindType=\"FindBySubjectName\"/>\n"
                + "<clientCertificate>\n"
                + "<certificate findValue=\"ab cd\" x509FindType=\"FindByThumbprint\"/>\n"
                + "<authentication certificateValidationMode=\"PeerOrChainTrust\" revocationMode=\"NoCheck\""
                + " trustedStoreLocation=\"CurrentUser\" customCertificateValidatorType=\"V, A\""
                + " mapClientCertificateToWindowsAccount=\"true\" includeWindowsGroups=\"false\"/>\n"
                + "</clientCertificate>\n"
                + "<userNameAuthentication userNamePasswordValidationMode=\"Custom\""
                + " customUserNamePasswordValidatorType=\"Ns.Validator, Asm\" membershipProviderName=\"p\""
                + " includeWindowsGroups=\"false\" cacheLogonTokens=\"true\" maxCachedLogonTokens=\"7\""
                + " cachedLogonTokenLifetime=\"00:01:00\"/>\n"
                + "<windowsAuthentication allowAnonymousLogons=\"true\" includeWindowsGroups=\"false\"/>\n"
                + "<issuedTokenAuthentication audienceUriMode=\"Never\" certificateValidationMode=\"None\""
                + " revocationMode=\"Offline\" trustedStoreLocation=\"CurrentUser\" samlSerializerType=\"S, A\""
                + " allowUntrustedRsaIssuers=\"true\" customCertificateValidatorType=\"C, A\">\n"
                + "<allowedAudienceUris><add allowedAudienceUri=\"http://a/\"/><add allowedAudienceUri=\"http://b/\"/>"
                + "</allowedAudienceUris>\n"
                + "<knownCertificates><add storeName=\"TrustedPeople\" x509FindType=\"FindBySubjectName\""
                + " findValue=\"sts\"/></knownCertificates>\n"
                + "</issuedTokenAuthentication>\n"
                + "<secureConversationAuthentication securityStateEncoderType=\"E, A\"/>\n"
                + "<peer><certificate findValue=\"peer\"/><peerAuthentication certificateValidationMode=\"ChainTrust\"/>"
                + "<messageSenderAuthentication revocationMode=\"NoCheck\"/></peer>");
        assertNoErrors(r);
        ServiceCredentials c = serviceCredentials(r);
        assertEquals("My.Credentials, My", c.type());
        assertTrue(c.useIdentityConfiguration());
        assertEquals("idc", c.identityConfiguration());
        assertEquals(Optional.of(new X509CertificateReference(StoreLocation.CurrentUser, StoreName.TrustedPeople,
                X509FindType.FindBySubjectName, "localhost")), c.serviceCertificate());
        assertEquals(Optional.of(new X509CertificateReference(StoreLocation.LocalMachine, StoreName.My,
                X509FindType.FindByThumbprint, "ab cd")), c.clientCertificate().certificate());
        assertEquals(new ClientCertificateAuthentication(new X509CertificateValidation(
                X509CertificateValidationMode.PeerOrChainTrust, X509RevocationMode.NoCheck, StoreLocation.CurrentUser,
                "V, A"), true, false), c.clientCertificate().authentication());
        assertEquals(new UserNameAuthentication(UserNamePasswordValidationMode.Custom, "Ns.Validator, Asm", "p", false,
                true, 7, Duration.ofMinutes(1)), c.userNameAuthentication());
        assertEquals(new WindowsServiceCredential(true, false), c.windowsAuthentication());
        assertEquals(new IssuedTokenServiceCredential(List.of("http://a/", "http://b/"), AudienceUriMode.Never,
                new X509CertificateValidation(X509CertificateValidationMode.None, X509RevocationMode.Offline,
                        StoreLocation.CurrentUser, "C, A"), "S, A",
                List.of(new X509CertificateReference(StoreLocation.LocalMachine, StoreName.TrustedPeople,
                        X509FindType.FindBySubjectName, "sts")), true), c.issuedTokenAuthentication());
        assertEquals("E, A", c.secureConversationAuthentication().securityStateEncoderType());
        assertEquals(new PeerCredential(Optional.of(X509CertificateReference.defaults(StoreLocation.CurrentUser)
                .withFindValue("peer")), new X509CertificateValidation(X509CertificateValidationMode.ChainTrust,
                X509RevocationMode.Online, StoreLocation.CurrentUser, ""), new X509CertificateValidation(
                X509CertificateValidationMode.PeerOrChainTrust, X509RevocationMode.NoCheck,
                StoreLocation.CurrentUser, "")), c.peer());
    }

    @Test
    void theServiceValidatesClientCertificatesAgainstTheMachineStoresByDefault() {
        ServiceCredentials c = serviceCredentials(service("", "<clientCertificate><authentication/></clientCertificate>"));
        assertEquals(X509CertificateValidation.forClientCertificates(), c.clientCertificate().authentication()
                .validation());
        assertEquals(StoreLocation.LocalMachine, c.clientCertificate().authentication().validation()
                .trustedStoreLocation());
    }

    @Test
    void knownCertificatesHonourRemoveAndClear() {
        ServiceCredentials c = serviceCredentials(service("", "<issuedTokenAuthentication><knownCertificates>"
                + "<add findValue=\"a\"/><add findValue=\"b\"/><add findValue=\"b\"/><remove findValue=\"a\"/>"
                + "</knownCertificates></issuedTokenAuthentication>"));
        assertEquals(List.of(X509CertificateReference.defaults(StoreLocation.LocalMachine).withFindValue("b")),
                c.issuedTokenAuthentication().knownCertificates());
        ServiceCredentials cleared = serviceCredentials(service("", "<issuedTokenAuthentication><knownCertificates>"
                + "<add findValue=\"a\"/><clear/></knownCertificates></issuedTokenAuthentication>"));
        assertEquals(List.of(), cleared.issuedTokenAuthentication().knownCertificates());
    }

    // ---------------------------------------------------------------- client side

    @Test
    void anEmptyClientCredentialsElementHoldsWcfsClientDefaults() {
        ConfigReadResult r = client("", "");
        assertNoErrors(r);
        assertEquals(ClientCredentials.defaults(), clientCredentials(r));
        assertEquals(List.of(), r.configuration().orElseThrow().endpointBehaviors().get(0).unsupported());
        assertTrue(r.diagnostics().isEmpty(), () -> "credentials are read, not reported: " + r.diagnostics());
    }

    @Test
    void aClientsCertificatesDefaultToTheUsersStores() {
        ClientCredentials c = clientCredentials(client("", "<clientCertificate findValue=\"CN=me\"/>\n"
                + "<serviceCertificate><defaultCertificate findValue=\"CN=svc\"/><authentication/></serviceCertificate>"));
        assertEquals(StoreLocation.CurrentUser, c.clientCertificate().orElseThrow().storeLocation());
        assertEquals(StoreLocation.CurrentUser, c.serviceCertificate().defaultCertificate().orElseThrow()
                .storeLocation());
        assertEquals(StoreLocation.CurrentUser, c.serviceCertificate().authentication().trustedStoreLocation());
        assertEquals(Optional.empty(), c.serviceCertificate().sslCertificateAuthentication());
    }

    @Test
    void everyClientCredentialIsRead() {
        ConfigReadResult r = client(" type=\"My.Client, My\" useIdentityConfiguration=\"true\""
                + " supportInteractive=\"false\"",
                "<clientCertificate findValue=\"me\" storeLocation=\"LocalMachine\" storeName=\"Root\""
                + " x509FindType=\"FindBySerialNumber\"/>\n"
                + "<serviceCertificate>\n"
                + "<defaultCertificate storeName=\"TrustedPeople\" findValue=\"CN=localhost\"/>\n"
                + "<scopedCertificates><add targetUri=\"http://a/s\" findValue=\"a\"/>"
                + "<add targetUri=\"http://b/s\" findValue=\"b\" storeLocation=\"LocalMachine\"/>"
                + "<add targetUri=\"http://c/s\"/><remove targetUri=\"http://c/s\"/></scopedCertificates>\n"
                + "<authentication certificateValidationMode=\"PeerTrust\" revocationMode=\"Offline\"/>\n"
                + "<sslCertificateAuthentication certificateValidationMode=\"None\"/>\n"
                + "</serviceCertificate>\n"
                + "<windows allowedImpersonationLevel=\"Delegation\" allowNtlm=\"false\"/>\n"
                + "<httpDigest impersonationLevel=\"Impersonation\"/>\n"
                + "<issuedToken localIssuerChannelBehaviors=\"lb\" cacheIssuedTokens=\"false\""
                + " maxIssuedTokenCachingTime=\"01:00:00\" defaultKeyEntropyMode=\"ServerEntropy\""
                + " issuedTokenRenewalThresholdPercentage=\"90\">\n"
                + "<localIssuer address=\"http://sts/\" binding=\"wsHttpBinding\" bindingConfiguration=\"sts\">"
                + "<identity><dns value=\"sts\"/></identity></localIssuer>\n"
                + "<issuerChannelBehaviors><add issuerAddress=\"http://x/\" behaviorConfiguration=\"xb\"/>"
                + "</issuerChannelBehaviors>\n"
                + "</issuedToken>\n"
                + "<peer><certificate storeName=\"Root\"/></peer>");
        assertNoErrors(r);
        ClientCredentials c = clientCredentials(r);
        assertEquals("My.Client, My", c.type());
        assertTrue(c.useIdentityConfiguration());
        assertEquals(false, c.supportInteractive());
        assertEquals(Optional.of(new X509CertificateReference(StoreLocation.LocalMachine, StoreName.Root,
                X509FindType.FindBySerialNumber, "me")), c.clientCertificate());
        X509CertificateReference user = X509CertificateReference.defaults(StoreLocation.CurrentUser);
        assertEquals(new ServiceCertificateCredential(
                Optional.of(new X509CertificateReference(StoreLocation.CurrentUser, StoreName.TrustedPeople,
                        X509FindType.FindBySubjectDistinguishedName, "CN=localhost")),
                List.of(new ScopedCertificate(URI.create("http://a/s"), user.withFindValue("a")),
                        new ScopedCertificate(URI.create("http://b/s"), new X509CertificateReference(
                                StoreLocation.LocalMachine, StoreName.My, X509FindType.FindBySubjectDistinguishedName,
                                "b"))),
                new X509CertificateValidation(X509CertificateValidationMode.PeerTrust, X509RevocationMode.Offline,
                        StoreLocation.CurrentUser, ""),
                Optional.of(new X509CertificateValidation(X509CertificateValidationMode.None, X509RevocationMode.Online,
                        StoreLocation.CurrentUser, ""))), c.serviceCertificate());
        assertEquals(new WindowsClientCredential(TokenImpersonationLevel.Delegation, false), c.windows());
        assertEquals(TokenImpersonationLevel.Impersonation, c.httpDigest().impersonationLevel());
        IssuedTokenClientCredential issued = c.issuedToken();
        assertEquals("lb", issued.localIssuerChannelBehaviors());
        assertEquals(false, issued.cacheIssuedTokens());
        assertEquals(Duration.ofHours(1), issued.maxIssuedTokenCachingTime());
        assertEquals(SecurityKeyEntropyMode.ServerEntropy, issued.defaultKeyEntropyMode());
        assertEquals(90, issued.issuedTokenRenewalThresholdPercentage());
        assertEquals(Optional.of(URI.create("http://sts/")), issued.localIssuer().orElseThrow().address());
        assertEquals("wsHttpBinding", issued.localIssuer().orElseThrow().binding());
        assertEquals("sts", issued.localIssuer().orElseThrow().bindingConfiguration());
        assertEquals(Optional.of(new EndpointIdentity.Dns("sts")), issued.localIssuer().orElseThrow().identity());
        assertEquals(List.of(new IssuerChannelBehavior("http://x/", "xb")), issued.issuerChannelBehaviors());
        assertEquals(Optional.of(new X509CertificateReference(StoreLocation.CurrentUser, StoreName.Root,
                X509FindType.FindBySubjectDistinguishedName, "")), c.peer().certificate());
    }

    @Test
    void clientCredentialsInAServiceBehaviorAreRefusedWithWcfsText() {
        assertOneError(serviceModel("<behaviors><serviceBehaviors><behavior name=\"s\">\n<clientCredentials/>\n"
                        + "</behavior></serviceBehaviors></behaviors>"),
                "Cannot add the behavior extension 'clientCredentials' to the service behavior named 's' because the"
                        + " underlying behavior type does not implement the IServiceBehavior interface.", 4);
    }

    // ---------------------------------------------------------------- WCF's texts for bad values

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "<clientCertificate><authentication certificateValidationMode=\"Chain\"/></clientCertificate>|"
                + "The value of the property 'certificateValidationMode' cannot be parsed. The error is: The"
                + " enumeration value must be one of the following: None, PeerTrust, ChainTrust, PeerOrChainTrust,"
                + " Custom.",
        "<clientCertificate><authentication revocationMode=\"online\"/></clientCertificate>|The value of the property"
                + " 'revocationMode' cannot be parsed. The error is: The enumeration value must be one of the"
                + " following: NoCheck, Online, Offline.",
        "<serviceCertificate storeLocation=\"Machine\"/>|The value of the property 'storeLocation' cannot be parsed."
                + " The error is: The enumeration value must be one of the following: CurrentUser, LocalMachine.",
        "<userNameAuthentication userNamePasswordValidationMode=\"Jaas\"/>|The value of the property"
                + " 'userNamePasswordValidationMode' cannot be parsed. The error is: The enumeration value must be one"
                + " of the following: Windows, MembershipProvider, Custom.",
        "<userNameAuthentication maxCachedLogonTokens=\"0\"/>|The value for the property 'maxCachedLogonTokens' is not"
                + " valid. The error is: The value must be inside the range 1-2147483647.",
        "<userNameAuthentication cachedLogonTokenLifetime=\"00:00:00\"/>|The value for the property"
                + " 'cachedLogonTokenLifetime' is not valid. The error is: The value must be inside the range"
                + " 00:00:00.0000001-24.20:31:23.6470000.",
        "<userNameAuthentication cacheLogonTokens=\"yes\"/>|The value of the property 'cacheLogonTokens' cannot be"
                + " parsed. The error is: yes is not a valid value for Boolean.",
        "<issuedTokenAuthentication audienceUriMode=\"Sometimes\"/>|The value of the property 'audienceUriMode' cannot"
                + " be parsed. The error is: The enumeration value must be one of the following: Never, Always,"
                + " BearerKeyOnly.",
        "<issuedTokenAuthentication><allowedAudienceUris><add/></allowedAudienceUris></issuedTokenAuthentication>|"
                + "The value for the property 'allowedAudienceUri' is not valid. The error is: The string must be at"
                + " least 1 characters long.",
        "<issuedTokenAuthentication><allowedAudienceUris><clear/></allowedAudienceUris></issuedTokenAuthentication>|"
                + "Unrecognized element 'clear'.",
        "<serviceCertificate findvalue=\"x\"/>|Unrecognized attribute 'findvalue'. Note that attribute names are"
                + " case-sensitive.",
        "<clientCertificate><certificates/></clientCertificate>|Unrecognized element 'certificates'.",
        "<serviceCertificate/><serviceCertificate/>|The element <serviceCertificate> may only appear once in this"
                + " section.",
        "<windowsAuthentication allowAnonymousLogons=\"1\"/>|The value of the property 'allowAnonymousLogons' cannot be"
                + " parsed. The error is: 1 is not a valid value for Boolean.",
    })
    void aBadServiceCredentialValueIsWcfsErrorAtItsElement(String content, String message) {
        Diagnostic d = assertOneError(service("", content), message, 5);
        assertEquals("test.config", d.location().source());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "<windows allowedImpersonationLevel=\"Full\"/>|The value of the property 'allowedImpersonationLevel' cannot be"
                + " parsed. The error is: The enumeration value must be one of the following: None, Anonymous,"
                + " Identification, Impersonation, Delegation.",
        "<httpDigest impersonationLevel=\" Identification\"/>|The value of the property 'impersonationLevel' cannot be"
                + " parsed. The error is: The enumeration value must be one of the following: None, Anonymous,"
                + " Identification, Impersonation, Delegation.",
        "<issuedToken issuedTokenRenewalThresholdPercentage=\"101\"/>|The value for the property"
                + " 'issuedTokenRenewalThresholdPercentage' is not valid. The error is: The value must be inside the"
                + " range 0-100.",
        "<issuedToken defaultKeyEntropyMode=\"Mixed\"/>|The value of the property 'defaultKeyEntropyMode' cannot be"
                + " parsed. The error is: The enumeration value must be one of the following: ClientEntropy,"
                + " ServerEntropy, CombinedEntropy.",
        "<issuedToken><issuerChannelBehaviors><add behaviorConfiguration=\"b\"/></issuerChannelBehaviors>"
                + "</issuedToken>|Required attribute 'issuerAddress' not found.",
        "<serviceCertificate><scopedCertificates><add findValue=\"x\"/></scopedCertificates></serviceCertificate>|"
                + "Required attribute 'targetUri' not found.",
        "<serviceCertificate><scopedCertificates><add targetUri=\"http://a/\" findValue=\"x\"/>"
                + "<add targetUri=\"http://a/\" findValue=\"y\"/></scopedCertificates></serviceCertificate>|"
                + "The entry 'http://a/' has already been added.",
        "<serviceCertificate><sslCertificateAuthentication trustedStoreLocation=\"Here\"/></serviceCertificate>|"
                + "The value of the property 'trustedStoreLocation' cannot be parsed. The error is: The enumeration"
                + " value must be one of the following: CurrentUser, LocalMachine.",
        "<clientCertificate x509FindType=\"FindByName\"/>|The value of the property 'x509FindType' cannot be parsed."
                + " The error is: The enumeration value must be one of the following: FindByThumbprint,"
                + " FindBySubjectName, FindBySubjectDistinguishedName, FindByIssuerName, FindByIssuerDistinguishedName,"
                + " FindBySerialNumber, FindByTimeValid, FindByTimeNotYetValid, FindByTimeExpired, FindByTemplateName,"
                + " FindByApplicationPolicy, FindByCertificatePolicy, FindByExtension, FindByKeyUsage,"
                + " FindBySubjectKeyIdentifier.",
        "<peer><peerAuthentication certificateValidationMode=\"Peer\"/></peer>|The value of the property"
                + " 'certificateValidationMode' cannot be parsed. The error is: The enumeration value must be one of"
                + " the following: None, PeerTrust, ChainTrust, PeerOrChainTrust, Custom.",
    })
    void aBadClientCredentialValueIsWcfsErrorAtItsElement(String content, String message) {
        assertOneError(client("", content), message, 5);
    }

    @Test
    void anIdenticalScopedCertificateGivenTwiceIsAcceptedAsSystemConfigurationAcceptsIt() {
        ConfigReadResult r = client("", "<serviceCertificate><scopedCertificates>"
                + "<add targetUri=\"http://a/\" findValue=\"x\"/><add targetUri=\"http://a/\" findValue=\"x\"/>"
                + "</scopedCertificates></serviceCertificate>");
        assertNoErrors(r);
        assertEquals(1, clientCredentials(r).serviceCertificate().scopedCertificates().size());
    }

    @Test
    void aBadValueIsReportedAtItsOwnElementsLineAndColumn() {
        ConfigReadResult r = service("", "<clientCertificate>\n  <authentication revocationMode=\"Never\"/>\n"
                + "</clientCertificate>");
        Diagnostic d = assertOneError(r, "The value of the property 'revocationMode' cannot be parsed. The error is:"
                + " The enumeration value must be one of the following: NoCheck, Online, Offline.", 6);
        assertEquals(3, d.location().column());
    }

    @Test
    void aBadValueKeepsWcfsDefaultSoTheRestIsStillRead() {
        ConfigReadResult r = service("", "<userNameAuthentication userNamePasswordValidationMode=\"Jaas\""
                + " customUserNamePasswordValidatorType=\"V, A\"/>");
        UserNameAuthentication u = serviceCredentials(r).userNameAuthentication();
        assertEquals(UserNamePasswordValidationMode.Windows, u.userNamePasswordValidationMode());
        assertEquals("V, A", u.customUserNamePasswordValidatorType());
    }

    // ---------------------------------------------------------------- the corpus

    @Test
    void everyCredentialsElementOfTheCorpusIsReadWithoutADiagnostic() throws IOException {
        Pattern element = Pattern.compile("<(serviceCredentials|clientCredentials)[\\s>/]");
        int elements = 0;
        int read = 0;
        int files = 0;
        try (Stream<Path> all = Files.list(ConfigFixture.corpus())) {
            for (Path file : all.filter(f -> !f.getFileName().toString().endsWith(".md")
                    && !f.getFileName().toString().endsWith(".tsv")).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8).replaceAll("(?s)<!--.*?-->", "");
                Matcher m = element.matcher(text);
                int here = 0;
                while (m.find()) {
                    here++;
                }
                if (here == 0) {
                    continue;
                }
                files++;
                elements += here;
                ConfigReadResult r = ConfigFixture.READER.read(file);
                assertNoErrors(r);
                assertTrue(r.diagnostics().stream().noneMatch(d -> d.message().contains("Credentials")),
                        () -> file + ": " + r.diagnostics());
                read += (int) r.configuration().orElseThrow().serviceBehaviors().stream()
                        .filter(b -> b.credentials().isPresent()).count();
                read += (int) r.configuration().orElseThrow().endpointBehaviors().stream()
                        .filter(b -> b.credentials().isPresent()).count();
            }
        }
        assertEquals(11, files, "corpus files with credentials");
        assertEquals(11, elements, "credentials elements in the corpus");
        assertEquals(elements, read, "every credentials element is in the model");
    }

    @Test
    void theCorpusFederationClientKnowsItsServiceCertificate() {
        ConfigReadResult r = ConfigFixture.READER.read(ConfigFixture.corpus().resolve(
                "sunmeixia2005__WCF_Samples__Basic__Binding__WS__WS2007FederationHttp__CS__Client__App.config"));
        ClientCredentials c = clientCredentials(r);
        assertEquals(false, c.supportInteractive());
        assertEquals(Optional.of(new X509CertificateReference(StoreLocation.CurrentUser, StoreName.TrustedPeople,
                X509FindType.FindBySubjectDistinguishedName, "CN=localhost")),
                c.serviceCertificate().defaultCertificate());
        assertEquals(X509CertificateValidationMode.PeerOrChainTrust,
                c.serviceCertificate().authentication().certificateValidationMode());
    }
}
