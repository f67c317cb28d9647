package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.runtime.security.MessageSecurityException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingTimeouts;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.security.SecurityHeaderLayout;
import io.github.wcf4j.binding.standard.BasicHttpsBinding;
import io.github.wcf4j.binding.standard.HttpBindingSettings;
import io.github.wcf4j.binding.standard.MessageCredentialType;
import io.github.wcf4j.binding.standard.MessageSecurity;
import io.github.wcf4j.binding.standard.SecurityMode;
import io.github.wcf4j.binding.standard.StandardReliableSession;
import io.github.wcf4j.binding.standard.StandardSecurity;
import io.github.wcf4j.binding.standard.TransportCredentialType;
import io.github.wcf4j.binding.standard.TransportSecurity;
import io.github.wcf4j.binding.standard.WsHttpBinding;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.security.EmbeddedKdc;
import io.github.wcf4j.runtime.security.KerberosCredentials;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.stack.UnsupportedBindingException;
import io.github.wcf4j.runtime.transport.WireTap;
import io.github.wcf4j.runtime.transport.http.SelfSignedKeyStore;
import io.github.wcf4j.runtime.transport.http.TlsSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standard bindings' {@code TransportWithMessageCredential} modes over real HTTPS: each expands to the
 * {@code *OverTransport} element WCF creates and runs client to service; the ones that need secure conversation stay
 * refused by name.
 */
class TransportSecurityHttpsTest {
    private static final String SERVICE = "IdentityService";
    private static final String CONTRACT = Identity.class.getName();
    private static final String FEBRUARY_2005_TRUST = "http://schemas.xmlsoap.org/ws/2005/02/trust";
    private static final String TRUST_13 = "http://docs.oasis-open.org/ws-sx/ws-trust/200512";

    @TempDir
    static Path dir;
    static TlsSettings tls;
    static X509Credential client;

    private final List<AutoCloseable> opened = new ArrayList<>();
    private ClientFactory<Identity> lastFactory;
    /** The Kerberos identities of the Windows credential type: the service's, the client's. */
    private KerberosCredentials serviceKerberos;
    private KerberosCredentials clientKerberos;
    /** The client's clock, when a test moves it. */
    private java.time.Clock clientClock;
    /** The service's clock, when a test moves it. */
    private java.time.Clock serviceClock;

    @BeforeAll
    static void keys() throws Exception {
        tls = TlsSettings.keyStore(SelfSignedKeyStore.create(dir.resolve("service.p12"), "localhost",
                "dns:localhost,ip:127.0.0.1"), SelfSignedKeyStore.PASSWORD);
        client = TestKeys.client(dir, "client");
    }

