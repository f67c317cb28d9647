package io.github.wcf4j.runtime.security.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.oneway.OneWayBindingElement;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.runtime.InMemoryFixture;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.DuplexChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.security.CertificateFind;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.stack.ListenAddress;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.FaultAction;
import io.github.wcf4j.runtime.transport.inmemory.FaultRule;
import io.github.wcf4j.runtime.transport.inmemory.WireRecord;
import java.net.URI;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MutualCertificateDuplex over duplex channels (the asymmetric binding over {@code compositeDuplex}, WCF's
 * {@code DuplexSecurityProtocolFactory}), wcf4j to wcf4j over the in-memory transport on virtual time: each direction
 * signed with its sender's key and encrypted to its receiver's certificate, the service's callbacks to the client
 * certificate of its credentials; what fails verification is dropped, never handed on.
 */
class MutualCertificateDuplexChannelTest {
    private static final String NS = "http://Microsoft.ServiceModel.Samples";

    @TempDir
    static Path dir;
    static X509Credential service;
    static X509Credential client;
    static X509Credential impostor;

    private final InMemoryFixture net = new InMemoryFixture();
    private final ChannelStackBuilder builder = ChannelStackBuilder.standard();

    @BeforeAll
    static void keys() throws Exception {
        service = TestKeys.client(dir, "localhost");
        client = TestKeys.client(dir, "client");
        impostor = TestKeys.client(dir, "impostor");
    }

    private static CustomBinding binding() {
        return binding(false);
    }

    private static CustomBinding binding(boolean requireSignatureConfirmation) {
        return CustomBinding.of("duplex", SecurityBindingElement.builder()
                        .authenticationMode(AuthenticationMode.MutualCertificateDuplex)
                        .requireSignatureConfirmation(requireSignatureConfirmation).build(),
                CompositeDuplexBindingElement.at(URI.create("inmemory://localhost/client/")),
                OneWayBindingElement.defaults(), TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.requestReply());
    }

    private static ServiceCredentials serviceCredentials(X509Credential own) {
        return ServiceCredentials.defaults().withServiceCertificate(own).withClientCertificate(client.certificate())
                .withClientCertificateAuthentication(X509CertificateAuthentication.peerTrust(
                        List.of(client.certificate())));
    }

    private DuplexChannel service(ServiceCredentials credentials) {
        return service(credentials, binding());
    }

    private DuplexChannel service(ServiceCredentials credentials, CustomBinding binding) {
        ChannelListener<DuplexChannel> l = builder.buildListener(binding, ChannelType.DUPLEX, net.parameters()
                .put(ListenAddress.class, ListenAddress.explicit(InMemoryFixture.SERVICE))
                .put(ServiceCredentials.class, credentials));
        net.await(l.open(InMemoryFixture.TIMEOUT));
        return net.accept(l);
    }

    private DuplexChannel client(X509Credential own) {
        return client(own, binding());
    }

    private DuplexChannel client(X509Credential own, CustomBinding binding) {
        ChannelFactory<DuplexChannel> f = builder.buildFactory(binding, ChannelType.DUPLEX, net.parameters()
                .put(ClientCredentials.class, ClientCredentials.certificate(own)
                        .withDefaultServiceCertificate(service.certificate())));
        net.await(f.open(InMemoryFixture.TIMEOUT));
        return net.open(f.createChannel(EndpointAddress.of(InMemoryFixture.SERVICE)));
    }

