package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.runtime.security.MessageSecurityException;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.stack.UnsupportedBindingException;
import io.github.wcf4j.runtime.transport.http.SelfSignedKeyStore;
import io.github.wcf4j.runtime.transport.http.TlsSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    @TempDir
    static Path dir;
    static TlsSettings tls;
    static X509Credential client;

    private final List<AutoCloseable> opened = new ArrayList<>();

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
        ServiceHost host = ServiceHost.builder(new ServiceDescription(SERVICE, Optional.empty(), List.of(), List.of(
                new ServiceEndpoint("", "", binding.sectionName(), "", binding, CONTRACT, Optional.empty(),
                        Optional.empty(), Optional.empty(), List.of(), Optional.empty()))))
                .types(ServiceTypes.empty().map(SERVICE, IdentityService.class))
                .baseAddress(URI.create("https://localhost:0/secure")).parameter(TlsSettings.class, tls)
                .credentials(ServiceCredentials.defaults().withUserNameValidator((u, p) -> {
                    if (!p.equals(u + "-pw")) {
                        throw new SecurityTokenValidationException("bad password");
                    }
                }).withClientCertificateAuthentication(X509CertificateAuthentication.peerTrust(
                        List.of(client.certificate())))).build();
        opened.add(host);
        host.open();
        ClientFactory<Identity> f = ClientFactory.builder(new ClientEndpoint("", host.endpoints().get(0).address(),
                binding.sectionName(), "", binding, CONTRACT, Optional.empty(), Optional.empty(), List.of(),
                Optional.empty()), Identity.class).parameter(TlsSettings.class, tls).credentials(credentials).build();
        opened.add(f);
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

    /**
     * wsHttpBinding's default TransportWithMessageCredential (establishSecurityContext="true") is a secure conversation
     * over UserNameOverTransport / CertificateOverTransport: a security session over HTTPS request/reply.
     */
    @Test
    void wsHttpBindingsDefaultSecureConversationRunsOverHttps() {
        for (WsHttpBinding.Flavor flavor : List.of(WsHttpBinding.Flavor.WS_HTTP, WsHttpBinding.Flavor.WS_2007_HTTP)) {
            Identity carol = run(wsHttp(flavor, MessageCredentialType.UserName, true),
                    ClientCredentials.userName("carol", "carol-pw"));
            assertEquals("UserName:carol", carol.whoAmI());
            assertEquals("UserName:carol", carol.whoAmI());
            assertTrue(run(wsHttp(flavor, MessageCredentialType.Certificate, true),
                    ClientCredentials.certificate(client)).whoAmI().startsWith("X509:"));
        }
    }
}
