package io.github.wcf4j.runtime.security.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.oneway.OneWayBindingElement;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.MessageProtectionOrder;
import io.github.wcf4j.binding.security.MessageSecurityVersion;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.runtime.InMemoryFixture;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.InputChannel;
import io.github.wcf4j.runtime.channel.OutputChannel;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.stack.ListenAddress;
import io.github.wcf4j.runtime.transport.inmemory.WireRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The asymmetric binding over one-way channels (WCF's {@code SecurityChannelFactory}/{@code SecurityChannelListener}
 * over {@code IOutputChannel}/{@code IInputChannel}), wcf4j to wcf4j over the in-memory transport: each message
 * signed with the client's key (its certificate included) and encrypted to the service's certificate, as a request
 * with no reply; the service sees the caller; a message from a certificate it does not trust is dropped.
 */
class AsymmetricOneWayChannelTest {
    @TempDir
    static Path dir;
    static X509Credential service;
    static X509Credential client;
    static X509Credential stranger;

    private final InMemoryFixture net = new InMemoryFixture();
    private final ChannelStackBuilder builder = ChannelStackBuilder.standard();

    @BeforeAll
    static void keys() throws Exception {
        service = TestKeys.client(dir, "localhost");
        client = TestKeys.client(dir, "client");
        stranger = TestKeys.client(dir, "stranger");
    }

    private static CustomBinding binding(AuthenticationMode mode, MessageProtectionOrder order) {
        return CustomBinding.of("oneway", SecurityBindingElement.builder().authenticationMode(mode)
                        .messageSecurityVersion(mode == AuthenticationMode.MutualCertificate ? MessageSecurityVersion
                                .WSSecurity10WSTrustFebruary2005WSSecureConversationFebruary2005WSSecurityPolicy11BasicSecurityProfile10
                                : MessageSecurityVersion.DEFAULT)
                        .messageProtectionOrder(order).build(),
                OneWayBindingElement.defaults(), TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.requestReply());
    }

    private InputChannel service(CustomBinding binding) {
        ChannelListener<InputChannel> l = builder.buildListener(binding, ChannelType.INPUT, net.parameters()
                .put(ListenAddress.class, ListenAddress.explicit(InMemoryFixture.SERVICE))
                .put(ServiceCredentials.class, ServiceCredentials.defaults().withServiceCertificate(service)
                        .withClientCertificateAuthentication(X509CertificateAuthentication.peerTrust(
                                List.of(client.certificate())))));
        net.await(l.open(InMemoryFixture.TIMEOUT));
        return net.accept(l);
    }

    private OutputChannel client(CustomBinding binding, X509Credential own) {
        ChannelFactory<OutputChannel> f = builder.buildFactory(binding, ChannelType.OUTPUT, net.parameters()
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

    @ParameterizedTest
    @EnumSource(value = AuthenticationMode.class, names = {"MutualCertificate", "MutualCertificateDuplex"})
    void eachOneWayMessageIsSignedByTheClientAndEncryptedToTheService(AuthenticationMode mode) {
        CustomBinding b = binding(mode, MessageProtectionOrder.SignBeforeEncryptAndEncryptSignature);
        InputChannel at = service(b);
        OutputChannel caller = client(b, client);
        CompletableFuture<Optional<Message>> arriving = at.receive(InMemoryFixture.TIMEOUT);
        net.await(caller.send(message("urn:test/Notify", "<Notify xmlns=\"urn:test\"><n>7</n></Notify>"),
                InMemoryFixture.TIMEOUT));
        Message received = net.await(arriving).orElseThrow();
        assertEquals("<Notify xmlns=\"urn:test\"><n>7</n></Notify>", received.body().xml());
        assertEquals(ServiceSecurityContext.certificate(client.certificate()),
                received.properties().get(ServiceSecurityContext.class).orElseThrow(), "the caller is its certificate");
        String sent = net.network.wire().stream().map(WireRecord::envelope)
                .filter(m -> m.contains("urn:test/Notify")).findFirst().orElseThrow();
        assertFalse(sent.contains("<n>7</n>"), "the body travels encrypted: " + sent);
        assertTrue(sent.contains("<o:BinarySecurityToken") && sent.contains("<e:EncryptedKey"), sent);
    }

    @ParameterizedTest
    @EnumSource(value = MessageProtectionOrder.class)
    void everyProtectionOrderRunsOneWay(MessageProtectionOrder order) {
        CustomBinding b = binding(AuthenticationMode.MutualCertificate, order);
        InputChannel at = service(b);
        OutputChannel caller = client(b, client);
        CompletableFuture<Optional<Message>> arriving = at.receive(InMemoryFixture.TIMEOUT);
        net.await(caller.send(message("urn:test/Notify", "<Notify xmlns=\"urn:test\"/>"), InMemoryFixture.TIMEOUT));
        assertEquals("urn:test/Notify", net.await(arriving).orElseThrow().headers().action());
    }

    @ParameterizedTest
    @EnumSource(value = AuthenticationMode.class, names = {"MutualCertificate", "MutualCertificateDuplex"})
    void aMessageFromAnUntrustedCertificateIsDroppedAndTheNextDelivered(AuthenticationMode mode) {
        CustomBinding b = binding(mode, MessageProtectionOrder.SignBeforeEncryptAndEncryptSignature);
        InputChannel at = service(b);
        OutputChannel intruder = client(b, stranger);
        OutputChannel caller = client(b, client);
        CompletableFuture<Optional<Message>> arriving = at.receive(InMemoryFixture.TIMEOUT);
        net.await(intruder.send(message("urn:test/Intruder", "<Intruder xmlns=\"urn:test\"/>"),
                InMemoryFixture.TIMEOUT));
        net.clock.runPending();
        assertFalse(arriving.isDone(), "nothing is handed on");
        net.await(caller.send(message("urn:test/Notify", "<Notify xmlns=\"urn:test\"/>"), InMemoryFixture.TIMEOUT));
        assertEquals("urn:test/Notify", net.await(arriving).orElseThrow().headers().action(),
                "the untrusted message was dropped, the next delivered");
    }
}