    private static Message message(String action, String body) {
        Message m = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, action, new XmlFragment(body));
        m.headers().messageId("urn:uuid:" + UUID.randomUUID());
        return m;
    }

    @Test
    void eachDirectionIsSignedByItsSenderAndEncryptedToItsReceiver() {
        DuplexChannel at = service(serviceCredentials(service));
        DuplexChannel caller = client(client);
        CompletableFuture<Optional<Message>> arriving = at.receive(InMemoryFixture.TIMEOUT);
        net.await(caller.send(message(NS + "/ICalculatorDuplex/AddTo", "<AddTo xmlns=\"" + NS + "\"><n>5</n></AddTo>"),
                InMemoryFixture.TIMEOUT));
        Message received = net.await(arriving).orElseThrow();
        assertEquals("<AddTo xmlns=\"" + NS + "\"><n>5</n></AddTo>", received.body().xml());
        assertEquals(ServiceSecurityContext.certificate(client.certificate()),
                received.properties().get(ServiceSecurityContext.class).orElseThrow(), "the caller is its certificate");

        Message callback = message(NS + "/ICalculatorDuplex/Result", "<Result xmlns=\"" + NS
                + "\"><result>5</result></Result>");
        callback.headers().to(received.headers().replyTo());
        CompletableFuture<Optional<Message>> back = caller.receive(InMemoryFixture.TIMEOUT);
        net.await(at.send(callback, InMemoryFixture.TIMEOUT));
        assertEquals("<Result xmlns=\"" + NS + "\"><result>5</result></Result>",
                net.await(back).orElseThrow().body().xml());

        // over compositeDuplex each direction is a one-way request of its own (the callback to the client's listener)
        List<String> sent = net.network.wire().stream().map(WireRecord::envelope).toList();
        String request = sent.stream().filter(m -> m.contains("ICalculatorDuplex/AddTo")).findFirst().orElseThrow(
                () -> new AssertionError(sent.toString()));
        String result = sent.stream().filter(m -> m.contains("ICalculatorDuplex/Result")).findFirst().orElseThrow(
                () -> new AssertionError(sent.toString()));
        for (String m : List.of(request, result)) {
            assertFalse(m.contains("<n>5</n>") || m.contains("<result>"), "bodies travel encrypted: " + m);
            assertTrue(m.contains("<o:BinarySecurityToken"), "the sender's certificate travels: " + m);
            assertTrue(m.contains("<e:EncryptedKey"), m);
        }
        assertTrue(request.contains(Base64.getEncoder().encodeToString(
                CertificateFind.thumbprint(service.certificate()))), "the request's key is for the service");
        assertTrue(result.contains(Base64.getEncoder().encodeToString(
                CertificateFind.thumbprint(client.certificate()))), "the callback's key is for the client");
    }

    /**
     * {@code requireSignatureConfirmation="true"} over duplex channels, as WCF's {@code DuplexSecurityProtocolFactory}
     * runs it: it opens (WS-Security 1.1), but nothing correlates a message with one it could confirm, so no message
     * carries a confirmation and both directions run as without it.
     */
    @Test
    void signatureConfirmationOverDuplexOpensAndConfirmsNothing() {
        DuplexChannel at = service(serviceCredentials(service), binding(true));
        DuplexChannel caller = client(client, binding(true));
        CompletableFuture<Optional<Message>> arriving = at.receive(InMemoryFixture.TIMEOUT);
        net.await(caller.send(message("urn:test/Ping", "<Ping xmlns=\"urn:test\"/>"), InMemoryFixture.TIMEOUT));
        Message received = net.await(arriving).orElseThrow();
        assertEquals("<Ping xmlns=\"urn:test\"/>", received.body().xml());
        Message callback = message("urn:test/Pong", "<Pong xmlns=\"urn:test\"/>");
        callback.headers().to(received.headers().replyTo());
        CompletableFuture<Optional<Message>> back = caller.receive(InMemoryFixture.TIMEOUT);
        net.await(at.send(callback, InMemoryFixture.TIMEOUT));
        assertEquals("<Pong xmlns=\"urn:test\"/>", net.await(back).orElseThrow().body().xml());
        List<String> sent = net.network.wire().stream().map(WireRecord::envelope).toList();
        assertTrue(sent.stream().anyMatch(m -> m.contains("urn:test/Pong")), sent.toString());
        List<String> secured = sent.stream().filter(m -> m.contains("urn:test/P")).toList();
        assertEquals(2, secured.size(), sent.toString());
        for (String m : secured) {
            assertTrue(m.contains("<e:EncryptedKey"), "secured: " + m);
        }
        for (String m : sent) {
            assertFalse(m.contains("SignatureConfirmation"), "nothing is confirmed: " + m);
        }
    }

    @Test
    void aCallbackSignedByAnotherCertificateIsDropped() {
        DuplexChannel at = service(serviceCredentials(impostor));
        DuplexChannel caller = client(client);
        CompletableFuture<Optional<Message>> arriving = at.receive(InMemoryFixture.TIMEOUT);
        // the request is encrypted to the real service's certificate, which the impostor cannot read: dropped
        net.await(caller.send(message("urn:test/Ping", "<Ping xmlns=\"urn:test\"/>"), InMemoryFixture.TIMEOUT));
        net.clock.runPending();
        assertFalse(arriving.isDone(), "nothing is handed on");
        Message callback = message("urn:test/Pong", "<Pong xmlns=\"urn:test\"/>");
        callback.headers().to(caller.localAddress());
        CompletableFuture<Optional<Message>> back = caller.receive(InMemoryFixture.TIMEOUT);
        net.await(at.send(callback, InMemoryFixture.TIMEOUT));
        net.clock.runPending();
        assertFalse(back.isDone(), "a callback not signed by the service's certificate is dropped");
    }

    @Test
    void aTamperedMessageIsDroppedAndTheNextIsDelivered() {
        DuplexChannel at = service(serviceCredentials(service));
        DuplexChannel caller = client(client);
        net.network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).containing("urn:test/First").then(
                FaultAction.rewrite(s -> {
                    Matcher m = Pattern.compile(
                            "(<s:Body[^>]*>.*?<e:CipherValue>)(.)").matcher(s);
                    assertTrue(m.find(), s);
                    char flipped = m.group(2).charAt(0) == 'A' ? 'B' : 'A';
                    return s.substring(0, m.start(2)) + flipped + s.substring(m.end(2));
                })));
        CompletableFuture<Optional<Message>> arriving = at.receive(InMemoryFixture.TIMEOUT);
        net.await(caller.send(message("urn:test/First", "<First xmlns=\"urn:test\"/>"), InMemoryFixture.TIMEOUT));
        net.await(caller.send(message("urn:test/Second", "<Second xmlns=\"urn:test\"/>"), InMemoryFixture.TIMEOUT));
        assertEquals("urn:test/Second", net.await(arriving).orElseThrow().headers().action(),
                "the tampered first message was dropped, the second delivered");
    }

    @Test
    void aDuplexServiceNeedsTheClientsCertificateWithWcfsText() {
        ChannelListener<DuplexChannel> l = builder.buildListener(binding(), ChannelType.DUPLEX, net.parameters()
                .put(ListenAddress.class, ListenAddress.explicit(InMemoryFixture.SERVICE))
                .put(ServiceCredentials.class, ServiceCredentials.defaults().withServiceCertificate(service)));
        assertEquals(WcfText.ClientCertificateNotProvidedOnServiceCredentials.format(),
                net.failure(l.open(InMemoryFixture.TIMEOUT)).getMessage());
    }
}
