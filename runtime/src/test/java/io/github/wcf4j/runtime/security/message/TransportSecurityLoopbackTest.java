package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.runtime.security.CertificateFind;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.BindingValidationException;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.MessageSecurityVersion;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.security.SecurityHeaderLayout;
import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.SystemScheduler;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.FaultAction;
import io.github.wcf4j.runtime.transport.inmemory.FaultRule;
import io.github.wcf4j.runtime.transport.inmemory.InMemoryNetwork;
import io.github.wcf4j.runtime.transport.inmemory.WireRecord;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * UserNameOverTransport and CertificateOverTransport end to end, client and service, over the in-memory transport
 * ({@code allowInsecureTransport="true"}, as the transport is not TLS; the HTTPS runs are in
 * {@link TransportSecurityHttpsTest}): what each side writes, what it accepts, and what it refuses, each with WCF's
 * fault and texts; a refused request never reaches the operation.
 */
class TransportSecurityLoopbackTest {
    private static final String SERVICE = "IdentityService";
    private static final String CONTRACT = Identity.class.getName();
    private static final URI BASE = URI.create("inmemory://localhost/secure");
    private static final UserNamePasswordValidator ALICE = (user, password) -> {
        if (!user.equals("alice") || !password.equals("secret")) {
            throw new SecurityTokenValidationException("Unknown user name or incorrect password");
        }
    };

    @TempDir
    static Path dir;
    static X509Credential client;
    static X509Credential stranger;

    private final SystemScheduler scheduler = new SystemScheduler();
    private final InMemoryNetwork network = new InMemoryNetwork(scheduler);
    private ServiceHost host;
    private ClientFactory<Identity> factory;

    @BeforeAll
    static void keys() throws Exception {
        client = TestKeys.client(dir, "client");
        stranger = TestKeys.client(dir, "stranger");
    }

    @AfterEach
    void close() {
        if (factory != null) {
            factory.abort();
        }
        if (host != null) {
            host.abort();
        }
        scheduler.close();
    }

    static SecurityBindingElement.Builder security(AuthenticationMode mode) {
        return SecurityBindingElement.builder().authenticationMode(mode).allowInsecureTransport(true);
    }

    static Binding binding(SecurityBindingElement security) {
        return CustomBinding.of("b", security, TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.requestReply());
    }

    private ServiceCredentials serviceCredentials() {
        return ServiceCredentials.defaults().withUserNameValidator(ALICE).withClientCertificateAuthentication(
                X509CertificateAuthentication.peerTrust(List.of(client.certificate())));
    }

    private void host(Binding binding, ServiceCredentials credentials) {
        host = ServiceHost.builder(new ServiceDescription(SERVICE, Optional.empty(), List.of(), List.of(
                new ServiceEndpoint("", "", "customBinding", "b", binding, CONTRACT, Optional.empty(), Optional.empty(),
                        Optional.empty(), List.of(), Optional.empty()))))
                .types(ServiceTypes.empty().map(SERVICE, IdentityService.class)).baseAddress(BASE)
                .parameter(Scheduler.class, scheduler).parameter(InMemoryNetwork.class, network)
                .credentials(credentials).build();
        host.open();
    }

    private Identity client(Binding binding, ClientCredentials credentials) {
        return client(binding, credentials, b -> b);
    }

    private Identity client(Binding binding, ClientCredentials credentials,
            UnaryOperator<ClientFactory.Builder<Identity>> more) {
        ClientFactory.Builder<Identity> b = ClientFactory.builder(new ClientEndpoint("", BASE, "customBinding", "b",
                binding, CONTRACT, Optional.empty(), Optional.empty(), List.of(), Optional.empty()), Identity.class)
                .parameter(Scheduler.class, scheduler).parameter(InMemoryNetwork.class, network)
                .credentials(credentials);
        factory = more.apply(b).build();
        return factory.createChannel();
    }

