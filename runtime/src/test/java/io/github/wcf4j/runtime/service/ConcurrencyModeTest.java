package io.github.wcf4j.runtime.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.CallbackBehavior;
import io.github.wcf4j.runtime.contract.ConcurrencyMode;
import io.github.wcf4j.runtime.contract.ServiceBehavior;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.SystemScheduler;
import io.github.wcf4j.runtime.transport.inmemory.InMemoryNetwork;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ConcurrencyMode} end to end over the duplex shapes of {@link DuplexServiceModelTest}: under
 * {@code Reentrant} and {@code Multiple} an operation may call its caller back request/reply on the channel it answers
 * (WCF refuses it only under {@code Single}); under {@code Reentrant} the call the callback makes back into the service
 * runs while the first operation waits; under {@code Multiple} calls to one object overlap.
 */
class ConcurrencyModeTest {
    private static final URI BASE = URI.create("inmemory://localhost/chat");

    private final SystemScheduler scheduler = new SystemScheduler();
    private final InMemoryNetwork network = new InMemoryNetwork(scheduler);
    private final ExecutorService caller = Executors.newSingleThreadExecutor();
    private ServiceHost host;
    private final List<ClientFactory<Chat>> clients = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        clients.forEach(ClientFactory::abort);
        if (host != null) {
            host.abort();
        }
        caller.shutdownNow();
        scheduler.close();
    }

    /** Records the order its operations run in. */
    @ServiceBehavior(concurrencyMode = ConcurrencyMode.Reentrant)
    public static class ReentrantChat extends ChatService {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public String askMeNow(String question) {
            events.add("ask: in");
            String answer = super.askMeNow(question);
            events.add("ask: out");
            return answer;
        }

        @Override
        public String echo(String text) {
            events.add("echo " + text);
            return super.echo(text);
        }
    }

    /** {@code echo} returns once two calls are inside it at the same time. */
    @ServiceBehavior(concurrencyMode = ConcurrencyMode.Multiple)
    public static class MultipleChat extends ChatService {
        final CountDownLatch bothInside = new CountDownLatch(2);

        @Override
        public String echo(String text) {
            bothInside.countDown();
            try {
                return bothInside.await(ChatMember.PATIENCE_SECONDS, TimeUnit.SECONDS) ? "together" : "alone";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
    }

    /** A callback that, asked a question, calls the service back request/reply on the same channel first. */
    @CallbackBehavior(concurrencyMode = ConcurrencyMode.Reentrant)
    public static class CallingBackMember extends ChatMember {
        volatile Chat proxy;

        @Override
        public int answer(String question) {
            super.answer(question);
            return proxy.echo("nested " + question).length();
        }
    }

    private void host(Binding binding, ChatService room) {
        host = ServiceHost.builder(DuplexServiceModelTest.service(binding))
                .types(ServiceTypes.empty().map(DuplexServiceModelTest.CONTRACT, Chat.class)).instance(room)
                .baseAddress(BASE).parameter(Scheduler.class, scheduler).parameter(InMemoryNetwork.class, network)
                .build();
        host.open();
    }

    private Chat join(Binding binding, ChatMember member, String name) throws InterruptedException {
        ClientFactory<Chat> client = ClientFactory.builder(DuplexServiceModelTest.endpoint(binding, BASE), Chat.class)
                .parameter(Scheduler.class, scheduler).parameter(InMemoryNetwork.class, network).callback(member)
                .build();
        clients.add(client);
        Chat chat = client.createChannel();
        chat.join(name);
        assertEquals("host: welcome " + name, member.next());
        return chat;
    }

    static Stream<Arguments> overlappingModesAndShapes() {
        return Stream.of(ConcurrencyMode.Reentrant, ConcurrencyMode.Multiple).flatMap(mode ->
                DuplexServiceModelTest.shapes().map(shape -> Arguments.of(mode + ", " + shape.get()[0], mode,
                        shape.get()[1])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlappingModesAndShapes")
    void anOperationThatMayOverlapCallsItsCallerBackRequestReplyOnTheChannelItAnswers(String name,
            ConcurrencyMode mode, Binding binding) throws InterruptedException {
        host(binding, mode == ConcurrencyMode.Reentrant ? new ReentrantChat() : new MultipleChat());
        ChatMember ann = new ChatMember();
        Chat chat = join(binding, ann, "ann");
        assertEquals("answered 4", chat.askMeNow("now?"));
        assertEquals("asked: now?", ann.next());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.github.wcf4j.runtime.service.DuplexServiceModelTest#sessions")
    void theCallbacksCallBackIntoAReentrantServiceRunsWhileTheFirstOperationWaits(String name, Binding binding,
            ChannelShape shape) throws InterruptedException {
        ReentrantChat room = new ReentrantChat();
        host(binding, room);
        CallingBackMember ann = new CallingBackMember();
        ann.proxy = join(binding, ann, "ann");
        room.events.clear();

        assertEquals("answered " + "nested now?".length(), ann.proxy.askMeNow("now?"));
        assertEquals(List.of("ask: in", "echo nested now?", "ask: out"), room.events,
                "the nested call ran on the same object inside the first one");
        assertEquals("asked: now?", ann.next());
        assertEquals("echo: nested now?", ann.next(), "the reentrant callback object took a callback meanwhile too");
    }

    @Test
    void callsToAMultipleServiceObjectOverlap() throws Exception {
        MultipleChat room = new MultipleChat();
        host(DuplexServiceModelTest.duplexSession(), room);
        Chat ann = join(DuplexServiceModelTest.duplexSession(), new ChatMember(), "ann");
        Chat bob = join(DuplexServiceModelTest.duplexSession(), new ChatMember(), "bob");
        CompletableFuture<String> annsCall = CompletableFuture.supplyAsync(() -> ann.echo("a"), caller);
        assertEquals("together", bob.echo("b"), "both calls were inside the one service object at once");
        assertEquals("together", annsCall.get(ChatMember.PATIENCE_SECONDS, TimeUnit.SECONDS));
    }
}
