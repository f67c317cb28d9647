package io.github.wcf4j.runtime.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.binding.encoding.BinaryMessageEncodingBindingElement;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.oneway.OneWayBindingElement;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.binding.transport.TcpTransportBindingElement;
import io.github.wcf4j.runtime.channel.CommunicationObjectFaultedException;
import io.github.wcf4j.runtime.channel.ObjectDisposedException;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.SystemScheduler;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.InMemoryNetwork;
import io.github.wcf4j.runtime.transport.inmemory.WireRecord;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Duplex contracts end to end over the in-memory transports: a service obtains its caller's callback channel (WCF's
 * {@code GetCallbackChannel}), calls it one-way and request/reply during its operations and afterwards; the client's
 * callback instance answers; the callback channel's lifetime is its session's. The same three shapes as on the wire:
 * a duplex session transport (as net.tcp), composite duplex without a session (datagram), and a reliable session over
 * composite duplex (wsDualHttpBinding's shape).
 */
class DuplexServiceModelTest {
    static final String CONTRACT = "Example.IChat";
    static final String SERVICE = "Example.ChatService";
    static final String NS = "http://example.org/chat";
    private static final URI BASE = URI.create("inmemory://localhost/chat");

    private final SystemScheduler scheduler = new SystemScheduler();
    private final InMemoryNetwork network = new InMemoryNetwork(scheduler);
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
        scheduler.close();
    }

    static Binding duplexSession() {
        return CustomBinding.of("b", TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.duplexSession());
    }

    static Binding compositeDuplex() {
        return CustomBinding.of("b", CompositeDuplexBindingElement.defaults(), OneWayBindingElement.defaults(),
                TextMessageEncodingBindingElement.defaults(), InMemoryTransportBindingElement.requestReply());
    }

    static Binding reliableCompositeDuplex() {
        return CustomBinding.of("b", ReliableSessionBindingElement.defaults(), CompositeDuplexBindingElement.defaults(),
                OneWayBindingElement.defaults(), TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.requestReply());
    }

    /** netTcpBinding's stack with security None: binary session encoding over real loopback TCP. */
    static Binding netTcp() {
        return CustomBinding.of("b", BinaryMessageEncodingBindingElement.defaults(),
                TcpTransportBindingElement.defaults());
    }

    static Stream<Arguments> shapes() {
        return Stream.of(Arguments.of("duplex session", duplexSession(), ChannelShape.DUPLEX_SESSION),
                Arguments.of("composite duplex", compositeDuplex(), ChannelShape.DUPLEX),
                Arguments.of("reliable session over composite duplex", reliableCompositeDuplex(),
                        ChannelShape.DUPLEX_SESSION));
    }

    static Stream<Arguments> sessions() {
        return shapes().filter(a -> a.get()[2] == ChannelShape.DUPLEX_SESSION);
    }

    /** The in-memory shapes and net.tcp (this test's own cases run over real TCP as well). */
    static Stream<Arguments> transports() {
        return Stream.concat(shapes(), Stream.of(Arguments.of("net.tcp", netTcp(), ChannelShape.DUPLEX_SESSION)));
    }

    static Stream<Arguments> sessionTransports() {
        return transports().filter(a -> a.get()[2] == ChannelShape.DUPLEX_SESSION);
    }

    static ServiceDescription service(Binding binding) {
        return new ServiceDescription(SERVICE, Optional.empty(), List.of(), List.of(new ServiceEndpoint("", "",
                "customBinding", "b", binding, CONTRACT, Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty())));
    }

    static ClientEndpoint endpoint(Binding binding, URI address) {
        return new ClientEndpoint("", address, "customBinding", "b", binding, CONTRACT, Optional.empty(),
                Optional.empty(), List.of(), Optional.empty());
    }

    private void host(Binding binding) {
        host = ServiceHost.builder(service(binding)).types(ServiceTypes.empty().map(CONTRACT, Chat.class))
                .instance(room).baseAddress(base(binding)).parameter(Scheduler.class, scheduler)
                .parameter(InMemoryNetwork.class, network).build();
        host.open();
    }

    private static URI base(Binding binding) {
        return binding.createBindingElements().stream().anyMatch(e -> e instanceof TcpTransportBindingElement)
                ? URI.create("net.tcp://localhost:0/chat") : BASE;
    }

    private ClientFactory.Builder<Chat> clientOf(Binding binding) {
        URI address = base(binding) == BASE ? BASE : host.endpoints().get(0).address();
        return ClientFactory.builder(endpoint(binding, address), Chat.class).parameter(Scheduler.class, scheduler)
                .parameter(InMemoryNetwork.class, network);
    }

    private Chat join(Binding binding, ChatMember member, String name) throws InterruptedException {
        if (client == null) {
            client = clientOf(binding).callback(member).build();
        }
        Chat chat = client.createChannel();
        chat.join(name);
        assertEquals("host: welcome " + name, member.next());
        return chat;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void theServiceCallsItsCallerBackOneWayDuringItsOperationsAndAfterThem(String name, Binding binding,
            ChannelShape shape) throws InterruptedException {
        host(binding);
        assertEquals(shape, host.endpoints().get(0).shape());
        ChatMember ann = new ChatMember();
        ChatMember bob = new ChatMember();
        Chat annChat = join(binding, ann, "ann");
        assertEquals(shape, client.shape());
        ClientFactory<Chat> bobs = clientOf(binding).callback(bob).build();
        try {
            Chat bobChat = bobs.createChannel();
            bobChat.join("bob");
            assertEquals("host: welcome bob", bob.next());
            assertEquals("hi", annChat.echo("hi"));
            assertEquals("echo: hi", ann.next());
            bobChat.say("hello all");
            assertEquals("room: hello all", ann.next(), "a callback stored by another session's operation");
            assertEquals("room: hello all", bob.next());
        } finally {
            bobs.abort();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void aStoredCallbackChannelMakesRequestReplyCallbacksFromAnyThread(String name, Binding binding, ChannelShape shape)
            throws InterruptedException {
        host(binding);
        ChatMember ann = new ChatMember();
        join(binding, ann, "ann");
        assertEquals(4, room.member("ann").answer("why?"));
        assertEquals("asked: why?", ann.next());
        assertEquals(2, room.member("ann").answer("ok"));
        assertEquals("asked: ok", ann.next());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void aRequestReplyCallbackOnTheChannelAnOperationAnswersFailsAsInWcf(String name, Binding binding,
            ChannelShape shape) throws InterruptedException {
        host(binding);
        ChatMember ann = new ChatMember();
        Chat chat = join(binding, ann, "ann");
        assertEquals("This operation would deadlock because the reply cannot be received until the current Message"
                + " completes processing. If you want to allow out-of-order message processing, specify"
                + " ConcurrencyMode of Reentrant or Multiple on ServiceBehaviorAttribute.", chat.askMeNow("now?"));
        assertEquals("hi", chat.echo("hi"), "refused before anything was sent: the session carries on");
        assertEquals("echo: hi", ann.next());
    }

    @Test
    void callbacksCarryWcfsActionsAndRequestReplyCallbacksAreCorrelated() throws InterruptedException {
        host(duplexSession());
        join(duplexSession(), new ChatMember(), "ann");
        assertEquals(3, room.member("ann").answer("abc"));
        List<WireRecord> back = network.wire().stream().filter(r -> r.direction() == Direction.SERVICE_TO_CLIENT)
                .toList();
        WireRecord welcome = back.stream().filter(r -> r.contains(NS + "/IChat/Receive</a:Action>")).findFirst()
                .orElseThrow();
        assertTrue(welcome.contains("<Receive xmlns=\"" + NS + "\"><from>host</from><text>welcome ann</text>"
                + "</Receive>"), welcome.envelope());
        WireRecord ask = back.stream().filter(r -> r.contains(NS + "/IChat/Answer</a:Action>")).findFirst()
                .orElseThrow();
        assertTrue(ask.contains("<a:MessageID>urn:uuid:"), ask.envelope());
        String id = ask.envelope().replaceAll(".*<a:MessageID>([^<]*)</a:MessageID>.*", "$1");
        WireRecord answer = network.wire().stream().filter(r -> r.direction() == Direction.CLIENT_TO_SERVICE
                && r.contains(NS + "/IChat/AnswerResponse</a:Action>")).findFirst().orElseThrow();
        assertTrue(answer.contains("<a:RelatesTo>" + id + "</a:RelatesTo>"), answer.envelope());
        assertTrue(answer.contains("<AnswerResponse xmlns=\"" + NS + "\"><AnswerResult>3</AnswerResult>"),
                answer.envelope());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessionTransports")
    void onceTheClientClosesItsSessionTheStoredCallbackChannelIsDisposed(String name, Binding binding,
            ChannelShape shape) throws Exception {
        host(binding);
        Chat chat = join(binding, new ChatMember(), "ann");
        client.close(chat);
        room.left("ann").get(ChatMember.PATIENCE_SECONDS, TimeUnit.SECONDS);
        ObjectDisposedException e = assertThrows(ObjectDisposedException.class,
                () -> room.member("ann").receive("host", "still there?"));
        assertEquals("Cannot access a disposed object.\r\nObject name: 'System.ServiceModel.Channels.ServiceChannel'.",
                e.getMessage());
    }

    @Test
    void onceTheClientAbortsItsSessionTheStoredCallbackChannelIsFaulted() throws Exception {
        host(duplexSession());
        join(duplexSession(), new ChatMember(), "ann");
        client.abort();
        room.left("ann").get(ChatMember.PATIENCE_SECONDS, TimeUnit.SECONDS);
        CommunicationObjectFaultedException e = assertThrows(CommunicationObjectFaultedException.class,
                () -> room.member("ann").receive("host", "still there?"));
        assertEquals(WcfText.CommunicationObjectFaulted1.format("System.ServiceModel.Channels.ServiceChannel"),
                e.getMessage());
    }

    @Test
    void aClientCallbackThatCallsTheServiceBackRequestReplyOnTheSameChannelFailsAsInWcf() throws Exception {
        host(duplexSession());
        Chat[] proxy = new Chat[1];
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        ChatMember reentrant = new ChatMember() {
            @Override
            public void receive(String from, String text) {
                if (text.equals("again")) {
                    try {
                        proxy[0].echo("from the callback");
                        failure.complete(null);
                    } catch (RuntimeException e) {
                        failure.complete(e);
                    }
                }
                super.receive(from, text);
            }
        };
        client = clientOf(duplexSession()).callback(reentrant).build();
        proxy[0] = client.createChannel();
        proxy[0].join("ann");
        assertEquals("host: welcome ann", reentrant.next());
        room.member("ann").receive("host", "again");
        Throwable e = failure.get(ChatMember.PATIENCE_SECONDS, TimeUnit.SECONDS);
        assertEquals(IllegalStateException.class, e.getClass());
        assertEquals(WcfText.SFxCallbackRequestReplyInOrder1.format("CallbackBehaviorAttribute"), e.getMessage());
    }

    @Test
    void aDuplexContractNeedsACallbackInstanceAndTheInstanceMustImplementTheCallbackContract() {
        host(duplexSession());
        client = clientOf(duplexSession()).build();
        IllegalStateException none = assertThrows(IllegalStateException.class, client::createChannel);
        assertEquals("ChannelFactory does not support the contract IChat as it defines a callback contract with one"
                + " or more operations.  Please consider using DuplexChannelFactory instead of ChannelFactory.",
                none.getMessage());
        IllegalStateException wrong = assertThrows(IllegalStateException.class,
                () -> clientOf(duplexSession()).callback(new Object()).build());
        assertEquals(WcfText.SFxCreateDuplexChannelBadCallbackUserObject.format(ChatCallback.class.getName()),
                wrong.getMessage());
    }
}