    private Identity both(SecurityBindingElement security, ClientCredentials credentials) {
        Binding b = binding(security);
        host(b, serviceCredentials());
        return client(b, credentials);
    }

    private String request() {
        return network.wire().stream().filter(r -> r.direction() == Direction.CLIENT_TO_SERVICE)
                .map(WireRecord::envelope).findFirst().orElseThrow();
    }

    private String reply() {
        return network.wire().stream().filter(r -> r.direction() == Direction.SERVICE_TO_CLIENT)
                .map(WireRecord::envelope).findFirst().orElseThrow();
    }

    private static String securityHeader(String envelope) {
        Matcher m = Pattern.compile("<o:Security .*</o:Security>", Pattern.DOTALL).matcher(envelope);
        assertTrue(m.find(), envelope);
        return m.group();
    }

    private static String masked(String xml) {
        return xml.replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z", "TIME")
                .replaceAll("uuid-[0-9a-f-]{36}-1", "uuid-ID-1")
                .replaceAll("<DigestValue>[^<]+</DigestValue>", "<DigestValue>D</DigestValue>")
                .replaceAll("<SignatureValue>[^<]+</SignatureValue>", "<SignatureValue>S</SignatureValue>")
                .replaceAll("(BinarySecurityToken [^>]+>)[^<]+<", "$1CERT<");
    }

    @Test
    void userNameOverTransportAuthenticatesTheCallerAndTheServiceSeesWho() {
        Identity id = both(security(AuthenticationMode.UserNameOverTransport).build(),
                ClientCredentials.userName("alice", "secret"));
        assertEquals("UserName:alice", id.whoAmI());
    }

    @Test
    void theRequestsSecurityHeaderIsWcfsTimestampThenUsernameToken() {
        Identity id = both(security(AuthenticationMode.UserNameOverTransport).build(),
                ClientCredentials.userName("alice", "secret"));
        id.add(1, 2);
        String request = request();
        assertTrue(request.startsWith("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\""
                + "http://www.w3.org/2005/08/addressing\" xmlns:u=\"" + WsSecurityNames.WSU + "\">"), request);
        assertEquals("<o:Security s:mustUnderstand=\"1\" xmlns:o=\"" + WsSecurityNames.WSSE + "\">"
                + "<u:Timestamp u:Id=\"_0\"><u:Created>TIME</u:Created><u:Expires>TIME</u:Expires></u:Timestamp>"
                + "<o:UsernameToken u:Id=\"uuid-ID-1\"><o:Username>alice</o:Username><o:Password Type=\""
                + WsSecurityNames.PASSWORD_TEXT + "\">secret</o:Password></o:UsernameToken></o:Security>",
                masked(securityHeader(request)));
        assertTrue(request.indexOf("</a:To>") < request.indexOf("<o:Security"), "after the addressing headers");
        assertEquals("<o:Security s:mustUnderstand=\"1\" xmlns:o=\"" + WsSecurityNames.WSSE + "\">"
                + "<u:Timestamp u:Id=\"_0\"><u:Created>TIME</u:Created><u:Expires>TIME</u:Expires></u:Timestamp>"
                + "</o:Security>", masked(securityHeader(reply())), "the reply carries the service's timestamp");
    }

    @Test
    void theTimestampLastsTimestampValidityDuration() {
        Identity id = both(security(AuthenticationMode.UserNameOverTransport).build(),
                ClientCredentials.userName("alice", "secret"));
        id.add(1, 2);
        Matcher m = Pattern.compile("<u:Created>([^<]+)</u:Created><u:Expires>([^<]+)</u:Expires>")
                .matcher(request());
        assertTrue(m.find());
        assertEquals(Duration.ofMinutes(5), Duration.between(Instant.parse(m.group(1)), Instant.parse(m.group(2))));
    }

