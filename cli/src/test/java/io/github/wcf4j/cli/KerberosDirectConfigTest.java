package io.github.wcf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.config.ServiceModelConfigReader;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.security.EmbeddedKdc;
import io.github.wcf4j.runtime.security.KerberosCredentials;
import io.github.wcf4j.runtime.security.message.Identity;
import io.github.wcf4j.runtime.security.message.IdentityService;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.transport.WireTap;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The Kerberos token profile from unchanged configurations, against the embedded KDC over HTTP: wsHttpBinding's
 * {@code Message} security with {@code clientCredentialType="Windows" negotiateServiceCredential="false"} (WCF expands
 * it to {@code Kerberos}, with KerberosDefault = Basic128 since no {@code algorithmSuite} is written, in a secure
 * conversation when {@code establishSecurityContext}), and a custom binding's {@code authenticationMode="Kerberos"};
 * {@code <clientCredentials><windows allowedImpersonationLevel>} reaches the ticket.
 */
class KerberosDirectConfigTest {

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String wsHttp(boolean context, String level) {
        return """
                <configuration><system.serviceModel>
                  <bindings><wsHttpBinding><binding name="kerberos">
                    <security mode="Message"><message clientCredentialType="Windows"
                        negotiateServiceCredential="false" establishSecurityContext="%3$s"/></security>
                  </binding></wsHttpBinding></bindings>
                  <behaviors><endpointBehaviors><behavior name="client"><clientCredentials>
                    <windows allowedImpersonationLevel="%4$s"/>
                  </clientCredentials></behavior></endpointBehaviors></behaviors>
                  <services><service name="IdentityService">
                    <endpoint address="" binding="wsHttpBinding" bindingConfiguration="kerberos" contract="%1$s"/>
                  </service></services>
                  <client><endpoint name="identity" address="http://localhost/unused" binding="wsHttpBinding"
                      bindingConfiguration="kerberos" behaviorConfiguration="client" contract="%1$s">
                      <identity><servicePrincipalName value="host/localhost"/></identity></endpoint>
                  </client>
                </system.serviceModel></configuration>
                """.formatted(Identity.class.getName(), EmbeddedKdc.REALM, context, level);
    }

    private static String custom() {
        return """
                <configuration><system.serviceModel>
                  <bindings><customBinding><binding name="kerberos">
                    <security authenticationMode="Kerberos"/>
                    <textMessageEncoding/><httpTransport/>
                  </binding></customBinding></bindings>
                  <services><service name="IdentityService">
                    <endpoint address="" binding="customBinding" bindingConfiguration="kerberos" contract="%1$s"/>
                  </service></services>
                  <client><endpoint name="identity" address="http://localhost/unused" binding="customBinding"
                      bindingConfiguration="kerberos" contract="%1$s"/></client>
                </system.serviceModel></configuration>
                """.formatted(Identity.class.getName());
    }

    /** Hosts the configuration's service, calls it as alice and returns what went over the wire. */
    private static List<String> run(String config, boolean expectRefusal) throws Exception {
        ServiceModelConfiguration read = ServiceModelConfigReader.create().read("app.config", config).orThrow();
        EmbeddedKdc kdc = EmbeddedKdc.shared();
        List<String> wire = new CopyOnWriteArrayList<>();
        try (ServiceHost host = ServiceHost.builder(read, "IdentityService")
                .types(ServiceTypes.empty().map("IdentityService", IdentityService.class))
                .baseAddress(URI.create("http://localhost:" + freePort() + "/identity"))
                .parameter(KerberosCredentials.class, kdc.credentials("host/localhost")).build()) {
            host.open();
            ClientEndpoint at = read.clientEndpoint("identity").orElseThrow()
                    .withAddress(host.endpoints().get(0).address());
            var builder = ClientFactory.builder(at, Identity.class)
                    .parameter(KerberosCredentials.class, kdc.credentials("alice"))
                    .parameter(WireTap.class, (direction, envelope, type) -> wire.add(new String(envelope,
                            java.nio.charset.StandardCharsets.UTF_8)));
            if (expectRefusal) {
                RuntimeException e = assertThrows(RuntimeException.class, () -> {
                    try (ClientFactory<Identity> refused = builder.build()) {
                        refused.createChannel().whoAmI();
                    }
                });
                wire.add("refused: " + messages(e));
                return wire;
            }
            ClientFactory<Identity> f = builder.build();
            try {
                Identity id = f.createChannel();
                assertEquals("Kerberos:alice@" + EmbeddedKdc.REALM, id.whoAmI());
                assertEquals(5.0, id.add(2, 3));
                f.close(id);
            } finally {
                f.abort();
            }
        }
        return wire;
    }

