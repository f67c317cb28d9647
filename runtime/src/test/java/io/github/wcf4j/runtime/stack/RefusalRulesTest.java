package io.github.wcf4j.runtime.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.address.AddressHeader;
import io.github.wcf4j.binding.address.EndpointIdentity;
import io.github.wcf4j.binding.description.AspNetDenyRule;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.description.ServiceHostingEnvironment;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.oneway.ChannelPoolSettings;
import io.github.wcf4j.binding.oneway.OneWayBindingElement;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.binding.stack.Side;
import io.github.wcf4j.binding.standard.NetHttpBinding;
import io.github.wcf4j.binding.standard.UnsupportedBinding;
import io.github.wcf4j.binding.transport.AuthenticationScheme;
import io.github.wcf4j.binding.transport.HostNameComparisonMode;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.binding.transport.HttpsTransportBindingElement;
import io.github.wcf4j.binding.transport.TcpTransportBindingElement;
import io.github.wcf4j.binding.transport.TransferMode;
import io.github.wcf4j.binding.transport.WebSocketTransportUsage;
import io.github.wcf4j.runtime.InMemoryFixture;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.service.EndpointRefusals;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What wcf4j cannot run is refused by name before anything is built, on the sides it concerns, and the same rules
 * give {@code validate} its verdict ({@link ChannelStackBuilder#refusals}, {@link EndpointRefusals}).
 */
class RefusalRulesTest {
    private final InMemoryFixture net = new InMemoryFixture();
    private final ChannelStackBuilder builder = ChannelStackBuilder.standard();

    private static Binding http(HttpTransportBindingElement transport) {
        return CustomBinding.of("b", TextMessageEncodingBindingElement.defaults(), transport);
    }

    @Test
    void ntlmAndMixedHttpAuthenticationSchemesAreRefusedOnBothSidesNeverServedAnonymously() {
        for (AuthenticationScheme scheme : List.of(AuthenticationScheme.Ntlm)) {
            Binding b = http(HttpTransportBindingElement.builder().authenticationScheme(Set.of(scheme)).build());
            UnsupportedBindingException listener = assertThrows(UnsupportedBindingException.class, () ->
                    builder.buildListener(b, ChannelType.REPLY, net.parameters()));
            assertEquals("httpTransport/@authenticationScheme", listener.element());
            assertTrue(listener.getMessage().startsWith("authenticationScheme=\"" + scheme + "\""),
                    listener.getMessage());
            assertThrows(UnsupportedBindingException.class, () ->
                    builder.buildFactory(b, ChannelType.REQUEST, net.parameters()));
        }
        Binding ntlm = http(HttpTransportBindingElement.builder().authenticationScheme(
                Set.of(AuthenticationScheme.Ntlm)).build());
        assertTrue(builder.refusals(ntlm, Side.CLIENT).get(0).message().contains("NTLM cannot be verified by a JVM"
                + " without a domain controller"), builder.refusals(ntlm, Side.CLIENT).toString());
        Binding both = http(HttpTransportBindingElement.builder().authenticationScheme(
                Set.of(AuthenticationScheme.Negotiate, AuthenticationScheme.Anonymous)).build());
        assertEquals("authenticationScheme=\"Anonymous, Negotiate\": of HTTP authentication wcf4j runs Basic (checked by the service's userNameAuthentication validator), Digest, and Negotiate/IntegratedWindowsAuthentication (Kerberos) only yet; other combinations of schemes are not implemented, so this endpoint is refused rather than served or called without the authentication its configuration demands.",
                builder.refusals(both, Side.SERVICE).get(0).message());
        Binding basicOrAnonymous = http(HttpTransportBindingElement.builder().authenticationScheme(
                Set.of(AuthenticationScheme.Basic, AuthenticationScheme.Anonymous)).build());
        assertEquals(1, builder.refusals(basicOrAnonymous, Side.SERVICE).size(), "Basic or anonymous is refused");
        for (Set<AuthenticationScheme> runs : List.of(Set.of(AuthenticationScheme.Negotiate),
                Set.of(AuthenticationScheme.Negotiate, AuthenticationScheme.Ntlm))) {
            assertEquals(List.of(), builder.refusals(http(HttpTransportBindingElement.builder()
                    .authenticationScheme(runs).build()), Side.SERVICE), "Negotiate and IntegratedWindowsAuthentication"
                    + " run");
        }
    }

    @Test
    void digestRunsWithTheServicesPasswordsAndTheClientsUserNameNeverAnonymously() {
        Binding b = http(HttpTransportBindingElement.builder()
                .authenticationScheme(Set.of(AuthenticationScheme.Digest)).build());
        assertEquals(List.of(), builder.refusals(b, Side.SERVICE));
        IllegalStateException listener = assertThrows(IllegalStateException.class, () ->
                builder.buildListener(b, ChannelType.REPLY, net.parameters()));
        assertTrue(listener.getMessage().contains("no HttpDigestPasswords binding parameter"), listener.getMessage());
        assertEquals(List.of(), builder.refusals(b, Side.CLIENT));
        IllegalStateException factory = assertThrows(IllegalStateException.class, () ->
                builder.buildFactory(b, ChannelType.REQUEST, net.parameters()));
        assertTrue(factory.getMessage().contains("user name and password are not set"), factory.getMessage());
    }

    @Test
    void basicRunsOnlyWithAValidatorAndAUserNameNeverAnonymously() {
        Binding b = http(HttpTransportBindingElement.builder()
                .authenticationScheme(Set.of(AuthenticationScheme.Basic)).build());
        assertTrue(builder.refusals(b, Side.SERVICE).isEmpty());
        IllegalStateException listener = assertThrows(IllegalStateException.class, () ->
                builder.buildListener(b, ChannelType.REPLY, net.parameters()));
        assertTrue(listener.getMessage().contains("the service has no user name validator"), listener.getMessage());
        IllegalStateException factory = assertThrows(IllegalStateException.class, () ->
                builder.buildFactory(b, ChannelType.REQUEST, net.parameters()));
        assertTrue(factory.getMessage().contains("user name and password are not set"), factory.getMessage());
    }

    @Test
    void httpsAsksTheSameOfItsHttpSettings() {
        Binding b = CustomBinding.of("s", TextMessageEncodingBindingElement.defaults(),
                new HttpsTransportBindingElement(HttpTransportBindingElement.builder()
                        .authenticationScheme(Set.of(AuthenticationScheme.Ntlm)).build(), false));
        List<Refusal> refused = builder.refusals(b, Side.CLIENT);
        assertEquals(1, refused.size());
        assertEquals("httpsTransport/@authenticationScheme", refused.get(0).setting());
        assertThrows(UnsupportedBindingException.class, () ->
                builder.buildFactory(b, ChannelType.REQUEST, net.parameters()));
    }

    @Test
    void netTcpsExactHostNameComparisonIsRefusedOnTheServiceAlone() {
        TcpTransportBindingElement d = TcpTransportBindingElement.defaults();
        TcpTransportBindingElement exact = new TcpTransportBindingElement(d.manualAddressing(), d.maxBufferPoolSize(),
                d.maxReceivedMessageSize(), d.connectionBufferSize(), HostNameComparisonMode.Exact,
                d.channelInitializationTimeout(), d.maxBufferSize(), d.maxPendingConnections(), d.maxOutputDelay(),
                d.maxPendingAccepts(), d.transferMode(), d.listenBacklog(), d.portSharingEnabled(), d.teredoEnabled(),
                d.connectionPoolSettings());
        Binding b = CustomBinding.of("t", TextMessageEncodingBindingElement.defaults(), exact);
        List<Refusal> service = builder.refusals(b, Side.SERVICE);
        assertEquals(1, service.size(), service.toString());
        assertEquals("tcpTransport/@hostNameComparisonMode", service.get(0).setting());
        assertTrue(builder.refusals(b, Side.CLIENT).isEmpty());
    }

    @Test
    void proxyAuthenticationConcernsTheClientAlone() {
        Binding b = http(HttpTransportBindingElement.builder()
                .proxyAuthenticationScheme(AuthenticationScheme.Ntlm).build());
        assertEquals(List.of("httpTransport/@proxyAuthenticationScheme"),
                builder.refusals(b, Side.CLIENT).stream().map(Refusal::setting).toList());
        assertEquals(List.of(), builder.refusals(b, Side.SERVICE));
    }

    @Test
    void streamedTransferIsRunInEveryMode() {
        for (TransferMode mode : TransferMode.values()) {
            Binding streamed = http(HttpTransportBindingElement.builder().transferMode(mode).build());
            assertEquals(List.of(), builder.refusals(streamed, Side.SERVICE), mode.name());
            assertEquals(List.of(), builder.refusals(streamed, Side.CLIENT), mode.name());
        }
    }

    @Test
    void plainXmlRunsAndPacketRoutingIsRefusedByName() {
        Binding pox = CustomBinding.of("pox", TextMessageEncodingBindingElement.of(MessageVersion.NONE,
                StandardCharsets.UTF_8), HttpTransportBindingElement.defaults());
        assertEquals(List.of(), builder.refusals(pox, Side.SERVICE), "plain XML (messageVersion None) runs");
        assertEquals(List.of(), builder.refusals(pox, Side.CLIENT), "plain XML (messageVersion None) runs");
        Binding routable = CustomBinding.of("r", new OneWayBindingElement(10, true, ChannelPoolSettings.defaults()),
                TextMessageEncodingBindingElement.defaults(), HttpTransportBindingElement.defaults());
        assertEquals(List.of("oneWay/@packetRoutable"),
                builder.refusals(routable, Side.CLIENT).stream().map(Refusal::setting).toList());
    }

    @Test
    void webSocketsAndASeparateRequestDeadlineAreRefusedWhereTheyApply() {
        Binding ws = http(HttpTransportBindingElement.builder()
                .webSocketTransportUsage(WebSocketTransportUsage.Always).build());
        assertEquals(List.of("httpTransport/@webSocketTransportUsage"),
                builder.refusals(ws, Side.CLIENT).stream().map(Refusal::setting).toList());
        Binding deadline = http(HttpTransportBindingElement.builder()
                .requestInitializationTimeout(Duration.ofSeconds(5)).build());
        assertEquals("requestInitializationTimeout=\"00:00:05\": a separate deadline for a request to arrive is not"
                + " implemented by wcf4j yet (only the binding's receiveTimeout bounds it), so this endpoint is refused"
                + " rather than served with a weaker limit than configured.",
                builder.refusals(deadline, Side.SERVICE).get(0).message());
        assertEquals(List.of(), builder.refusals(deadline, Side.CLIENT), "a client sets no such deadline");
    }

    @Test
    void webSocketsWhenDuplexAreRefusedOnlyWhereTheContractNeedsThem() {
        Binding whenDuplex = http(HttpTransportBindingElement.builder()
                .webSocketTransportUsage(WebSocketTransportUsage.WhenDuplex).build());
        assertEquals(List.of(), builder.refusals(whenDuplex, Side.SERVICE), "no contract known: nothing to refuse");
        assertEquals(List.of(), builder.refusals(whenDuplex, Side.SERVICE, ChannelShape.REPLY));
        List<Refusal> duplex = builder.refusals(whenDuplex, Side.SERVICE, ChannelShape.DUPLEX_SESSION);
        assertEquals(List.of("httpTransport/@webSocketTransportUsage"), duplex.stream().map(Refusal::setting).toList());
        assertEquals("webSocketTransportUsage=\"WhenDuplex\" with a duplex contract: WCF carries its messages over"
                + " WebSockets, which wcf4j does not implement yet, so this endpoint is refused (request/reply and"
                + " one-way contracts run over plain HTTP).", duplex.get(0).message());
        UnsupportedBindingException e = assertThrows(UnsupportedBindingException.class, () ->
                builder.buildListener(whenDuplex, ChannelType.DUPLEX_SESSION, net.parameters()));
        assertEquals("httpTransport/@webSocketTransportUsage", e.element());
        assertThrows(UnsupportedBindingException.class, () ->
                builder.buildFactory(whenDuplex, ChannelType.DUPLEX_SESSION, net.parameters()));
    }

    @Test
    void netHttpBindingsBinaryEncodingIsRefusedByName() {
        for (NetHttpBinding.Flavor flavor : NetHttpBinding.Flavor.values()) {
            Binding b = NetHttpBinding.defaults(flavor, "");
            UnsupportedBindingException e = assertThrows(UnsupportedBindingException.class, () ->
                    builder.buildListener(b, ChannelType.REPLY, net.parameters()));
            assertEquals("binaryMessageEncoding", e.element());
            String transport = flavor == NetHttpBinding.Flavor.values()[0] ? "httpTransport" : "httpsTransport";
            assertEquals("The binding element 'binaryMessageEncoding' is not supported by the wcf4j runtime over '"
                    + transport + "' (it runs binary encoding over tcpTransport only), so this binding cannot be"
                    + " opened.", e.getMessage());
        }
    }

    @Test
    void aspNetUrlAuthorizationIsRefusedWhereAspNetCompatibilityAppliesIt() {
        EndpointRefusals refusals = new EndpointRefusals(builder);
        AspNetDenyRule anonymous = new AspNetDenyRule("", "?", "");
        ServiceHostingEnvironment compatible = new ServiceHostingEnvironment(true, false, 5, false, List.of(),
                List.of(), List.of(), List.of(anonymous));
        List<Refusal> refused = refusals.of(compatible);
        assertEquals(1, refused.size());
        assertEquals(anonymous, refused.get(0).subject());
        assertEquals("system.web/authorization", refused.get(0).setting());
        assertEquals(List.of(), refusals.of(ServiceHostingEnvironment.defaults().withAspNetDenyRules(List.of(anonymous))),
                "without ASP.NET compatibility WCF takes the request over before ASP.NET's modules run");
        assertEquals(List.of(), refusals.of(compatible.withAspNetDenyRules(List.of())));
    }

    @Test
    void whatRunsHasNoRefusal() {
        assertEquals(List.of(), builder.refusals(http(HttpTransportBindingElement.defaults()), Side.SERVICE));
        assertEquals(List.of(), builder.refusals(http(HttpTransportBindingElement.defaults()), Side.CLIENT));
    }

    @Test
    void aBindingWcf4jDoesNotModelIsRefusedByItsName() {
        Binding web = new UnsupportedBinding("webHttpBinding", "");
        UnsupportedBindingException e = assertThrows(UnsupportedBindingException.class, () ->
                builder.buildListener(web, ChannelType.REPLY, net.parameters()));
        assertEquals("webHttpBinding", e.element());
        assertEquals("The binding 'webHttpBinding' is not supported by the wcf4j runtime, so this endpoint cannot be"
                + " hosted or called.", e.getMessage());
    }

    @Test
    void addressHeadersAndAnIdentityAreNotRefused() {
        EndpointRefusals refusals = new EndpointRefusals(builder);
        AddressHeader tenant = new AddressHeader("Tenant", "urn:t", "<Tenant xmlns=\"urn:t\">blue</Tenant>");
        Binding plain = http(HttpTransportBindingElement.defaults());
        ServiceEndpoint service = new ServiceEndpoint("", "", "customBinding", "b", plain, "ICalc", Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(tenant), Optional.empty());
        assertEquals(List.of(), refusals.of(service), "the service's address filter requires them (AddressFilter)");

        Optional<EndpointIdentity> dns = Optional.of(new EndpointIdentity.Dns("localhost"));
        ClientEndpoint overHttp = client(plain, dns);
        assertEquals(List.of(), refusals.of(overHttp), "over plain HTTP WCF has nothing to check the identity against");
        ClientEndpoint overHttps = client(CustomBinding.of("s", TextMessageEncodingBindingElement.defaults(),
                new HttpsTransportBindingElement(HttpTransportBindingElement.defaults(), false)), dns);
        assertEquals(List.of(), refusals.of(overHttps), "over HTTPS the client checks it as WCF's HTTPS channel"
                + " factory does (HttpsServerIdentity)");
    }

    private static ClientEndpoint client(Binding binding, Optional<EndpointIdentity> identity) {
        return new ClientEndpoint("", URI.create("http://localhost/x"), "customBinding", "b", binding, "ICalc",
                Optional.empty(), identity, List.of(), Optional.empty());
    }
}
