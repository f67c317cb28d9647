package io.github.wcf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.config.ServiceModelConfigReader;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import io.github.wcf4j.runtime.security.message.ClientCredentials;
import io.github.wcf4j.runtime.security.message.Identity;
import io.github.wcf4j.runtime.security.message.IdentityService;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.service.ServiceHostException;
import io.github.wcf4j.runtime.stack.UnsupportedBindingException;
import io.github.wcf4j.runtime.transport.http.RawHttp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP Basic authentication from unchanged configurations: basicHttpBinding {@code TransportCredentialOnly} with
 * {@code <transport clientCredentialType="Basic"/>} and a customBinding's {@code httpTransport
 * authenticationScheme="Basic"}, the service checking callers with its {@code userNameAuthentication} validator, the
 * client sending the user name its code sets; on the wire, the 401 challenge with the configured realm, and WCF's
 * texts at the client.
 */
class HttpBasicAuthenticationTest {
    private static final String VALIDATOR = "Contoso.Security.PasswordValidator";
    private static final String VALIDATION = "<serviceCredentials><userNameAuthentication"
            + " userNamePasswordValidationMode=\"Custom\" customUserNamePasswordValidatorType=\"" + VALIDATOR
            + ", Contoso\"/></serviceCredentials>";

    @TempDir
    Path dir;
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    private static String config(String binding, String bindingXml, String serviceCredentials) {
        return """
                <configuration><system.serviceModel>
                  <bindings>%s</bindings>
                  <behaviors><serviceBehaviors><behavior name="service">%s</behavior></serviceBehaviors></behaviors>
                  <services><service name="IdentityService" behaviorConfiguration="service">
                    <endpoint address="" binding="%s" bindingConfiguration="basic" contract="%s"/>
                  </service></services>
                  <client><endpoint name="identity" address="http://localhost/unused" binding="%3$s"
                      bindingConfiguration="basic" contract="%4$s"/></client>
                </system.serviceModel></configuration>
                """.formatted(bindingXml, serviceCredentials, binding, Identity.class.getName());
    }

    private static final String BASIC_HTTP = "<basicHttpBinding><binding name=\"basic\"><security"
            + " mode=\"TransportCredentialOnly\"><transport clientCredentialType=\"Basic\"/></security></binding>"
            + "</basicHttpBinding>";
    private static final String CUSTOM = "<customBinding><binding name=\"basic\"><textMessageEncoding/>"
            + "<httpTransport authenticationScheme=\"Basic\" realm=\"calculators\"/></binding></customBinding>";

    private static ServiceModelConfiguration read(String xml) {
        return ServiceModelConfigReader.create().read("app.config", xml).orThrow();
    }

    private ServiceHost host(ServiceModelConfiguration config) {
        ServiceHost host = ServiceHost.builder(config, "IdentityService")
                .types(ServiceTypes.empty().map("IdentityService", IdentityService.class)
                        .map(VALIDATOR, TestPasswordValidator.class))
                .baseAddress(URI.create("http://localhost:0/basic")).build();
        opened.add(host);
        host.open();
        return host;
    }

    private Identity client(ServiceModelConfiguration config, ServiceHost host, ClientCredentials credentials) {
        ClientEndpoint e = config.clientEndpoint("identity").orElseThrow();
        ClientEndpoint at = e.withAddress(host.endpoints().get(0).address());
        ClientFactory<Identity> f = ClientFactory.builder(at, Identity.class).credentials(credentials).build();
        opened.add(f);
        return f.createChannel();
    }

    @Test
    void basicHttpBindingTransportCredentialOnlyAuthenticatesTheCallerByItsValidator() {
        ServiceModelConfiguration config = read(config("basicHttpBinding", BASIC_HTTP, VALIDATION));
        ServiceHost host = host(config);
        assertEquals("UserName:bob", client(config, host, ClientCredentials.userName("bob", "bob-pw")).whoAmI());
        MessageSecurityException wrong = assertThrows(MessageSecurityException.class,
                () -> client(config, host, ClientCredentials.userName("bob", "guess")).whoAmI());
        assertEquals(WcfText.HttpAuthorizationFailed.format("Basic", "Basic realm=\"\""), wrong.getMessage());
    }