    @ParameterizedTest(name = "establishSecurityContext={0}")
    @ValueSource(booleans = {false, true})
    void wsHttpBindingWindowsWithoutNegotiationIsTheKerberosTokenProfile(boolean context) throws Exception {
        ServiceModelConfiguration read = ServiceModelConfigReader.create().read("app.config",
                wsHttp(context, "Identification")).orThrow();
        List<BindingElement> elements = read.services().get(0).endpoints().get(0).binding().createBindingElements();
        SecurityBindingElement security = elements.stream().filter(SecurityBindingElement.class::isInstance)
                .map(SecurityBindingElement.class::cast).findFirst().orElseThrow();
        SecurityBindingElement kerberos = context ? security.secureConversationBootstrap().orElseThrow() : security;
        assertEquals(AuthenticationMode.Kerberos, kerberos.authenticationMode());
        assertEquals("Basic128", kerberos.defaultAlgorithmSuite(), "KerberosDefault: no algorithmSuite written");
        assertEquals("Basic128", security.defaultAlgorithmSuite(), "on both levels");
        List<String> wire = run(wsHttp(context, "Identification"), false);
        String first = wire.get(0);
        assertTrue(first.contains("#GSS_Kerberosv5_AP_REQ"), first);
        assertTrue(first.contains("xmlenc#aes128-cbc"), first);
        assertTrue(wire.stream().anyMatch(m -> m.contains("#Kerberosv5APREQSHA1")), "a reply names the ticket");
        if (context) {
            assertTrue(first.contains("/trust/RST/SCT<"), first);
            assertTrue(wire.stream().anyMatch(m -> m.contains("IIdentity/WhoAmI<") && m.contains(
                    "<c:SecurityContextToken") && !m.contains("BinarySecurityToken")), "calls by the context");
        } else {
            assertFalse(wire.stream().anyMatch(m -> m.contains("RST/SCT")), "no security context");
        }
    }

    @Test
    void aCustomBindingsKerberosModeRunsWithItsFactorysSuite() throws Exception {
        ServiceModelConfiguration read = ServiceModelConfigReader.create().read("app.config", custom()).orThrow();
        SecurityBindingElement security = (SecurityBindingElement) read.services().get(0).endpoints().get(0).binding()
                .createBindingElements().get(0);
        assertEquals("Basic128", security.defaultAlgorithmSuite(), "CreateKerberosBindingElement's KerberosDefault");
        List<String> wire = run(custom(), false);
        assertTrue(wire.get(0).contains("#GSS_Kerberosv5_AP_REQ") && wire.get(0).contains("aes128-cbc"),
                wire.get(0));
    }

    @Test
    void delegationFromTheConfigurationIsRefusedByTheKerberosTokenProfile() throws Exception {
        List<String> wire = run(wsHttp(false, "Delegation"), true);
        String refusal = wire.get(wire.size() - 1);
        assertTrue(refusal.contains("allowedImpersonationLevel=\"Delegation\""), refusal);
        assertFalse(wire.stream().anyMatch(m -> m.contains("GSS_Kerberosv5_AP_REQ")), "nothing sent");
    }

    private static String messages(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = e; c != null; c = c.getCause()) {
            b.append(c.getMessage()).append(" | ");
        }
        return b.toString();
    }
}