    @ParameterizedTest
    @EnumSource(SecurityHeaderLayout.class)
    void everyLayoutRunsAndPlacesTheTimestamp(SecurityHeaderLayout layout) {
        Identity id = both(security(AuthenticationMode.CertificateOverTransport).securityHeaderLayout(layout).build(),
                ClientCredentials.certificate(client));
        assertTrue(id.whoAmI().startsWith("X509:CN=client; "));
        String header = securityHeader(request());
        if (layout == SecurityHeaderLayout.LaxTimestampLast) {
            assertTrue(header.endsWith("</u:Timestamp></o:Security>"), header);
        } else {
            assertTrue(header.contains("\"><u:Timestamp u:Id=\"_0\">"), header);
            assertTrue(header.indexOf("<u:Timestamp") < header.indexOf("<o:BinarySecurityToken"), header);
        }
    }

    @ParameterizedTest
    @EnumSource(MessageSecurityVersion.class)
    void everyMessageSecurityVersionRunsBothModes(MessageSecurityVersion version) {
        Identity id = both(security(AuthenticationMode.CertificateOverTransport).messageSecurityVersion(version)
                .build(), ClientCredentials.certificate(client));
        assertTrue(id.whoAmI().startsWith("X509:"));
        boolean bsp = version.name().endsWith("BasicSecurityProfile10");
        assertEquals(bsp, Pattern.compile("<o:Reference (URI=\"#[^\"]+\" )?ValueType=\""
                + Pattern.quote(WsSecurityNames.X509V3) + "\"").matcher(request()).find(),
                "the Basic Security Profile's ValueType on the token reference");
        factory.abort();
        host.abort();
        Identity user = both(security(AuthenticationMode.UserNameOverTransport).messageSecurityVersion(version)
                .build(), ClientCredentials.userName("alice", "secret"));
        assertEquals("UserName:alice", user.whoAmI());
    }

    /**
     * WCF's endorsing signature over a transport covers the timestamp and the {@code To} header
     * ({@code WSSecurityOneDotZeroSendSecurityHeader.ShouldSignToHeader}): {@code To} carries {@code u:Id="_1"}.
     */
    @Test
    void certificateOverTransportSendsTheTokenAndAnEndorsingSignatureOverTheTimestampAndTheToHeader() {
        Identity id = both(security(AuthenticationMode.CertificateOverTransport).build(),
                ClientCredentials.certificate(client));
        assertEquals("X509:CN=client; " + CertificateFind.thumbprintString(client.certificate()), id.whoAmI());
        assertTrue(request().contains("<a:To s:mustUnderstand=\"1\" u:Id=\"_1\">" + BASE + "</a:To>"), request());
        String header = masked(securityHeader(request()));
        Matcher token = Pattern.compile("<o:BinarySecurityToken EncodingType=\""
                + Pattern.quote(WsSecurityNames.BASE64_BINARY) + "\" ValueType=\""
                + Pattern.quote(WsSecurityNames.X509V3) + "\" u:Id=\"(uuid-ID-1)\">CERT</o:BinarySecurityToken>")
                .matcher(header);
        assertTrue(token.find(), header);
        String reference = "<Transforms><Transform Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>"
                + "</Transforms><DigestMethod Algorithm=\"http://www.w3.org/2000/09/xmldsig#sha1\"/>"
                + "<DigestValue>D</DigestValue></Reference>";
        assertEquals("<o:Security xmlns:o=\"" + WsSecurityNames.WSSE + "\" s:mustUnderstand=\"1\">"
                + "<u:Timestamp u:Id=\"_0\"><u:Created>TIME</u:Created><u:Expires>TIME</u:Expires></u:Timestamp>"
                + token.group()
                + "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><SignedInfo>"
                + "<CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"/>"
                + "<SignatureMethod Algorithm=\"http://www.w3.org/2000/09/xmldsig#rsa-sha1\"/>"
                + "<Reference URI=\"#_0\">" + reference + "<Reference URI=\"#_1\">" + reference
                + "</SignedInfo><SignatureValue>S</SignatureValue>"
                + "<KeyInfo><o:SecurityTokenReference><o:Reference URI=\"#uuid-ID-1\"/></o:SecurityTokenReference>"
                + "</KeyInfo></Signature></o:Security>", header);
    }

