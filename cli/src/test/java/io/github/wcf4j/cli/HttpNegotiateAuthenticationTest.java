package io.github.wcf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.config.ServiceModelConfigReader;
import io.github.wcf4j.runtime.channel.SecurityNegotiationException;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.security.EmbeddedKdc;
import io.github.wcf4j.runtime.security.KerberosCredentials;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import io.github.wcf4j.runtime.security.message.Identity;
import io.github.wcf4j.runtime.security.message.IdentityService;
import io.github.wcf4j.runtime.security.message.SpnegoHandshake;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.transport.http.RawHttp;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP Negotiate authentication (SPNEGO over {@code 401}/{@code WWW-Authenticate}, Kerberos through JGSS) from
 * unchanged configurations, against the embedded KDC: a customBinding's {@code httpTransport
 * authenticationScheme="Negotiate"} (and {@code IntegratedWindowsAuthentication}), basicHttpBinding
 * {@code TransportCredentialOnly} with {@code <transport clientCredentialType="Windows"/>}. The service is
 * {@code host/localhost} (WCF's default SPN for a {@code localhost} address), the caller {@code alice}; only the
 * Kerberos identities are given in code, as binding parameters.
 */
class HttpNegotiateAuthenticationTest {
    private static final String ENVELOPE = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body/>"
            + "</s:Envelope>";
    private static final String CUSTOM = "<customBinding><binding name=\"windows\"><textMessageEncoding/>"
            + "<httpTransport authenticationScheme=\"%s\"/></binding></customBinding>";
    private static final String BASIC_HTTP = "<basicHttpBinding><binding name=\"windows\"><security"
            + " mode=\"TransportCredentialOnly\"><transport clientCredentialType=\"Windows\"/></security></binding>"
            + "</basicHttpBinding>";

    private final EmbeddedKdc kdc = EmbeddedKdc.shared();
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    private static ServiceModelConfiguration config(String binding, String bindingXml, String clientIdentity) {
        String xml = """
                <configuration><system.serviceModel>
                  <bindings>%s</bindings>
                  <services><service name="IdentityService">
                    <endpoint address="" binding="%s" bindingConfiguration="windows" contract="%s"/>
                  </service></services>
                  <client><endpoint name="identity" address="http://localhost/unused" binding="%2$s"
                      bindingConfiguration="windows" contract="%3$s">%4$s</endpoint></client>
                </system.serviceModel></configuration>
                """.formatted(bindingXml, binding, Identity.class.getName(), clientIdentity);
        return ServiceModelConfigReader.create().read("app.config", xml).orThrow();
    }

    private ServiceHost host(ServiceModelConfiguration config) {
        ServiceHost host = ServiceHost.builder(config, "IdentityService")
                .types(ServiceTypes.empty().map("IdentityService", IdentityService.class))
                .baseAddress(URI.create("http://localhost:0/negotiate"))
                .parameter(KerberosCredentials.class, kdc.credentials("host/localhost")).build();
        opened.add(host);
        host.open();
        return host;
    }

    private Identity client(ServiceModelConfiguration config, ServiceHost host, String principal) {
        ClientEndpoint e = config.clientEndpoint("identity").orElseThrow();
        ClientFactory<Identity> f = ClientFactory.builder(e.withAddress(host.endpoints().get(0).address()),
                Identity.class).parameter(KerberosCredentials.class, kdc.credentials(principal)).build();
        opened.add(f);
        return f.createChannel();
    }

    @Test
    void aCustomBindingsNegotiateSchemeMakesTheKerberosClientTheCaller() {
        ServiceModelConfiguration config = config("customBinding", CUSTOM.formatted("Negotiate"), "");
        ServiceHost host = host(config);
        Identity alice = client(config, host, "alice");
        // a fresh token on every request: no connection affinity, and the JVM's replay cache accepts each
        assertEquals("Kerberos:alice@" + EmbeddedKdc.REALM, alice.whoAmI());
        assertEquals("Kerberos:alice@" + EmbeddedKdc.REALM, alice.whoAmI());
        assertEquals(5.0, alice.add(2, 3));
    }

    @Test
    void aStreamedEndpointAuthenticatesEachRequestOnce() {
        ServiceModelConfiguration config = config("customBinding", "<customBinding><binding name=\"windows\">"
                + "<textMessageEncoding/><httpTransport authenticationScheme=\"Negotiate\" transferMode=\"Streamed\"/>"
                + "</binding></customBinding>", "");
        ServiceHost host = host(config);
        Identity alice = client(config, host, "alice");
        assertEquals("Kerberos:alice@" + EmbeddedKdc.REALM, alice.whoAmI());
        assertEquals("Kerberos:alice@" + EmbeddedKdc.REALM, alice.whoAmI());
    }

    @Test
    void integratedWindowsAuthenticationRunsAsNegotiateWithKerberos() {
        ServiceHost host = host(config("customBinding", CUSTOM.formatted("IntegratedWindowsAuthentication"), ""));
        // WCF's client takes exactly one scheme (HttpClientNeedsOneAuthenticationScheme): it is configured Negotiate
        ServiceModelConfiguration client = config("customBinding", CUSTOM.formatted("Negotiate"), "");
        assertEquals("Kerberos:bob@" + EmbeddedKdc.REALM, client(client, host, "bob").whoAmI());
    }

    @Test
    void basicHttpBindingTransportCredentialOnlyWithWindowsCredentialsRunsAsNegotiate() {
        ServiceModelConfiguration config = config("basicHttpBinding", BASIC_HTTP,
                "<identity><servicePrincipalName value=\"host/localhost\"/></identity>");
        ServiceHost host = host(config);
        assertEquals("Kerberos:alice@" + EmbeddedKdc.REALM, client(config, host, "alice").whoAmI());
    }

    @Test
    void aRequestWithoutOrWithABadOrReplayedTokenIsAnswered401NegotiateAndTheServiceAuthenticatesItself()
            throws Exception {
        ServiceModelConfiguration config = config("customBinding", CUSTOM.formatted("Negotiate"), "");
        ServiceHost host = host(config);
        URI uri = host.endpoints().get(0).address();
        String ntlmNegotiate = "Negotiate " + Base64.getEncoder().encodeToString(
                "NTLMSSP\0\1\0\0\0\7\u00b2\0\0".getBytes(StandardCharsets.ISO_8859_1));
        for (String authorization : new String[] {null, "Negotiate", "Negotiate !!!", "Negotiate "
                + Base64.getEncoder().encodeToString("not a token".getBytes(StandardCharsets.UTF_8)), ntlmNegotiate,
                "Basic " + Base64.getEncoder().encodeToString("alice:pw".getBytes(StandardCharsets.UTF_8))}) {
            RawHttp.Response r = post(uri, authorization);
            assertEquals(401, r.status(), String.valueOf(authorization));
            assertEquals("Negotiate", r.header("WWW-Authenticate"), String.valueOf(authorization));
        }
        SpnegoHandshake alice = SpnegoHandshake.initiator(kdc.credentials("alice"), "host/localhost", uri.toString(),
                false);
        String token = "Negotiate " + Base64.getEncoder().encodeToString(alice.step(new byte[0]));
        RawHttp.Response accepted = post(uri, token);
        assertNotEquals(401, accepted.status()); // through to the service (an empty body: its fault)
        String mutual = accepted.header("WWW-Authenticate");
        assertTrue(mutual != null && mutual.startsWith("Negotiate "), String.valueOf(mutual));
        alice.step(Base64.getDecoder().decode(mutual.substring("Negotiate ".length())));
        assertTrue(alice.complete(), "the service's token completes the client's context: it proved host/localhost");
        RawHttp.Response replayed = post(uri, token);
        assertEquals(401, replayed.status(), "a replayed token");
        assertEquals("Negotiate", replayed.header("WWW-Authenticate"));
    }

    private static RawHttp.Response post(URI uri, String authorization) throws Exception {
        try (RawHttp raw = RawHttp.to(uri)) {
            String head = "POST " + uri.getPath() + " HTTP/1.1\r\nHost: localhost\r\nContent-Type:"
                    + " application/soap+xml; charset=utf-8" + (authorization == null ? ""
                            : "\r\nAuthorization: " + authorization);
            return raw.exchange(head, ENVELOPE.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aServicePrincipalTheKdcDoesNotKnowFailsAtTheClientNamingItAndNtlm() {
        ServiceModelConfiguration config = config("customBinding", CUSTOM.formatted("Negotiate"),
                "<identity><servicePrincipalName value=\"HTTP/nowhere.example.com\"/></identity>");
        ServiceHost host = host(config);
        MessageSecurityException e = assertThrows(MessageSecurityException.class,
                () -> client(config, host, "alice").whoAmI());
        assertTrue(e.getMessage().startsWith("The HTTP request to '" + host.endpoints().get(0).address()
                + "' cannot be authenticated with Negotiate: The Kerberos negotiation of 'alice@" + EmbeddedKdc.REALM
                + "' for the service principal 'HTTP/nowhere.example.com' failed"), e.getMessage());
        assertTrue(e.getMessage().contains("NTLM"), e.getMessage());
    }

    @Test
    void aTicketForAnotherServicePrincipalIsRefusedWithWcfsText() {
        kdc.credentials("host/elsewhere");
        ServiceModelConfiguration config = config("customBinding", CUSTOM.formatted("Negotiate"),
                "<identity><servicePrincipalName value=\"host/elsewhere\"/></identity>");
        ServiceHost host = host(config);
        MessageSecurityException e = assertThrows(MessageSecurityException.class,
                () -> client(config, host, "alice").whoAmI());
        assertEquals(WcfText.HttpAuthorizationFailed.format("Negotiate", "Negotiate"), e.getMessage());
    }

    @Test
    void aResponseThatDoesNotProveTheServiceIsRefusedWithWcfsMutualAuthenticationText() throws Exception {
        kdc.credentials("host/localhost");
        List<String> authorizations = new CopyOnWriteArrayList<>();
        List<String> challenges = List.of("", "Negotiate " + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}));
        AtomicInteger next = new AtomicInteger();
        HttpServer impostor = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        impostor.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.getRequestBody().readAllBytes();
            String challenge = challenges.get(next.getAndIncrement() % challenges.size());
            if (!challenge.isEmpty()) {
                exchange.getResponseHeaders().add("WWW-Authenticate", challenge);
            }
            byte[] body = ENVELOPE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/soap+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        impostor.start();
        try {
            ServiceModelConfiguration config = config("customBinding", CUSTOM.formatted("Negotiate"), "");
            ClientEndpoint e = config.clientEndpoint("identity").orElseThrow().withAddress(URI.create(
                    "http://localhost:" + impostor.getAddress().getPort() + "/negotiate"));
            ClientFactory<Identity> f = ClientFactory.builder(e, Identity.class)
                    .parameter(KerberosCredentials.class, kdc.credentials("alice")).build();
            opened.add(f);
            for (int i = 0; i < challenges.size(); i++) {
                Identity alice = f.createChannel();
                SecurityNegotiationException refused = assertThrows(SecurityNegotiationException.class,
                        alice::whoAmI);
                assertEquals(WcfText.HttpMutualAuthNotSatisfied.format(), refused.getMessage());
                assertTrue(refused.getCause().getMessage().contains("did not prove itself as 'host/localhost'"),
                        refused.getCause().getMessage());
            }
            assertEquals(2, authorizations.size());
            for (String sent : authorizations) {
                assertTrue(sent.startsWith("Negotiate "), "the token goes with the first request: " + sent);
            }
        } finally {
            impostor.stop(0);
        }
    }

    @Test
    void ntlmAloneIsRefusedByNameAndAServiceWithoutKerberosDoesNotOpen() {
        ServiceHost ntlm = ServiceHost.builder(config("customBinding", CUSTOM.formatted("Ntlm"), ""),
                        "IdentityService")
                .types(ServiceTypes.empty().map("IdentityService", IdentityService.class))
                .baseAddress(URI.create("http://localhost:0/ntlm"))
                .parameter(KerberosCredentials.class, kdc.credentials("host/localhost")).build();
        opened.add(ntlm);
        RuntimeException refused = assertThrows(RuntimeException.class, ntlm::open);
        assertTrue(refused.getMessage().contains("NTLM cannot be verified by a JVM without a domain controller"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains(KerberosCredentials.SETTING), refused.getMessage());

        String saved = System.getProperty(KerberosCredentials.SETTING);
        System.clearProperty(KerberosCredentials.SETTING);
        try {
            ServiceHost unconfigured = ServiceHost.builder(config("customBinding", CUSTOM.formatted("Negotiate"), ""),
                            "IdentityService")
                    .types(ServiceTypes.empty().map("IdentityService", IdentityService.class))
                    .baseAddress(URI.create("http://localhost:0/nokerberos")).build();
            opened.add(unconfigured);
            RuntimeException e = assertThrows(RuntimeException.class, unconfigured::open);
            assertTrue(String.valueOf(e.getMessage()).contains("no Kerberos identity is configured")
                    || String.valueOf(e.getCause()).contains("no Kerberos identity is configured"), e.toString());
        } finally {
            if (saved != null) {
                System.setProperty(KerberosCredentials.SETTING, saved);
            }
        }
    }
}