    @AfterEach
    void close() throws Exception {
        // clients first: a security session's client cancels its context at close
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    private static StandardSecurity twmc(MessageCredentialType type, boolean establishSecurityContext) {
        return new StandardSecurity(SecurityMode.TransportWithMessageCredential,
                TransportSecurity.withClientCredential(TransportCredentialType.None),
                new MessageSecurity(type, true, establishSecurityContext, "Default"));
    }

    private Identity run(Binding binding, ClientCredentials credentials) {
        return run(binding, credentials, (direction, envelope, type) -> { });
    }

    private Identity run(Binding binding, ClientCredentials credentials, WireTap tap) {
        ServiceHost.Builder hostBuilder = ServiceHost.builder(new ServiceDescription(SERVICE, Optional.empty(),
                List.of(), List.of(new ServiceEndpoint("", "", binding.sectionName(), "", binding, CONTRACT,
                        Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty()))))
                .types(ServiceTypes.empty().map(SERVICE, IdentityService.class))
                .baseAddress(URI.create("https://localhost:0/secure")).parameter(TlsSettings.class, tls)
                .credentials(ServiceCredentials.defaults().withUserNameValidator((u, p) -> {
                    if (!p.equals(u + "-pw")) {
                        throw new SecurityTokenValidationException("bad password");
                    }
                }).withClientCertificateAuthentication(X509CertificateAuthentication.peerTrust(
                        List.of(client.certificate()))));
        if (serviceKerberos != null) {
            hostBuilder.parameter(KerberosCredentials.class, serviceKerberos);
        }
        if (serviceClock != null) {
            hostBuilder.parameter(java.time.Clock.class, serviceClock);
        }
        ServiceHost host = hostBuilder.build();
        opened.add(host);
        host.open();
        ClientFactory.Builder<Identity> clientBuilder = ClientFactory.builder(new ClientEndpoint("",
                host.endpoints().get(0).address(), binding.sectionName(), "", binding, CONTRACT, Optional.empty(),
                Optional.empty(), List.of(), Optional.empty()), Identity.class).parameter(TlsSettings.class, tls)
                .parameter(WireTap.class, tap).credentials(credentials);
        if (clientKerberos != null) {
            clientBuilder.parameter(KerberosCredentials.class, clientKerberos);
        }
        if (clientClock != null) {
            clientBuilder.parameter(java.time.Clock.class, clientClock);
        }
        ClientFactory<Identity> f = clientBuilder.build();
        opened.add(f);
        lastFactory = f;
        return f.createChannel();
    }

    private static BasicHttpsBinding basicHttps(MessageCredentialType type) {
        return new BasicHttpsBinding("", BindingTimeouts.defaults(), HttpBindingSettings.defaults(), twmc(type, false));
    }

    private static WsHttpBinding wsHttp(WsHttpBinding.Flavor flavor, MessageCredentialType type, boolean sc) {
        return new WsHttpBinding(flavor, "", BindingTimeouts.defaults(), HttpBindingSettings.defaults(), false,
                StandardReliableSession.disabled(), twmc(type, sc));
    }

    @Test
    void basicHttpsBindingExpandsToWcfsLaxElementWithoutDerivedKeys() {
        SecurityBindingElement e = (SecurityBindingElement) basicHttps(MessageCredentialType.UserName)
                .createBindingElements().get(0);
        assertEquals(AuthenticationMode.UserNameOverTransport, e.authenticationMode());
        assertEquals(SecurityHeaderLayout.Lax, e.securityHeaderLayout());
        assertEquals(false, e.requireDerivedKeys());
        assertTrue(e.messageSecurityVersion().name().startsWith("WSSecurity10"));
    }

    @Test
    void basicHttpsBindingWithUserNameOverHttps() {
        assertEquals("UserName:bob", run(basicHttps(MessageCredentialType.UserName),
                ClientCredentials.userName("bob", "bob-pw")).whoAmI());
    }

    @Test
    void basicHttpsBindingWithCertificateOverHttps() {
        assertTrue(run(basicHttps(MessageCredentialType.Certificate), ClientCredentials.certificate(client)).whoAmI()
                .startsWith("X509:CN=client; "));
    }

    @Test
    void aWrongPasswordOverHttpsIsRefused() {
        Identity id = run(basicHttps(MessageCredentialType.UserName), ClientCredentials.userName("bob", "nope"));
        MessageSecurityException e = assertThrows(MessageSecurityException.class, id::whoAmI);
        assertEquals(WsSecurityNames.FAILED_AUTHENTICATION,
                ((SecurityFaultException) e.getCause()).fault().subcode().orElseThrow());
    }

    @Test
    void wsHttpBindingsWithoutSecureConversationRunBothCredentialTypes() {
        for (WsHttpBinding.Flavor flavor : List.of(WsHttpBinding.Flavor.WS_HTTP, WsHttpBinding.Flavor.WS_2007_HTTP)) {
            assertEquals("UserName:carol", run(wsHttp(flavor, MessageCredentialType.UserName, false),
                    ClientCredentials.userName("carol", "carol-pw")).whoAmI());
            assertTrue(run(wsHttp(flavor, MessageCredentialType.Certificate, false),
                    ClientCredentials.certificate(client)).whoAmI().startsWith("X509:"));
        }
    }

    /** What the client sent: each envelope as text, in order. */
    private static List<String> sent(List<String> wire) {
        return wire.stream().filter(m -> m.startsWith("SENT ")).toList();
    }

    /**
     * Runs {@code binding} as {@code credentials}' caller: two calls, then the client closes; returns what the client
     * sent and received.
     */
    private List<String> session(Binding binding, ClientCredentials credentials, String caller) {
        List<String> wire = new CopyOnWriteArrayList<>();
        Identity id = run(binding, credentials, (direction, envelope, type) -> wire.add(direction + " "
                + new String(envelope, StandardCharsets.UTF_8)));
        assertTrue(id.whoAmI().startsWith(caller), "the bootstrap's caller on the first call");
        assertEquals(5.0, id.add(2, 3));
        assertTrue(id.whoAmI().startsWith(caller), "and on every later one, by the context token alone");
        lastFactory.close(id);
        return wire;
    }

    /**
     * The wire of a security session over HTTPS (WCF's SecuritySessionClientSettings over a request channel): one
     * token request carrying the bootstrap's credential ({@code bootstrapToken}) and answered with the context token;
     * then every call carries that token endorsing the timestamp, nothing encrypted (TLS protects it) and no
     * bootstrap credential; the cancel at close is endorsed the same way.
     */
    private static void assertSecuritySession(List<String> wire, String trust, String bootstrapToken) {
        List<String> sent = sent(wire);
        List<String> issue = sent.stream().filter(m -> m.contains(">" + trust + "/RST/SCT<")).toList();
        assertEquals(1, issue.size(), "one token request: " + sent);
        assertTrue(issue.get(0).contains(bootstrapToken), issue.get(0));
        assertTrue(wire.stream().anyMatch(m -> m.startsWith("RECEIVED ") && m.contains(trust + "/RSTR/SCT")
                && m.contains("SecurityContextToken")), "the service issues the context token");
        List<String> calls = sent.stream().filter(m -> m.contains("IIdentity/")).toList();
        assertEquals(3, calls.size(), "three calls: " + calls);
        for (String call : calls) {
            assertTrue(call.contains("SecurityContextToken") && call.contains("SignatureValue")
                    && call.contains("hmac-sha1"), "the context token endorses the call: " + call);
            assertFalse(call.contains("UsernameToken") || call.contains("BinarySecurityToken"),
                    "no bootstrap credential after the token request: " + call);
            assertFalse(call.contains("EncryptedData"), "the transport protects the call: " + call);
        }
        List<String> cancel = sent.stream().filter(m -> m.contains(">" + trust + "/RST/SCT/Cancel<")).toList();
        assertEquals(1, cancel.size(), "the context is cancelled at close: " + sent);
        assertTrue(cancel.get(0).contains("SecurityContextToken") && cancel.get(0).contains("SignatureValue"),
                cancel.get(0));
        assertTrue(wire.stream().anyMatch(m -> m.startsWith("RECEIVED ") && m.contains(trust + "/RSTR/SCT/Cancel")),
                "the service answers the cancel");
        assertTrue(sent.indexOf(cancel.get(0)) == sent.size() - 1, "the cancel is the last message");
    }

    /**
     * wsHttpBinding's default TransportWithMessageCredential (establishSecurityContext="true") is a secure conversation
     * over UserNameOverTransport / CertificateOverTransport: a security session over HTTPS request/reply, the context
     * token issued for the bootstrap's credential, then endorsing every call's timestamp, cancelled at close.
     */
    @Test
    void wsHttpBindingsDefaultSecureConversationRunsAsASecuritySessionOverHttps() {
        assertSecuritySession(session(wsHttp(WsHttpBinding.Flavor.WS_HTTP, MessageCredentialType.UserName, true),
                ClientCredentials.userName("carol", "carol-pw"), "UserName:carol"),
                "http://schemas.xmlsoap.org/ws/2005/02/trust", "UsernameToken");
        assertSecuritySession(session(wsHttp(WsHttpBinding.Flavor.WS_2007_HTTP, MessageCredentialType.UserName, true),
                ClientCredentials.userName("carol", "carol-pw"), "UserName:carol"),
                "http://docs.oasis-open.org/ws-sx/ws-trust/200512", "UsernameToken");
        for (WsHttpBinding.Flavor flavor : List.of(WsHttpBinding.Flavor.WS_HTTP, WsHttpBinding.Flavor.WS_2007_HTTP)) {
            assertSecuritySession(session(wsHttp(flavor, MessageCredentialType.Certificate, true),
                    ClientCredentials.certificate(client), "X509:CN=client; "),
                    flavor == WsHttpBinding.Flavor.WS_HTTP ? "http://schemas.xmlsoap.org/ws/2005/02/trust"
                            : "http://docs.oasis-open.org/ws-sx/ws-trust/200512", "BinarySecurityToken");
        }
    }

    /**
     * TransportWithMessageCredential with Windows credentials and {@code establishSecurityContext="false"} is
     * SspiNegotiatedOverTransport: one SPNEGO negotiation (Kerberos) inside TLS, then the negotiated token endorsing
     * every call's timestamp, the Kerberos client principal the caller; no RST/SCT, nothing encrypted but by TLS.
     */
    @Test
    void windowsCredentialsWithoutASecurityContextNegotiateSpnegoOverHttps() {
        EmbeddedKdc kdc = EmbeddedKdc.shared();
        serviceKerberos = kdc.credentials("host/localhost");
        clientKerberos = kdc.credentials("alice");
        List<String> wire = session(wsHttp(WsHttpBinding.Flavor.WS_HTTP, MessageCredentialType.Windows, false),
                ClientCredentials.none(), "Kerberos:alice@" + EmbeddedKdc.REALM);
        List<String> sent = sent(wire);
        List<String> legs = sent.stream().filter(m -> m.contains("<t:BinaryExchange")).toList();
        assertTrue(!legs.isEmpty() && legs.get(0).contains("ValueType=\"http://schemas.xmlsoap.org/ws/2005/02/trust/"
                + "spnego\""), sent.toString());
        assertTrue(legs.stream().noneMatch(m -> m.contains("<o:Security") || m.contains(":Security ")),
                "the negotiation's legs travel unsecured (TLS protects them): " + legs);
        List<String> calls = sent.stream().filter(m -> m.contains("IIdentity/")).toList();
        assertEquals(3, calls.size(), sent.toString());
        for (String call : calls) {
            assertTrue(call.contains("SecurityContextToken") && call.contains("SignatureValue")
                    && call.contains("hmac-sha1"), "the negotiated token endorses the call: " + call);
            assertFalse(call.contains("EncryptedData") || call.contains("DerivedKeyToken"), call);
        }
        assertFalse(sent.stream().anyMatch(m -> m.contains("/RST/SCT")), "no secure conversation: " + sent);
    }

    /**
     * With a security context (the default), SspiNegotiatedOverTransport bootstraps it: one SPNEGO negotiation inside
     * TLS, the RST/SCT endorsed by the negotiated token, then each call endorsed by the session's context token, the
     * Kerberos principal the caller on every call, the context cancelled at close.
     */
    @Test
    void windowsCredentialsWithASecurityContextBootstrapItBySpnegoOverHttps() {
        EmbeddedKdc kdc = EmbeddedKdc.shared();
        serviceKerberos = kdc.credentials("host/localhost");
        clientKerberos = kdc.credentials("alice");
        List<String> wire = session(wsHttp(WsHttpBinding.Flavor.WS_HTTP, MessageCredentialType.Windows, true),
                ClientCredentials.none(), "Kerberos:alice@" + EmbeddedKdc.REALM);
        List<String> sent = sent(wire);
        assertTrue(sent.get(0).contains("<t:BinaryExchange") && sent.get(0).contains("/spnego\""), sent.get(0));
        assertSecuritySession(wire, "http://schemas.xmlsoap.org/ws/2005/02/trust", "SecurityContextToken");
    }

    /**
     * Runs a security session over {@code binding} whose client renews its key: a call, then both sides' clocks past
     * the client's sessionKeyRenewalInterval (10 hours; the service's is 15), two calls; returns the wire.
     */
    private List<String> renewedSession(Binding binding, ClientCredentials credentials, String caller) {
        SettableClock clock = new SettableClock();
        clientClock = clock;
        serviceClock = clock;
        List<String> wire = new CopyOnWriteArrayList<>();
        Identity id = run(binding, credentials, (direction, envelope, type) -> wire.add(direction + " "
                + new String(envelope, StandardCharsets.UTF_8)));
        assertTrue(id.whoAmI().startsWith(caller));
        clock.advance(java.time.Duration.ofHours(11));
        assertTrue(id.whoAmI().startsWith(caller), "the caller after the renewal, by the new key generation");
        assertEquals(5.0, id.add(2, 3));
        lastFactory.close(id);
        return wire;
    }

    /**
     * The renewal over a transport bootstrap, WCF's way ({@code SecuritySessionSecurityTokenProvider.DoOperation}
     * Renew under the bootstrap's protocol, the current token an endorsing supporting token): one RST/SCT/Renew naming
     * the current token, carrying the bootstrap's credential ({@code bootstrapToken}) and the current context token
     * whose key signs the timestamp; answered RSTR/SCT/Renew with a new key generation ({@code c:Instance}); the next
     * calls endorsed by that generation; {@code signatures} signatures in the renew (the certificate's and the
     * token's, or the token's alone).
     */
    private static void assertRenewed(List<String> wire, String trust, String bootstrapToken, int signatures) {
        List<String> sent = sent(wire);
        List<String> renews = sent.stream().filter(m -> m.contains(">" + trust + "/RST/SCT/Renew<")).toList();
        assertEquals(1, renews.size(), "one renewal: " + sent);
        String renew = renews.get(0);
        assertTrue(renew.contains(bootstrapToken), "the bootstrap's credential secures the renewal: " + renew);
        assertTrue(renew.contains("RenewTarget") && renew.contains("SecurityContextToken"), renew);
        assertEquals(signatures, renew.split("SignatureValue>", -1).length / 2, renew);
        assertTrue(renew.contains("hmac-sha1"), "the current token's key endorses it: " + renew);
        assertFalse(renew.contains("EncryptedData") || renew.contains("DerivedKeyToken"), renew);
        List<String> answers = wire.stream().filter(m -> m.startsWith("RECEIVED ")
                && m.contains(trust + "/RSTR/SCT/Renew")).toList();
        assertEquals(1, answers.size(), "the service renews the key");
        String instance = answers.get(0).replaceAll("(?s).*<c:Instance>([^<]+)</c:Instance>.*", "$1");
        assertTrue(instance.startsWith("urn:uuid:"), answers.get(0));
        List<String> after = sent.subList(sent.indexOf(renew) + 1, sent.size()).stream()
                .filter(m -> m.contains("IIdentity/")).toList();
        assertEquals(2, after.size(), sent.toString());
        for (String call : after) {
            assertTrue(call.contains("<c:Instance>" + instance + "</c:Instance>"), "the new generation: " + call);
            assertFalse(call.contains("UsernameToken") || call.contains("BinarySecurityToken"), call);
        }
    }

    /**
     * Once the key's renewal time has come (the client's sessionKeyRenewalInterval, 10 hours) a session over
     * UserNameOverTransport renews its key: the RST/SCT/Renew carries the user's UsernameToken and the current token
     * endorsing the timestamp, the user name checked again; the calls go on under the new generation.
     */
    @Test
    void aKeyRenewalOverUserNameOverTransportRunsOverHttps() {
        for (WsHttpBinding.Flavor flavor : List.of(WsHttpBinding.Flavor.WS_HTTP, WsHttpBinding.Flavor.WS_2007_HTTP)) {
            List<String> wire = renewedSession(wsHttp(flavor, MessageCredentialType.UserName, true),
                    ClientCredentials.userName("carol", "carol-pw"), "UserName:carol");
            assertRenewed(wire, flavor == WsHttpBinding.Flavor.WS_HTTP ? FEBRUARY_2005_TRUST : TRUST_13,
                    "UsernameToken", 1);
        }
    }

    /**
     * Over CertificateOverTransport the renewal carries the client certificate endorsing the timestamp and the
     * {@code To} header, then the current context token endorsing them too: two signatures.
     */
    @Test
    void aKeyRenewalOverCertificateOverTransportRunsOverHttps() {
        List<String> wire = renewedSession(wsHttp(WsHttpBinding.Flavor.WS_HTTP, MessageCredentialType.Certificate,
                true), ClientCredentials.certificate(client), "X509:CN=client; ");
        assertRenewed(wire, FEBRUARY_2005_TRUST, "BinarySecurityToken", 2);
    }

    /**
     * Over SspiNegotiatedOverTransport the renewal goes under the session's negotiated (SPNEGO) token, then the
     * current context token: the Kerberos caller stays the session's.
     */
    @Test
    void aKeyRenewalOverSspiNegotiatedOverTransportRunsOverHttps() {
        EmbeddedKdc kdc = EmbeddedKdc.shared();
        serviceKerberos = kdc.credentials("host/localhost");
        clientKerberos = kdc.credentials("alice");
        List<String> wire = renewedSession(wsHttp(WsHttpBinding.Flavor.WS_HTTP, MessageCredentialType.Windows, true),
                ClientCredentials.none(), "Kerberos:alice@" + EmbeddedKdc.REALM);
        assertRenewed(wire, FEBRUARY_2005_TRUST, "SecurityContextToken", 2);
    }

    /** A wrong password is refused by the token request: no context, nothing dispatched. */
    @Test
    void aWrongPasswordIsRefusedByTheTokenRequestOverHttps() {
        int before = IdentityService.calls();
        Identity id = run(wsHttp(WsHttpBinding.Flavor.WS_HTTP, MessageCredentialType.UserName, true),
                ClientCredentials.userName("carol", "guess"));
        RuntimeException e = assertThrows(RuntimeException.class, id::whoAmI);
        assertTrue(String.valueOf(e).contains("could not be validated") || causeText(e).contains(
                "could not be validated"), causeText(e));
        assertEquals(before, IdentityService.calls(), "nothing dispatched");
        lastFactory.abort(); // its channel faulted with the refused token request
    }

    private static String causeText(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = e; c != null; c = c.getCause()) {
            b.append(c).append(" | ");
        }
        return b.toString();
    }
}