    @Test
    void aRedirectedToHeaderIsRefusedAndNothingIsServed() {
        Binding b = binding(security(AuthenticationMode.CertificateOverTransport).build());
        host(b, serviceCredentials());
        Identity id = client(b, ClientCredentials.certificate(client));
        network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).containing("u:Id=\"_1\">").then(
                FaultAction.rewrite(s -> s.replace("u:Id=\"_1\">" + BASE, "u:Id=\"_1\">" + BASE + "/other"))));
        int before = IdentityService.CALLS.get();
        assertThrows(RuntimeException.class, id::whoAmI);
        assertEquals(before, IdentityService.CALLS.get());
        assertTrue(reply().contains("InvalidSecurity"), reply());
    }

    @Test
    void aSha256SuiteSignsWithRsaSha256() {
        Identity id = both(security(AuthenticationMode.CertificateOverTransport).defaultAlgorithmSuite(
                "Basic256Sha256").build(), ClientCredentials.certificate(client));
        assertTrue(id.whoAmI().startsWith("X509:"));
        assertTrue(request().contains("xmldsig-more#rsa-sha256") && request().contains("xmlenc#sha256"));
    }

    @Test
    void soap11WithoutAddressingAsBasicHttpBindingWrites() {
        Binding b = CustomBinding.of("b", security(AuthenticationMode.UserNameOverTransport).build(),
                TextMessageEncodingBindingElement.defaults().withMessageVersion(MessageVersion.SOAP11),
                InMemoryTransportBindingElement.requestReply());
        host(b, serviceCredentials());
        assertEquals("UserName:alice", client(b, ClientCredentials.userName("alice", "secret")).whoAmI());
        assertTrue(request().startsWith("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:u=\""
                + WsSecurityNames.WSU + "\"><s:Header><o:Security s:mustUnderstand=\"1\""), request());
    }

    @Test
    void aWrongPasswordIsRefusedWithFailedAuthenticationAndNeverServed() {
        int before = IdentityService.CALLS.get();
        Identity id = both(security(AuthenticationMode.UserNameOverTransport).build(),
                ClientCredentials.userName("alice", "guess"));
        MessageSecurityException e = assertThrows(MessageSecurityException.class, id::whoAmI);
        assertEquals(WcfText.UnsecuredMessageFaultReceived.format(), e.getMessage());
        SecurityFaultException fault = assertInstanceOf(SecurityFaultException.class, e.getCause());
        assertEquals("At least one security token in the message could not be validated.", fault.getMessage());
        assertEquals(WsSecurityNames.FAILED_AUTHENTICATION, fault.fault().subcode().orElseThrow());
        assertEquals(before, IdentityService.CALLS.get());
        assertFalse(reply().contains("incorrect password"), "the validator's reason stays in the service");
        assertFalse(reply().contains("<o:Security"), "WCF's security faults are unsecured");
    }

    @Test
    void aRunOfRefusedRequestsLeavesTheServiceServing() {
        int before = IdentityService.CALLS.get();
        Binding b = binding(security(AuthenticationMode.UserNameOverTransport).build());
        host(b, serviceCredentials());
        Identity guessing = client(b, ClientCredentials.userName("alice", "guess"));
        for (int i = 0; i < 100; i++) {
            assertThrows(MessageSecurityException.class, guessing::whoAmI);
        }
        factory.abort();
        assertEquals("UserName:alice", client(b, ClientCredentials.userName("alice", "secret")).whoAmI());
        assertEquals(before + 1, IdentityService.CALLS.get(), "only the authenticated request ran");
    }

    @Test
    void anUntrustedCertificateIsRefusedWithFailedAuthentication() {
        int before = IdentityService.CALLS.get();
        Identity id = both(security(AuthenticationMode.CertificateOverTransport).build(),
                ClientCredentials.certificate(stranger));
        MessageSecurityException e = assertThrows(MessageSecurityException.class, id::whoAmI);
        assertEquals(WsSecurityNames.FAILED_AUTHENTICATION,
                ((SecurityFaultException) e.getCause()).fault().subcode().orElseThrow());
        assertEquals(before, IdentityService.CALLS.get());
    }

    @Test
    void chainTrustAcceptsACertificateIssuedByATrustedRootAndRefusesOthers() {
        Binding b = binding(security(AuthenticationMode.CertificateOverTransport).build());
        host(b, ServiceCredentials.defaults().withClientCertificateAuthentication(
                X509CertificateAuthentication.chainTrust(List.of(client.certificate()))));
        assertTrue(client(b, ClientCredentials.certificate(client)).whoAmI().startsWith("X509:CN=client"));
        factory.abort();
        Identity other = client(b, ClientCredentials.certificate(stranger));
        assertThrows(MessageSecurityException.class, other::whoAmI);
    }

    @Test
    void aClientWithoutSecurityIsRefusedWithInvalidSecurity() {
        int before = IdentityService.CALLS.get();
        host(binding(security(AuthenticationMode.UserNameOverTransport).build()), serviceCredentials());
        Identity plain = client(CustomBinding.of("b", TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.requestReply()), ClientCredentials.none());
        jakarta.xml.ws.soap.SOAPFaultException e = assertThrows(jakarta.xml.ws.soap.SOAPFaultException.class,
                plain::whoAmI);
        assertEquals(WcfText.InvalidSecurityFaultReason.format(), e.getFault().getFaultString());
        assertEquals("InvalidSecurity", e.getFault().getFaultSubcodes().next().getLocalPart());
        assertEquals(before, IdentityService.CALLS.get());
    }

    @Test
    void aStaleOrFutureTimestampIsRefusedWithInvalidSecurity() {
        Binding b = binding(security(AuthenticationMode.UserNameOverTransport).build());
        host(b, serviceCredentials());
        for (Duration offset : List.of(Duration.ofMinutes(-11), Duration.ofMinutes(6))) {
            Clock skewed = Clock.offset(Clock.systemUTC(), offset);
            Identity id = client(b, ClientCredentials.userName("alice", "secret"),
                    f -> f.parameter(Clock.class, skewed));
            MessageSecurityException e = assertThrows(MessageSecurityException.class, id::whoAmI, offset.toString());
            assertEquals(WsSecurityNames.INVALID_SECURITY,
                    ((SecurityFaultException) e.getCause()).fault().subcode().orElseThrow());
            factory.abort();
        }
    }

    @Test
    void theClientChecksTheRepliesTimestampWithItsOwnClockSkew() {
        Binding b = binding(security(AuthenticationMode.UserNameOverTransport).build());
        host(b, serviceCredentials());
        Clock late = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(4));
        Identity tolerant = client(b, ClientCredentials.userName("alice", "secret"), f -> f.parameter(Clock.class,
                late));
        assertEquals("UserName:alice", tolerant.whoAmI(), "4 minutes are inside the 5-minute skew both ways");
    }

    @Test
    void withoutATimestampOnlyTheTokenTravelsAndRepliesAreUnsecured() {
        Identity id = both(security(AuthenticationMode.UserNameOverTransport).includeTimestamp(false).build(),
                ClientCredentials.userName("alice", "secret"));
        assertEquals("UserName:alice", id.whoAmI());
        assertFalse(request().contains("Timestamp"));
        assertFalse(reply().contains("<o:Security"));
    }

    @Test
    void aReplyWithoutSecurityIsRefusedUnlessEnableUnsecuredResponse() {
        // a service without timestamps answers without a security header
        host(binding(security(AuthenticationMode.UserNameOverTransport).includeTimestamp(false).build()),
                serviceCredentials());
        Identity strict = client(binding(security(AuthenticationMode.UserNameOverTransport).build()),
                ClientCredentials.userName("alice", "secret"));
        MessageSecurityException e = assertThrows(MessageSecurityException.class, strict::whoAmI);
        assertEquals(WcfText.UnableToFindSecurityHeaderInMessage.format(""), e.getMessage());
        factory.abort();
        Identity lenient = client(binding(security(AuthenticationMode.UserNameOverTransport)
                .enableUnsecuredResponse(true).build()), ClientCredentials.userName("alice", "secret"));
        assertEquals("UserName:alice", lenient.whoAmI());
    }

    @Test
    void aServiceWithoutSecurityAnswersASecuredRequestWithAnUnsecuredFault() {
        host(CustomBinding.of("b", TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.requestReply()), serviceCredentials());
        Identity id = client(binding(security(AuthenticationMode.UserNameOverTransport).build()),
                ClientCredentials.userName("alice", "secret"));
        MessageSecurityException e = assertThrows(MessageSecurityException.class, id::whoAmI);
        assertEquals(WcfText.UnsecuredMessageFaultReceived.format(), e.getMessage());
        assertTrue(e.getCause().getMessage().contains("Security"), "the MustUnderstand fault for o:Security");
    }

    @Test
    void aClientWithoutTheModesCredentialDoesNotBuild() {
        Binding user = binding(security(AuthenticationMode.UserNameOverTransport).build());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> client(user, ClientCredentials.none()));
        assertEquals(WcfText.UserNamePasswordNotProvidedOnClientCredentials.format(), e.getMessage());
        Binding cert = binding(security(AuthenticationMode.CertificateOverTransport).build());
        e = assertThrows(IllegalStateException.class, () -> client(cert, ClientCredentials.none()));
        assertEquals(WcfText.ClientCertificateNotProvidedOnClientCredentials.format(), e.getMessage());
    }

    @Test
    void aUserNameServiceWithoutAValidatorDoesNotOpen() {
        assertThrows(RuntimeException.class, () -> host(binding(security(AuthenticationMode.UserNameOverTransport)
                .build()), ServiceCredentials.defaults()));
    }

    @Test
    void aServiceOverAnInsecureTransportDoesNotOpenUnlessAllowInsecureTransport() {
        SecurityBindingElement strict = SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.UserNameOverTransport).build();
        BindingValidationException e = assertThrows(BindingValidationException.class,
                () -> host(binding(strict), serviceCredentials()));
        assertEquals(WcfText.TransportDoesNotProtectMessage.format("CustomBinding", "http://tempuri.org/"),
                e.getMessage());
    }

    @Test
    void everyOtherAuthenticationModeIsStillRefusedByName() {
        for (AuthenticationMode mode : AuthenticationMode.values()) {
            if (mode == AuthenticationMode.UserNameOverTransport || mode == AuthenticationMode.CertificateOverTransport
                    || SymmetricSecurityProtocol.runs(mode) || mode == AuthenticationMode.MutualCertificateDuplex
                    || SslNegotiation.runs(mode)) {
                continue;
            }
            BindingElement e = security(mode).build();
            RuntimeException refused = assertThrows(RuntimeException.class, () -> client(binding(
                    (SecurityBindingElement) e), ClientCredentials.userName("alice", "secret")), mode.name());
            if (mode == AuthenticationMode.SecureConversation || mode == AuthenticationMode.Kerberos
                    || mode == AuthenticationMode.KerberosOverTransport || mode == AuthenticationMode.SspiNegotiated
                    || mode == AuthenticationMode.SspiNegotiatedOverTransport) {
                // these run (SecureConversation over its default bootstrap, SspiNegotiated, SspiNegotiated as the
                // outer mode and over the transport): here no Kerberos identity is configured
                assertTrue(refused.getMessage().contains("no Kerberos identity is configured"), refused.getMessage());
                continue;
            }
            assertTrue(refused.getMessage().contains("authenticationMode=" + mode), refused.getMessage());
        }
    }

    static Clock fixed(Instant at) {
        return Clock.fixed(at, ZoneOffset.UTC);
    }
}
