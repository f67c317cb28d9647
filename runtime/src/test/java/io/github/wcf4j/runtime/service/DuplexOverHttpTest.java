package io.github.wcf4j.runtime.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.oneway.OneWayBindingElement;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.binding.standard.SecurityMode;
import io.github.wcf4j.binding.standard.WsDualHttpBinding;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.runtime.channel.ObjectDisposedException;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Duplex contracts over real loopback HTTP, the way WCF runs them: the client listens on its composite duplex back
 * channel (a temporary address on an ephemeral port), the service calls it back there. Three bindings: the seed's
 * shape (reliable session, composite duplex, one-way, text, HTTP), {@code wsDualHttpBinding} with
 * {@code <security mode="None"/>} (which expands to the same elements), and composite duplex without a session.
 */
class DuplexOverHttpTest {
    private final ChatService room = new ChatService();
    private ServiceHost host;
    private ClientFactory<Chat> client;

    @AfterEach
    void close() {
        if (client != null) {
            client.abort();
        }
        if (host != null) {
            host.abort();
        }
    }

    static Binding wsDualHttpWithoutSecurity() {
        WsDualHttpBinding d = WsDualHttpBinding.defaults("");
        return new WsDualHttpBinding("", d.timeouts(), d.http(), d.clientBaseAddress(), false, d.reliableSession(),
                d.security().withMode(SecurityMode.None));
    }

    static Stream<Arguments> bindings() {
        return Stream.of(
                Arguments.of("reliableSession + compositeDuplex + oneWay + text + http",
                        CustomBinding.of("b", ReliableSessionBindingElement.defaults(),
                                CompositeDuplexBindingElement.defaults(), OneWayBindingElement.defaults(),
                                TextMessageEncodingBindingElement.defaults(), HttpTransportBindingElement.defaults()),
                        ChannelShape.DUPLEX_SESSION),
                Arguments.of("wsDualHttpBinding, security None", wsDualHttpWithoutSecurity(),
                        ChannelShape.DUPLEX_SESSION),
                Arguments.of("compositeDuplex + oneWay + text + http",
                        CustomBinding.of("b", CompositeDuplexBindingElement.defaults(), OneWayBindingElement.defaults(),
                                TextMessageEncodingBindingElement.defaults(), HttpTransportBindingElement.defaults()),
                        ChannelShape.DUPLEX));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bindings")
    void callbacksOneWayAndRequestReplyReachTheClientsBackChannel(String name, Binding binding, ChannelShape shape)
            throws Exception {
        host = ServiceHost.builder(DuplexServiceModelTest.service(binding))
                .types(ServiceTypes.empty().map(DuplexServiceModelTest.CONTRACT, Chat.class)).instance(room)
                .baseAddress(URI.create("http://localhost:0/chat")).build();
        host.open();
        assertEquals(shape, host.endpoints().get(0).shape());
        ChatMember ann = new ChatMember();
        client = ClientFactory.builder(DuplexServiceModelTest.endpoint(binding, host.endpoints().get(0).address()),
                Chat.class).callback(ann).build();
        assertEquals(shape, client.shape());
        Chat chat = client.createChannel();
        chat.join("ann");
        assertEquals("host: welcome ann", ann.next());
        assertEquals("hi", chat.echo("hi"));
        assertEquals("echo: hi", ann.next());
        assertEquals(5, room.member("ann").answer("what?"), "a request/reply callback, answered over HTTP");
        assertEquals("asked: what?", ann.next());
        assertEquals(WcfText.SFxCallbackRequestReplyInOrder1.format("ServiceBehaviorAttribute"), chat.askMeNow("?"));
        if (shape.isSessionful()) {
            client.close(chat);
            room.left("ann").get(ChatMember.PATIENCE_SECONDS, TimeUnit.SECONDS);
            ObjectDisposedException e = assertThrows(ObjectDisposedException.class,
                    () -> room.member("ann").receive("host", "bye"));
            assertTrue(e.getMessage().endsWith("'System.ServiceModel.Channels.ServiceChannel'."), e.getMessage());
        }
    }
}
