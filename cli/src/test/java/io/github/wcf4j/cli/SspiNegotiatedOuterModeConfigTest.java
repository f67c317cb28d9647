package io.github.wcf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * SSPI negotiation as the outer mode from unchanged configurations, against the embedded KDC over HTTP:
 * wsHttpBinding's {@code Message} security with {@code clientCredentialType="Windows"}, negotiation on (the default)
 * and {@code establishSecurityContext="false"} (WCF's {@code CreateSspiNegotiationBindingElement}), and a custom
 * binding's {@code <security authenticationMode="SspiNegotiated"/>}: one SPNEGO exchange, then the calls secured with
 * its token.
 */
class SspiNegotiatedOuterModeConfigTest {

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static final String WS_HTTP = """
            <configuration><system.serviceModel>
              <bindings><wsHttpBinding><binding name="windows">
                <security mode="Message"><message clientCredentialType="Windows" establishSecurityContext="false"/>
                </security>
              </binding></wsHttpBinding></bindings>
              <services><service name="IdentityService">
                <endpoint address="" binding="wsHttpBinding" bindingConfiguration="windows" contract="%1$s"/>
              </service></services>
              <client><endpoint name="identity" address="http://localhost/unused" binding="wsHttpBinding"
                  bindingConfiguration="windows" contract="%1$s">
                  <identity><servicePrincipalName value="host/localhost"/></identity></endpoint>
              </client>
            </system.serviceModel></configuration>
            """.formatted(Identity.class.getName());

    private static final String CUSTOM = """
            <configuration><system.serviceModel>
              <bindings><customBinding><binding name="sspi">
                <security authenticationMode="SspiNegotiated" requireSecurityContextCancellation="false"/>
                <textMessageEncoding/><httpTransport/>
              </binding></customBinding></bindings>
              <services><service name="IdentityService">
                <endpoint address="" binding="customBinding" bindingConfiguration="sspi" contract="%1$s"/>
              </service></services>
              <client><endpoint name="identity" address="http://localhost/unused" binding="customBinding"
                  bindingConfiguration="sspi" contract="%1$s"/></client>
            </system.serviceModel></configuration>
            """.formatted(Identity.class.getName());

    /** Hosts the configuration's service, calls it three times as alice and returns what went over the wire. */
    private static List<String> run(String config) throws Exception {
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
            ClientFactory<Identity> f = ClientFactory.builder(at, Identity.class)
                    .parameter(KerberosCredentials.class, kdc.credentials("alice"))
                    .parameter(WireTap.class, (direction, envelope, type) -> wire.add(direction + " "
                            + new String(envelope, StandardCharsets.UTF_8))).build();
            try {
                Identity id = f.createChannel();
                assertEquals("Kerberos:alice@" + EmbeddedKdc.REALM, id.whoAmI());
                assertEquals(5.0, id.add(2, 3));
                assertEquals(7.0, id.add(3, 4));
                f.close(id);
            } finally {
                f.abort();
            }
        }
        return wire;
    }

    private static void assertOneNegotiationThenCalls(List<String> wire) {
        List<String> legs = wire.stream().filter(m -> m.contains("<t:BinaryExchange")).toList();
        assertEquals(2, legs.size(), "the RST with the NegTokenInit and the final RSTRC: " + legs);
        assertTrue(legs.get(0).contains("ValueType=\"http://schemas.xmlsoap.org/ws/2005/02/trust/spnego\""),
                legs.get(0));
        assertTrue(wire.stream().anyMatch(m -> m.contains("#GSS_Wrap") && m.contains("<t:CombinedHash>")));
        List<String> calls = wire.stream().filter(m -> m.contains("IIdentity/")).toList();
        assertEquals(6, calls.size(), "three calls and their replies: " + calls);
        assertTrue(calls.stream().filter(m -> !m.contains("Response")).allMatch(m -> m.contains(
                "<c:SecurityContextToken") && m.contains("<e:EncryptedData")), "each call carries the token");
        assertFalse(wire.stream().anyMatch(m -> m.contains("/RST/SCT") || m.contains("GSS_Kerberosv5_AP_REQ")),
                "no secure conversation, no Kerberos token profile");
    }

    @Test
    void wsHttpBindingWindowsWithNegotiationAndNoSecurityContextIsTheSspiOuterMode() throws Exception {
        ServiceModelConfiguration read = ServiceModelConfigReader.create().read("app.config", WS_HTTP).orThrow();
        SecurityBindingElement security = read.services().get(0).endpoints().get(0).binding().createBindingElements()
                .stream().filter(SecurityBindingElement.class::isInstance).map(SecurityBindingElement.class::cast)
                .findFirst().orElseThrow();
        assertEquals(AuthenticationMode.SspiNegotiated, security.authenticationMode());
        assertTrue(security.secureConversationBootstrap().isEmpty());
        List<String> wire = run(WS_HTTP);
        assertOneNegotiationThenCalls(wire);
        assertFalse(wire.stream().anyMatch(m -> m.contains("<dnse:Cookie")),
                "wsHttpBinding's requireSecurityContextCancellation: the service keeps the token");
    }

    @Test
    void aCustomBindingsSspiNegotiatedModeRunsInCookieMode() throws Exception {
        List<String> wire = run(CUSTOM);
        assertOneNegotiationThenCalls(wire);
        assertTrue(wire.stream().filter(m -> m.contains("IIdentity/WhoAmI<")).allMatch(m -> m.contains(
                "<dnse:Cookie")), "requireSecurityContextCancellation=false: the token carries its state");
    }
}
