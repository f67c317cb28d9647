package io.github.wcf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.config.ServiceModelConfigReader;
import io.github.wcf4j.runtime.channel.SecurityNegotiationException;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.security.CertificateStores;
import io.github.wcf4j.runtime.security.EmbeddedKdc;
import io.github.wcf4j.runtime.security.KerberosCredentials;
import io.github.wcf4j.runtime.security.message.ClientCredentials;
import io.github.wcf4j.runtime.security.message.Identity;
import io.github.wcf4j.runtime.security.message.IdentityService;
import io.github.wcf4j.runtime.service.ServiceHost;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * netTcpBinding with transport security from unchanged configurations, host and client over loopback:
 * {@code Transport}/{@code Windows} (the binding's default: windowsStreamSecurity, Kerberos against the embedded KDC,
 * the service {@code host/localhost}, WCF's default SPN for a {@code localhost} address) and
 * {@code Transport}/{@code Certificate} and {@code None} (sslStreamSecurity, the certificates from the configuration's
 * stores). Only the Kerberos identities and the stores are given in code.
 */
class NetTcpTransportSecurityConfigTest {
    @TempDir
    static Path dir;
    static CertificateStores stores;

    private final EmbeddedKdc kdc = EmbeddedKdc.shared();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private ClientFactory<Identity> lastFactory;

    /** Message security's usual stores, and the service's certificate in the client's {@code TrustedPeople}. */
    @BeforeAll
    static void stores() throws Exception {
        TestStores.serviceAndPeers(dir);
        TestStores.trusted(dir.resolve("client-people.p12"), TestStores.certificate(dir.resolve("service.p12"),
                "localhost"));
        stores = CertificateStores.load(TestStores.mapping(dir.resolve("tcp-stores.properties"),
                "LocalMachine/My=service.p12", "CurrentUser/My=my.p12", "LocalMachine/TrustedPeople=people.p12",
                "CurrentUser/TrustedPeople=client-people.p12"));
    }

    @AfterEach
    void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    private static ServiceModelConfiguration config(String security, String clientIdentity, String clientCertificate) {
        String xml = """
                <configuration><system.serviceModel>
                  <bindings><netTcpBinding><binding name="secure">%s</binding></netTcpBinding></bindings>
                  <behaviors>
                    <serviceBehaviors><behavior name="service"><serviceCredentials>
                      <serviceCertificate findValue="localhost" storeLocation="LocalMachine" storeName="My"
                          x509FindType="FindBySubjectName"/>
                      <clientCertificate><authentication certificateValidationMode="PeerTrust"/></clientCertificate>
                      <userNameAuthentication userNamePasswordValidationMode="Custom"
                          customUserNamePasswordValidatorType="Contoso.Security.PasswordValidator, Contoso"/>
                    </serviceCredentials></behavior></serviceBehaviors>
                    <endpointBehaviors><behavior name="client"><clientCredentials>%s
                      <serviceCertificate><authentication certificateValidationMode="PeerTrust"/>
                      </serviceCertificate>
                    </clientCredentials></behavior></endpointBehaviors>
                  </behaviors>
                  <services><service name="IdentityService" behaviorConfiguration="service">
                    <endpoint address="" binding="netTcpBinding" bindingConfiguration="secure" contract="%s"/>
                  </service></services>
                  <client><endpoint name="identity" address="net.tcp://localhost/unused" binding="netTcpBinding"
                      bindingConfiguration="secure" behaviorConfiguration="client" contract="%3$s">%s</endpoint>
                  </client>
                </system.serviceModel></configuration>
                """.formatted(security, clientCertificate, Identity.class.getName(), clientIdentity);
        return ServiceModelConfigReader.create().read("app.config", xml).orThrow();
    }

    private ServiceHost host(ServiceModelConfiguration config) {
        return host(config, "host/localhost");
    }

    private ServiceHost host(ServiceModelConfiguration config, String servicePrincipal) {
        ServiceHost host = ServiceHost.builder(config, "IdentityService")
                .types(ServiceTypes.empty().map("IdentityService", IdentityService.class)
                        .map("Contoso.Security.PasswordValidator", TestPasswordValidator.class))
                .baseAddress(URI.create("net.tcp://localhost:0/secure"))
                .parameter(CertificateStores.class, stores)
                .parameter(KerberosCredentials.class, kdc.credentials(servicePrincipal)).build();
        opened.add(host);
        host.open();
        return host;
    }

    private Identity client(ServiceModelConfiguration config, ServiceHost host, String principal) {
        return client(config, host, principal, ClientCredentials.none());
    }

    private Identity client(ServiceModelConfiguration config, ServiceHost host, String principal,
            ClientCredentials fromCode) {
        ClientEndpoint e = config.clientEndpoint("identity").orElseThrow();
        ClientFactory<Identity> f = ClientFactory.builder(e.withAddress(host.endpoints().get(0).address()),
                Identity.class).parameter(CertificateStores.class, stores).credentials(fromCode)
                .parameter(KerberosCredentials.class, kdc.credentials(principal)).build();
        opened.add(f);
        lastFactory = f;
        return f.createChannel();
    }

    /** The last client was refused: its channel faulted, so its factory is aborted, not closed. */
    private void refused() {
        opened.remove(lastFactory);
        lastFactory.abort();
    }

    @Test
    void theDefaultNetTcpSecurityRunsAsKerberosAndTheServiceKnowsTheCaller() {
        ServiceModelConfiguration config = config("", "", ""); // <binding name="secure"/>: Transport, Windows
        ServiceHost host = host(config);
        Identity alice = client(config, host, "alice");
        assertEquals("Kerberos:alice@" + EmbeddedKdc.REALM, alice.whoAmI());
        assertEquals(5.0, alice.add(2, 3));
    }

    @Test
    void aReliableSessionRunsInsideTheNegotiateStream() {
        ServiceModelConfiguration config = config("<reliableSession enabled=\"true\"/>", "", "");
        ServiceHost host = host(config);
        Identity alice = client(config, host, "alice");
        assertEquals("Kerberos:alice@" + EmbeddedKdc.REALM, alice.whoAmI());
        assertEquals(7.0, alice.add(3, 4));
    }

    @Test
    void signOnlyAndAnExplicitServicePrincipalName() {
        ServiceModelConfiguration config = config("<security mode=\"Transport\"><transport"
                + " clientCredentialType=\"Windows\" protectionLevel=\"Sign\"/></security>",
                "<identity><servicePrincipalName value=\"host/localhost\"/></identity>", "");
        assertEquals("Kerberos:bob@" + EmbeddedKdc.REALM, client(config, host(config), "bob").whoAmI());
    }

    @Test
    void aServicePrincipalNameTheServiceDoesNotHoldIsRefusedAndNothingIsDispatched() {
        ServiceModelConfiguration config = config("", "<identity><servicePrincipalName"
                + " value=\"host/elsewhere.example\"/></identity>", "");
        ServiceHost host = host(config);
        int before = IdentityService.calls();
        RuntimeException e = assertThrows(RuntimeException.class, () -> client(config, host, "alice").whoAmI());
        refused();
        assertTrue(causes(e, SecurityNegotiationException.class), e.toString());
        assertEquals(before, IdentityService.calls(), "nothing dispatched");
        ServiceModelConfiguration good = config("", "", "");
        assertEquals("Kerberos:alice@" + EmbeddedKdc.REALM, client(good, host, "alice").whoAmI(),
                "the listener serves on");
    }

    @Test
    void transportWithCertificateCredentialsRunsOverTlsAndTheClientCertificateIsTheCaller() {
        ServiceModelConfiguration config = config("<security mode=\"Transport\"><transport"
                + " clientCredentialType=\"Certificate\"/></security>", "",
                "<clientCertificate findValue=\"peer\" storeLocation=\"CurrentUser\" storeName=\"My\""
                        + " x509FindType=\"FindBySubjectName\"/>");
        ServiceHost host = host(config);
        String caller = client(config, host, "alice").whoAmI();
        assertTrue(caller.startsWith("X509:CN=peer; "), caller);
    }

    @Test
    void anUntrustedClientCertificateIsRefusedInTheTlsHandshake() {
        ServiceModelConfiguration config = config("<security mode=\"Transport\"><transport"
                + " clientCredentialType=\"Certificate\"/></security>", "",
                "<clientCertificate findValue=\"stranger\" storeLocation=\"CurrentUser\" storeName=\"My\""
                        + " x509FindType=\"FindBySubjectName\"/>");
        ServiceHost host = host(config);
        int before = IdentityService.calls();
        RuntimeException e = assertThrows(RuntimeException.class, () -> client(config, host, "alice").whoAmI());
        refused();
        assertTrue(causes(e, SecurityNegotiationException.class), e.toString());
        assertEquals(before, IdentityService.calls());
    }

    @Test
    void transportWithoutClientCredentialsRunsOverTlsAnonymously() {
        ServiceModelConfiguration config = config("<security mode=\"Transport\"><transport"
                + " clientCredentialType=\"None\"/></security>", "<identity><dns value=\"localhost\"/></identity>",
                "");
        assertEquals("anonymous", client(config, host(config), "alice").whoAmI());
    }

    @Test
    void aDnsIdentityTheServiceCertificateDoesNotNameIsRefused() {
        ServiceModelConfiguration config = config("<security mode=\"Transport\"><transport"
                + " clientCredentialType=\"None\"/></security>",
                "<identity><dns value=\"elsewhere.example\"/></identity>", "");
        ServiceHost host = host(config);
        RuntimeException e = assertThrows(RuntimeException.class, () -> client(config, host, "alice").whoAmI());
        refused();
        assertTrue(causes(e, SecurityNegotiationException.class), e.toString());
        assertTrue(message(e).contains("elsewhere.example"), message(e));
    }

    /**
     * netTcpBinding's TransportWithMessageCredential with UserName credentials: sslStreamSecurity (no client
     * certificate), then a security session whose context token is issued for the user's UsernameToken
     * (UserNameOverTransport) and endorses each message's timestamp; the user is the caller of every call, a wrong
     * password is refused by the token request and nothing is dispatched.
     */
    @Test
    void transportWithMessageCredentialUserNameRunsAsASecurityConversationOverTls() {
        ServiceModelConfiguration config = config("<security mode=\"TransportWithMessageCredential\"><message"
                + " clientCredentialType=\"UserName\"/></security>", "", "");
        ServiceHost host = host(config);
        Identity bob = client(config, host, "alice", ClientCredentials.userName("bob", "bob-pw"));
        assertEquals("UserName:bob", bob.whoAmI());
        assertEquals(5.0, bob.add(2, 3));
        assertEquals("UserName:bob", bob.whoAmI(), "the session's token serves every call");
        int before = IdentityService.calls();
        Identity guess = client(config, host, "alice", ClientCredentials.userName("bob", "guess"));
        RuntimeException e = assertThrows(RuntimeException.class, guess::whoAmI);
        refused();
        // WCF's FailedAuthentication fault, unsecured, as the service answers a refused token request
        assertTrue(message(e).contains("At least one security token in the message could not be validated."),
                message(e));
        assertEquals(before, IdentityService.calls(), "nothing dispatched");
    }

    /** The same with Certificate credentials: CertificateOverTransport bootstraps; the client certificate is the caller. */
    @Test
    void transportWithMessageCredentialCertificateMakesTheClientCertificateTheCaller() {
        ServiceModelConfiguration config = config("<security mode=\"TransportWithMessageCredential\"><message"
                + " clientCredentialType=\"Certificate\"/></security>", "",
                "<clientCertificate findValue=\"peer\" storeLocation=\"CurrentUser\" storeName=\"My\""
                        + " x509FindType=\"FindBySubjectName\"/>");
        ServiceHost host = host(config);
        Identity peer = client(config, host, "alice");
        String caller = peer.whoAmI();
        assertTrue(caller.startsWith("X509:CN=peer; "), caller);
        assertEquals(9.0, peer.add(4, 5));
    }

    /**
     * netTcpBinding's TransportWithMessageCredential with Windows credentials (issue 16): sslStreamSecurity, then a
     * security session bootstrapped by SspiNegotiatedOverTransport (WCF's MessageSecurityOverTcp:
     * CreateSspiNegotiationOverTransportBindingElement under the secure conversation), SPNEGO (Kerberos) against the
     * embedded KDC inside TLS: the Kerberos client principal is the caller of every call.
     */
    @Test
    void transportWithMessageCredentialWindowsNegotiatesSpnegoInsideTlsAndTheKerberosPrincipalIsTheCaller() {
        ServiceModelConfiguration config = config("<security mode=\"TransportWithMessageCredential\"><message"
                + " clientCredentialType=\"Windows\"/></security>", "", "");
        ServiceHost host = host(config);
        Identity alice = client(config, host, "alice");
        assertEquals("Kerberos:alice@" + EmbeddedKdc.REALM, alice.whoAmI());
        assertEquals(5.0, alice.add(2, 3));
        assertEquals("Kerberos:alice@" + EmbeddedKdc.REALM, alice.whoAmI(), "the session's token serves every call");
        assertEquals("Kerberos:bob@" + EmbeddedKdc.REALM, client(config, host, "bob").whoAmI());
    }

    /**
     * A ticket the service cannot accept (the service runs as another principal, so it holds no key of
     * {@code host/localhost}, which the client asks a ticket for): the negotiation fails with WCF's text and nothing
     * is dispatched; a client without Windows credentials (UserName) offers no SPNEGO token at all and is refused
     * the same way.
     */
    @Test
    void transportWithMessageCredentialWindowsRefusesATicketTheServiceCannotAcceptAndAMissingOne() {
        String windows = "<security mode=\"TransportWithMessageCredential\"><message"
                + " clientCredentialType=\"Windows\"/></security>";
        ServiceModelConfiguration config = config(windows, "", "");
        kdc.keytab("host/localhost"); // the KDC issues tickets for it, the service does not hold its key
        ServiceHost host = host(config, "host/elsewhere.example");
        int before = IdentityService.calls();
        RuntimeException e = assertThrows(RuntimeException.class, () -> client(config, host, "alice").whoAmI());
        refused();
        // WCF's AuthenticationOfClientFailed, as the service's SSPI acceptor refuses the token
        assertTrue(message(e).contains("The caller was not authenticated by the service."), message(e));
        assertEquals(before, IdentityService.calls(), "nothing dispatched");
        ServiceModelConfiguration userName = config("<security mode=\"TransportWithMessageCredential\"><message"
                + " clientCredentialType=\"UserName\"/></security>", "", "");
        RuntimeException missing = assertThrows(RuntimeException.class, () -> client(userName, host, "alice",
                ClientCredentials.userName("bob", "bob-pw")).whoAmI());
        refused();
        // the token request carries a UsernameToken, not the SSPI-negotiated token the bootstrap requires: WCF's
        // InvalidSecurity fault (an error occurred when verifying security), unsecured
        assertTrue(message(missing).contains("An error occurred when verifying security for the message."),
                message(missing));
        assertEquals(before, IdentityService.calls(), "nothing dispatched");
    }

    @Test
    void aClientWithWcfsDefaultServiceCertificateTrustChecksTheChainInTheHandshake() {
        ServiceModelConfiguration config = config("<security mode=\"Transport\"><transport"
                + " clientCredentialType=\"None\"/></security>", "", "");
        ServiceHost host = host(config);
        ServiceModelConfiguration chainTrust = ServiceModelConfigReader.create().read("app.config", """
                <configuration><system.serviceModel>
                  <bindings><netTcpBinding><binding name="secure"><security mode="Transport"><transport
                      clientCredentialType="None"/></security></binding></netTcpBinding></bindings>
                  <client><endpoint name="identity" address="net.tcp://localhost/unused" binding="netTcpBinding"
                      bindingConfiguration="secure" contract="%s"/></client>
                </system.serviceModel></configuration>
                """.formatted(Identity.class.getName())).orThrow();
        // ChainTrust with revocationMode Online (WCF's defaults) runs: the service's certificate is chained to no
        // root of the client's stores, so the TLS handshake fails with WCF's chain text and nothing is sent
        Identity client = client(chainTrust, host, "alice");
        RuntimeException e = assertThrows(RuntimeException.class, client::whoAmI);
        assertTrue(message(e).contains("chain building failed"), message(e));
        refused();
    }

    private static boolean causes(Throwable e, Class<?> type) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String message(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = e; c != null; c = c.getCause()) {
            b.append(c.getMessage()).append(" | ");
        }
        return b.toString();
    }
}
