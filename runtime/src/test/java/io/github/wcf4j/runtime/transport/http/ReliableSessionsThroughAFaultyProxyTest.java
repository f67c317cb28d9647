package io.github.wcf4j.runtime.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.oneway.OneWayBindingElement;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.CommunicationObject;
import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.channel.InputSessionChannel;
import io.github.wcf4j.runtime.channel.OutputSessionChannel;
import io.github.wcf4j.runtime.channel.ReceivePump;
import io.github.wcf4j.runtime.channel.ReplySessionChannel;
import io.github.wcf4j.runtime.channel.RequestContext;
import io.github.wcf4j.runtime.channel.RequestSessionChannel;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.stack.ListenAddress;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.SystemScheduler;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.FaultAction;
import io.github.wcf4j.runtime.transport.inmemory.FaultRule;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Reliable sessions over real loopback HTTP through {@link FaultInjectingHttpProxy}: requests lost, responses lost,
 * requests duplicated, reordered and delayed by rule, for the three HTTP shapes (request/reply session, one-way
 * output session, and the seed binding's duplex session over compositeDuplex + oneWay), both WS-RM versions. Real
 * time: the retransmission timeout is WCF's 400 ms floor over loopback.
 */
class ReliableSessionsThroughAFaultyProxyTest {
    private static final Duration T = Duration.ofSeconds(30);
    private static final String NS = "urn:test";
    private static final Pattern TEXT = Pattern.compile("<Text>([^<]*)</Text>");

    private final SystemScheduler scheduler = new SystemScheduler();
    private final ChannelStackBuilder builder = ChannelStackBuilder.standard();
    private final List<CommunicationObject> opened = new ArrayList<>();
    private FaultInjectingHttpProxy proxy;

    @AfterEach
    void closeAll() throws IOException {
        opened.forEach(CommunicationObject::abort);
        if (proxy != null) {
            proxy.close();
        }
        scheduler.close();
    }

    private static ReliableSessionBindingElement rm(ReliableMessagingVersion v) {
        return ReliableSessionBindingElement.builder().reliableMessagingVersion(v).build();
    }

    private static CustomBinding overHttp(ReliableMessagingVersion v) {
        return CustomBinding.of("rm", rm(v), TextMessageEncodingBindingElement.defaults(),
                HttpTransportBindingElement.defaults());
    }

    private static CustomBinding seedWithoutSecurity(ReliableMessagingVersion v) {
        return CustomBinding.of("Binding1", rm(v), CompositeDuplexBindingElement.defaults(),
                OneWayBindingElement.defaults(), TextMessageEncodingBindingElement.defaults(),
                HttpTransportBindingElement.defaults());
    }

    private BindingParameters params() {
        return new BindingParameters().put(Scheduler.class, scheduler);
    }

    /** A listener at a fresh loopback address, and the proxy in front of it. */
    private <C extends Channel> ChannelListener<C> listen(CustomBinding b, ChannelType<C> type) throws IOException {
        ChannelListener<C> l = builder.buildListener(b, type, params().put(ListenAddress.class,
                ListenAddress.unique(URI.create("http://localhost:0/svc/"))));
        Futures.join(l.open(T));
        opened.add(l);
        proxy = new FaultInjectingHttpProxy(l.uri());
        return l;
    }

    /** A client channel addressed to the service but sent through the proxy, opened. */
    private <C extends Channel> C connect(CustomBinding b, ChannelType<C> type, URI service) {
        ChannelFactory<C> f = builder.buildFactory(b, type, params());
        Futures.join(f.open(T));
        opened.add(f);
        C c = f.createChannel(EndpointAddress.of(service), proxy.via(service));
        Futures.join(c.open(T));
        return c;
    }

    private static <C extends Channel> C accept(ChannelListener<C> l) {
        C c = Futures.join(l.acceptChannel(T)).orElseThrow();
        Futures.join(c.open(T));
        return c;
    }

    private static Message request(String action, String text) {
        Message m = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, NS + "/" + action,
                new XmlFragment("<" + action + " xmlns=\"" + NS + "\"><Text>" + text + "</Text></" + action + ">"));
        m.headers().messageId("urn:uuid:" + UUID.randomUUID());
        return m;
    }

    private static String text(Message m) {
        Matcher t = TEXT.matcher(m.body().xml());
        return t.find() ? t.group(1) : m.body().xml();
    }

    private static Predicate<String> app(String action, long number) {
        return e -> e.contains(">" + NS + "/" + action + "</a:Action>")
                && e.contains("<r:MessageNumber>" + number + "</r:MessageNumber>");
    }

    private long sent(Direction d, Predicate<String> p) {
        return proxy.envelopes(d).stream().filter(p).count();
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void aRequestReplySessionSurvivesLostRequestsLostRepliesAndDuplicates(ReliableMessagingVersion v)
            throws IOException {
        CustomBinding b = overHttp(v);
        ChannelListener<ReplySessionChannel> listener = listen(b, ChannelType.REPLY_SESSION);
        RequestSessionChannel client = connect(b, ChannelType.REQUEST_SESSION, listener.uri());
        ReplySessionChannel service = accept(listener);
        AtomicInteger invocations = new AtomicInteger();
        ReceivePump.run(() -> service.receiveRequest(Duration.ofDays(1)), (RequestContext c) -> {
            invocations.incrementAndGet();
            Message r = request("EchoResponse", text(c.requestMessage()).toUpperCase());
            r.headers().relatesTo(c.requestMessage().headers().messageId());
            c.reply(r, T);
        }, e -> { });
        proxy.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).where(app("Echo", 2)).occurrence(1)
                .then(FaultAction.drop()));
        proxy.inject(FaultRule.on(Direction.SERVICE_TO_CLIENT).where(app("EchoResponse", 3)).occurrence(1)
                .then(FaultAction.drop()));
        proxy.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).where(app("Echo", 4)).occurrence(1)
                .then(FaultAction.duplicate()));
        List<String> replies = new ArrayList<>();
        for (String s : List.of("a", "b", "c", "d", "e")) {
            replies.add(text(Futures.join(client.request(request("Echo", s), T))));
        }
        assertEquals(List.of("A", "B", "C", "D", "E"), replies);
        assertEquals(5, invocations.get(), "exactly once: the lost reply came from the cache, the duplicate too");
        assertTrue(sent(Direction.CLIENT_TO_SERVICE, app("Echo", 2)) >= 2, "the lost request was sent again");
        assertTrue(sent(Direction.CLIENT_TO_SERVICE, app("Echo", 3)) >= 2, "#3 was sent until its reply came");
        Futures.join(client.close(T));
        Futures.join(service.close(T));
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void oneWayMessagesArriveInOrderThroughReorderingAndDelay(ReliableMessagingVersion v) throws IOException {
        CustomBinding b = overHttp(v);
        ChannelListener<InputSessionChannel> listener = listen(b, ChannelType.INPUT_SESSION);
        OutputSessionChannel client = connect(b, ChannelType.OUTPUT_SESSION, listener.uri());
        InputSessionChannel service = accept(listener);
        List<String> delivered = new CopyOnWriteArrayList<>();
        ReceivePump.run(() -> service.receive(Duration.ofDays(1)), m -> delivered.add(text(m)), e -> { });
        proxy.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).where(app("Ping", 2)).occurrence(1)
                .then(FaultAction.reorder()));
        proxy.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).where(app("Ping", 5)).occurrence(1)
                .then(FaultAction.delay(Duration.ofMillis(300))));
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            sends.add(client.send(request("Ping", "m" + i), T));
        }
        sends.forEach(Futures::join);
        Futures.join(client.close(T));
        assertEquals(List.of("m1", "m2", "m3", "m4", "m5", "m6"), delivered);
        assertTrue(proxy.envelopes(Direction.SERVICE_TO_CLIENT).stream().anyMatch(e -> e.contains(
                "<r:AcknowledgementRange Lower=\"1\" Upper=\"1\"/><r:AcknowledgementRange Lower=\"3\" Upper=\"3\"/>")),
                "#3 reached the service before #2");
        Futures.join(service.close(T));
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void theSeedBindingRecoversLostAndDuplicatedRequests(ReliableMessagingVersion v) throws IOException {
        CustomBinding b = seedWithoutSecurity(v);
        ChannelListener<DuplexSessionChannel> listener = listen(b, ChannelType.DUPLEX_SESSION);
        proxy.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).where(e -> e.contains("/CreateSequence</a:Action>"))
                .occurrence(1).then(FaultAction.duplicate()));
        DuplexSessionChannel client = connect(b, ChannelType.DUPLEX_SESSION, listener.uri());
        DuplexSessionChannel service = accept(listener);
        AtomicInteger invocations = new AtomicInteger();
        ReceivePump.run(() -> service.receive(Duration.ofDays(1)), m -> {
            invocations.incrementAndGet();
            Message r = request("AddResponse", text(m) + "!");
            r.headers().relatesTo(m.headers().messageId());
            service.send(r, T);
        }, e -> { });
        proxy.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).where(app("Add", 2)).occurrence(1)
                .then(FaultAction.drop()));
        proxy.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).where(app("Add", 3)).occurrence(1)
                .then(FaultAction.duplicate()));
        List<String> replies = new ArrayList<>();
        for (String s : List.of("1", "2", "3", "4")) {
            CompletableFuture<Optional<Message>> answer = client.receive(T);
            Futures.join(client.send(request("Add", s), T));
            replies.add(text(Futures.join(answer).orElseThrow()));
        }
        assertEquals(List.of("1!", "2!", "3!", "4!"), replies);
        assertEquals(4, invocations.get());
        assertTrue(sent(Direction.CLIENT_TO_SERVICE, app("Add", 2)) >= 2, "the lost request was sent again");
        CompletableFuture<Void> a = client.close(T);
        CompletableFuture<Void> s = service.close(T);
        Futures.join(CompletableFuture.allOf(a, s));
    }
}
