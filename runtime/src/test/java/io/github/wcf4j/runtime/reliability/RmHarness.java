package io.github.wcf4j.runtime.reliability;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.oneway.OneWayBindingElement;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.runtime.InMemoryFixture;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.channel.InputChannel;
import io.github.wcf4j.runtime.channel.ReceivePump;
import io.github.wcf4j.runtime.channel.ReplyChannel;
import io.github.wcf4j.runtime.channel.RequestChannel;
import io.github.wcf4j.runtime.channel.RequestContext;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.WireRecord;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reliable sessions over the in-memory transports on virtual time, for the interop scenarios and fault cases: bindings
 * of both shapes, wire predicates for fault rules (action, message number), a summary of what crossed the wire, and
 * {@link #drive} to run virtual time until an operation completes.
 */
final class RmHarness {
    static final Duration T = Duration.ofMinutes(1);
    static final URI SERVICE = InMemoryFixture.SERVICE;
    static final Pattern ACTION = Pattern.compile("<a:Action s:mustUnderstand=\"1\">([^<]*)</a:Action>");
    static final Pattern NUMBER = Pattern.compile("<r:MessageNumber>(\\d+)</r:MessageNumber>");

    final InMemoryFixture net = new InMemoryFixture();
    final ReliableMessagingVersion version;
    final Wsrm wsrm;

    RmHarness(ReliableMessagingVersion version) {
        this.version = version;
        this.wsrm = Wsrm.of(version);
    }

    boolean feb2005() {
        return version == ReliableMessagingVersion.WS_RELIABLE_MESSAGING_FEBRUARY_2005;
    }

    ReliableSessionBindingElement.Builder rm() {
        return ReliableSessionBindingElement.builder().reliableMessagingVersion(version);
    }

    /** RM over the HTTP-like request/reply transport (a non-addressable client). */
    CustomBinding requestReply(UnaryOperator<ReliableSessionBindingElement.Builder> settings) {
        return CustomBinding.of("rm", settings.apply(rm()).build(), TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.requestReply());
    }

    /** RM over the request/reply transport with {@code version}'s encoding. */
    CustomBinding requestReplyWith(MessageVersion messageVersion,
            UnaryOperator<ReliableSessionBindingElement.Builder> settings) {
        return CustomBinding.of("rm", settings.apply(rm()).build(), TextMessageEncodingBindingElement.of(
                messageVersion, StandardCharsets.UTF_8), InMemoryTransportBindingElement.requestReply());
    }

    /** No RM: text over the request/reply transport. */
    CustomBinding plain(MessageVersion messageVersion) {
        return CustomBinding.of("raw", TextMessageEncodingBindingElement.of(messageVersion,
                StandardCharsets.UTF_8), InMemoryTransportBindingElement.requestReply());
    }

    /** RM over compositeDuplex + oneWay (an addressable client with a back channel). */
    CustomBinding addressable(UnaryOperator<ReliableSessionBindingElement.Builder> settings) {
        return CustomBinding.of("rm", settings.apply(rm()).build(), CompositeDuplexBindingElement.defaults(),
                OneWayBindingElement.defaults(), TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.requestReply());
    }

    /** RM over TCP-like in-memory duplex sessions. */
    CustomBinding sessions(UnaryOperator<ReliableSessionBindingElement.Builder> settings) {
        return CustomBinding.of("rm", settings.apply(rm()).build(), TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.duplexSession());
    }

    <C extends Channel> ChannelListener<C> listen(CustomBinding b, ChannelType<C> type) {
        return net.openListener(b, type, InMemoryFixture.SERVICE);
    }

    /** A client channel, opened (the CreateSequence handshake driven to completion). */
    <C extends Channel> C connect(CustomBinding b, ChannelType<C> type) {
        C c = net.<C>openFactory(b, type).createChannel(EndpointAddress.of(InMemoryFixture.SERVICE));
        drive(c.open(T));
        return c;
    }

    /** A client channel, not opened. */
    <C extends Channel> C channel(CustomBinding b, ChannelType<C> type) {
        return net.<C>openFactory(b, type).createChannel(EndpointAddress.of(InMemoryFixture.SERVICE));
    }

    <C extends Channel> C accept(ChannelListener<C> l) {
        C c = drive(l.acceptChannel(T)).orElseThrow();
        drive(c.open(T));
        return c;
    }

    /** Runs queued work and virtual time until {@code f} completes (bounded), then its result. */
    <T> T drive(CompletableFuture<T> f) {
        net.clock.runPending();
        for (int i = 0; i < 100_000 && !f.isDone(); i++) {
            if (!net.clock.advanceToNextTimer()) {
                break;
            }
        }
        if (!f.isDone()) {
            fail("the operation did not complete; wire:\n" + summary());
        }
        return Futures.join(f);
    }

    /** The failure of {@code f} once driven. */
    Throwable failure(CompletableFuture<?> f) {
        try {
            drive(f);
        } catch (RuntimeException e) {
            return Futures.unwrap(e);
        }
        return fail("expected a failure; wire:\n" + summary());
    }

    /** Advances virtual time by {@code d}. */
    void advance(Duration d) {
        net.clock.advanceBy(d);
    }

    static Message app(String text) {
        Message m = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, "urn:test/Ping",
                new XmlFragment("<Ping xmlns=\"urn:test\"><Text>" + text + "</Text></Ping>"));
        return m;
    }

    static Message request(String text) {
        Message m = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, "urn:test/EchoString",
                new XmlFragment("<echoString xmlns=\"urn:test\"><Text>" + text + "</Text></echoString>"));
        m.headers().messageId(WsrmMessages.newId());
        return m;
    }

    static String text(Message m) {
        Matcher t = Pattern.compile("<Text>([^<]*)</Text>").matcher(m.body().xml());
        return t.find() ? t.group(1) : m.body().xml();
    }

    // ---- raw peers and services

    /** A plain (non-RM) request channel to the service, to send hand-made RM messages. */
    RequestChannel raw(MessageVersion version) {
        return connect(plain(version), ChannelType.REQUEST);
    }

    WsrmMessages messages(MessageVersion version) {
        return new WsrmMessages(wsrm, version);
    }

    /** Creates a sequence through {@code raw}; its identifier. */
    String createSequence(RequestChannel raw, MessageVersion version, Optional<String> offer) {
        WsrmMessages wm = messages(version);
        Message csr = drive(raw.request(wm.createSequence(CreateSequence.of(wsrm, EndpointAddress.ANONYMOUS, offer,
                true), WsrmMessages.newId(), null), T));
        return WsrmInfo.read(csr, wsrm).createSequenceResponse().id();
    }

    /** An application message of sequence {@code id} numbered {@code n}. */
    Message sequenced(String id, long n, String text) {
        Message m = request(text);
        m.headers().addFirst(new SequenceHeader(id, n, false).toHeader(wsrm));
        return m;
    }

    /**
     * Answers every request of {@code service} with an upper-cased echo after {@code processing} of virtual time,
     * counting invocations.
     */
    void echo(ReplyChannel service, AtomicInteger invocations, Duration processing) {
        ReceivePump.run(() -> service.receiveRequest(Duration.ofDays(1)), (RequestContext c) -> {
            invocations.incrementAndGet();
            Message r = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, "urn:test/EchoStringResponse",
                    new XmlFragment("<echoStringResponse xmlns=\"urn:test\"><Text>"
                            + text(c.requestMessage()).toUpperCase() + "</Text></echoStringResponse>"));
            r.headers().relatesTo(c.requestMessage().headers().messageId());
            if (processing.isZero()) {
                c.reply(r, T);
            } else {
                net.clock.schedule(processing, () -> c.reply(r, T));
            }
        }, e -> { });
    }

    /** Collects what {@code service} receives. */
    static List<String> collect(InputChannel service) {
        List<String> delivered = new CopyOnWriteArrayList<>();
        ReceivePump.run(() -> service.receive(Duration.ofDays(1)), m -> delivered.add(text(m)), e -> { });
        return delivered;
    }

    // ---- wire predicates and summaries

    static Predicate<String> action(String name) {
        return e -> {
            Matcher m = ACTION.matcher(e);
            return m.find() && (m.group(1).endsWith("/" + name) || m.group(1).equals(name));
        };
    }

    static Predicate<String> appMessage() {
        return e -> e.contains("<a:Action s:mustUnderstand=\"1\">urn:test/");
    }

    static Predicate<String> number(long n) {
        return e -> e.contains("<r:MessageNumber>" + n + "</r:MessageNumber>");
    }

    /** {@code Action[#n]} per envelope sent in {@code direction}, in order. */
    List<String> wire(Direction direction) {
        return net.network.wire().stream().filter(r -> r.direction() == direction && !r.envelope().isEmpty())
                .map(r -> describe(r.envelope())).collect(Collectors.toList());
    }

    static String describe(String envelope) {
        Matcher a = ACTION.matcher(envelope);
        String action = a.find() ? a.group(1).substring(a.group(1).lastIndexOf('/') + 1) : "?";
        Matcher n = NUMBER.matcher(envelope);
        return n.find() ? action + "#" + n.group(1) : action;
    }

    String summary() {
        return net.network.wire().stream().map(r -> (r.direction() == Direction.CLIENT_TO_SERVICE ? "-> " : "<- ")
                + (r.envelope().isEmpty() ? "(empty)" : describe(r.envelope())) + " [" + r.fate() + "]")
                .collect(Collectors.joining("\n"));
    }

    /** The envelopes sent in a direction matching {@code p}. */
    List<String> envelopes(Direction direction, Predicate<String> p) {
        return net.network.wire().stream().filter(r -> r.direction() == direction).map(WireRecord::envelope)
                .filter(p).collect(Collectors.toList());
    }
}