    @Test
    void aRequestWithoutOrWithMalformedCredentialsGetsTheChallengeOfTheConfiguredRealm() throws Exception {
        ServiceModelConfiguration config = read(config("customBinding", CUSTOM, VALIDATION));
        ServiceHost host = host(config);
        URI uri = host.endpoints().get(0).address();
        assertEquals("UserName:alice", client(config, host, ClientCredentials.userName("alice", "alice-pw"))
                .whoAmI());
        String envelope = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body/></s:Envelope>";
        for (String authorization : new String[] {null, "Basic !!!", "Basic " + Base64.getEncoder()
                .encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)), "Bearer abc"}) {
            try (RawHttp raw = RawHttp.to(uri)) {
                String head = "POST " + uri.getPath() + " HTTP/1.1\r\nHost: localhost\r\nContent-Type:"
                        + " application/soap+xml; charset=utf-8" + (authorization == null ? ""
                                : "\r\nAuthorization: " + authorization);
                RawHttp.Response r = raw.exchange(head, envelope.getBytes(StandardCharsets.UTF_8));
                assertEquals(401, r.status(), String.valueOf(authorization));
                assertEquals("Basic realm=\"calculators\"", r.header("WWW-Authenticate"));
            }
        }
        MessageSecurityException e = assertThrows(MessageSecurityException.class,
                () -> client(config, host, ClientCredentials.userName("alice", "guess")).whoAmI());
        assertEquals(WcfText.HttpAuthorizationFailed.format("Basic", "Basic realm=\"calculators\""), e.getMessage());
    }

    @Test
    void aServiceWhoseUserNamesWindowsWouldCheckDoesNotOpen() {
        ServiceHost host = ServiceHost.builder(read(config("basicHttpBinding", BASIC_HTTP, "")), "IdentityService")
                .types(ServiceTypes.empty().map("IdentityService", IdentityService.class))
                .baseAddress(URI.create("http://localhost:0/basic")).build();
        opened.add(host);
        RuntimeException e = assertThrows(RuntimeException.class, host::open);
        assertTrue(e instanceof ServiceHostException || e instanceof UnsupportedBindingException, e.toString());
        assertTrue(e.getMessage().contains("userNamePasswordValidationMode=\"Windows\""), e.getMessage());
    }

    @Test
    void aClientWithoutAUserNameSendsNothing() {
        ServiceModelConfiguration config = read(config("customBinding", CUSTOM, VALIDATION));
        ServiceHost host = host(config);
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> client(config, host, ClientCredentials.none()).whoAmI());
        assertTrue(String.valueOf(e.getMessage()).contains("user name and password are not set")
                || String.valueOf(e.getCause()).contains("user name and password are not set"), e.toString());
    }

    @Test
    void validateSaysBasicRunsAndNtlmIsRefusedByName() throws Exception {
        Path basic = Files.writeString(dir.resolve("basic.config"), config("basicHttpBinding", BASIC_HTTP,
                VALIDATION));
        CliRun runs = CliRun.of("validate", "--type", VALIDATOR + "=" + TestPasswordValidator.class.getName(),
                basic.toString());
        assertEquals(ExitCodes.OK, runs.exitCode(), runs.out() + runs.err());
        Path ntlm = Files.writeString(dir.resolve("ntlm.config"), config("basicHttpBinding",
                BASIC_HTTP.replace("\"Basic\"", "\"Ntlm\""), VALIDATION));
        CliRun refused = CliRun.of("validate", "--config-only", ntlm.toString());
        assertEquals(ExitCodes.NOT_RUNNABLE, refused.exitCode(), refused.out() + refused.err());
        assertTrue(refused.out().contains("NTLM cannot be verified by a JVM"), refused.out());
    }
}
