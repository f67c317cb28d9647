package io.github.wcf4j.runtime.transport;

import static io.github.wcf4j.runtime.time.TimeoutExpiry.assertReceiveTimesOut;
import static io.github.wcf4j.runtime.time.TimeoutExpiry.failureAt;
import static io.github.wcf4j.runtime.transport.ContractMessages.answerEvery;
import static io.github.wcf4j.runtime.transport.ContractMessages.echo;
import static io.github.wcf4j.runtime.transport.ContractMessages.echoEvery;
import static io.github.wcf4j.runtime.transport.ContractMessages.response;
import static io.github.wcf4j.runtime.transport.ContractMessages.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.binding.transport.TransportBindingElement;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.CommunicationObject;
import io.github.wcf4j.runtime.channel.CommunicationObjectAbortedException;
import io.github.wcf4j.runtime.channel.CommunicationState;
import io.github.wcf4j.runtime.channel.CommunicationTimeoutException;
import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.EndpointNotFoundException;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.channel.QuotaExceededException;
import io.github.wcf4j.runtime.channel.ReplyChannel;
import io.github.wcf4j.runtime.channel.RequestChannel;
import io.github.wcf4j.runtime.channel.RequestContext;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.MessageFault;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.stack.ListenAddress;
import io.github.wcf4j.runtime.time.ManualScheduler;
import io.github.wcf4j.runtime.time.Scheduler;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every transport must do, whatever carries its bytes (in the manner of gRPC's {@code AbstractTransportTest}): a
 * transport's test extends this class, says which shapes it offers and how to build and address them, and inherits
 * every case; cases for a shape it does not offer are skipped.
 *
 * <p>The stacks are built as an application builds them: a {@code textMessageEncoding} over the transport's binding
 * element, through {@link ChannelStackBuilder#standard()}, so the transport's {@code LayerProvider} must be registered
 * in {@code LayerProviders.standard()}. Time is virtual: the stacks get the suite's {@link ManualScheduler} as their
 * {@link Scheduler}, and every WCF timeout is asserted by advancing it, never by waiting. A transport whose I/O is real
 * (sockets) waits up to {@link #ioWait()} for it; one that runs on the scheduler alone waits for nothing.
 *
 * <p>Cases (each named for what it asserts): request/reply — round trip with correlation, an empty reply, a fault
 * reply, nobody listening, the service's and the client's {@code maxReceivedMessageSize}, 32 concurrent exchanges, the
 * request and receive timeouts, close and abort while a receive is pending, requests the service never received, a
 * request received before the service closed, a request in flight when the client closes or aborts, a reset exchange, an
 * exchange the service aborts, a channel used before it is opened; duplex session — messages both ways in order,
 * nobody listening, the receiver's {@code maxReceivedMessageSize}, 32 concurrent messages, the receive timeout, close
 * and abort of either end while receives are pending, a reset session, a pending accept; both — a listener at an
 * address already in use.
 */
public abstract class TransportContractTest {
    /** The timeout of operations that are not about timing out (virtual: it never expires unless a case advances). */
    protected static final Duration T = Duration.ofMinutes(1);
    private static final long DEFAULT_MAX = 65_536;

    /** Virtual time for every stack the suite builds. */
    protected final ManualScheduler clock = new ManualScheduler();
    private final ChannelStackBuilder builder = ChannelStackBuilder.standard();
    private final List<CommunicationObject> opened = Collections.synchronizedList(new ArrayList<>());

    // ---- what a transport supplies

    /**
     * The client shapes the transport builds: {@link ChannelShape#REQUEST} (the service side then listens for
     * {@link ChannelShape#REPLY}) and/or {@link ChannelShape#DUPLEX_SESSION} (on both sides).
     */
    protected abstract Set<ChannelShape> clientShapes();

    /** The transport's binding element for {@code clientShape}, receiving at most {@code maxReceivedMessageSize}. */
    protected abstract TransportBindingElement transport(ChannelShape clientShape, long maxReceivedMessageSize);

    /** What the transport needs in the binding parameters besides the scheduler (a network, event loops), fresh. */
    protected abstract BindingParameters parameters();

    /** An address for a new listener that no other listener uses. */
    protected abstract ListenAddress freshListenAddress();

    /** An address where nothing listens. */
    protected abstract URI addressNobodyListensAt() throws Exception;

    /** What the client sees when the service refuses a request past its {@code maxReceivedMessageSize}. */
    protected abstract ExpectedFailure oversizedRequestRefusal(long maxReceivedMessageSize);

    /** What a request to {@code to} still waiting for its reply fails with when its channel is aborted. */
    protected abstract ExpectedFailure abortedRequest(URI to);

    /** What opening a listener at {@code taken}, where another listener listens, fails with. */
    protected abstract ExpectedFailure addressInUse(URI taken);

    /** A way to {@code listening} on which the test can break a connection (the wire itself, or a proxy). */
    protected abstract FaultyRoute faultyRouteTo(URI listening) throws Exception;

    /** How long to wait for I/O that does not run on {@link #clock} (sockets); zero when everything does. */
    protected abstract Duration ioWait();

    /** What the client sees when it reaches {@code to}, where nothing listens; WCF's EndpointNotFound by default. */
    protected ExpectedFailure nobodyListening(URI to) {
        return new ExpectedFailure(EndpointNotFoundException.class, WcfText.EndpointNotFound.format(to));
    }

    /** A failure as the test expects it: its type and WCF's exact text. */
    public record ExpectedFailure(Class<? extends Throwable> type, String message) {
        void assertMatches(Throwable actual) {
            assertInstanceOf(type, actual, () -> "unexpected failure: " + actual);
            assertEquals(message, actual.getMessage());
        }
    }

    /** A route to a listener through which the test breaks connections. */
    protected interface FaultyRoute {
        /** Where the client sends to reach the listener this way. */
        URI via();

        /** The next message the client sends breaks its connection (reset, without an answer). */
        void resetNextClientMessage();
    }

    @AfterEach
    void abortEverythingOpened() {
        new ArrayList<>(opened).forEach(CommunicationObject::abort);
        clock.runPending();
    }

    // ---- request/reply

    @Test
    void aRequestAndItsReplyCrossCorrelatedAndTheTransportAddressesIt() {
        Served<ReplyChannel> service = serveRequests(DEFAULT_MAX);
        List<Message> received = ContractMessages.echoEveryRecording(service.channel());
        RequestChannel client = requestChannel(DEFAULT_MAX, service.uri());
        for (int i = 1; i <= 3; i++) {
            Message request = echo("hello " + i);
            Message reply = await(client.request(request, T));
            assertEquals(ContractMessages.ECHO_RESPONSE, reply.headers().action());
            assertEquals(request.headers().messageId(), reply.headers().relatesTo());
            assertEquals("<EchoResponse xmlns=\"" + ContractMessages.NS + "\">hello " + i + "</EchoResponse>",
                    reply.body().xml());
        }
        assertEquals(3, received.size());
        assertEquals(service.uri(), received.get(0).headers().to().uri());
        assertEquals(ContractMessages.ECHO, received.get(0).headers().action());
    }

    @Test
    void anEmptyReplyCompletesTheRequestWithoutAMessage() {
        Served<ReplyChannel> service = serveRequests(DEFAULT_MAX);
        answerEvery(service.channel(), m -> null);
        assertNull(await(requestChannel(DEFAULT_MAX, service.uri()).request(echo("one-way"), T)));
    }

    @Test
    void aFaultReplyReachesTheClientAsAFault() {
        Served<ReplyChannel> service = serveRequests(DEFAULT_MAX);
        answerEvery(service.channel(), m -> Message.createFault(m.version(), MessageFault.receiver("Divide by zero"),
                m.version().addressing().defaultFaultAction()));
        Message reply = await(requestChannel(DEFAULT_MAX, service.uri()).request(echo("1/0"), T));
        assertTrue(reply.isFault());
        assertEquals("Divide by zero", reply.fault().orElseThrow().reason());
    }

    @Test
    void aRequestWhereNobodyListensIsEndpointNotFoundWithWcfsText() throws Exception {
        assumeShape(ChannelShape.REQUEST);
        URI nowhere = addressNobodyListensAt();
        nobodyListening(nowhere).assertMatches(failure(requestChannel(DEFAULT_MAX, nowhere).request(echo("?"), T)));
    }

    @Test
    void aRequestOfExactlyTheServicesLimitIsReceivedAndOneByteMoreIsRefused() {
        int limit = 2_000;
        Served<ReplyChannel> service = serveRequests(limit);
        List<Message> received = ContractMessages.echoEveryRecording(service.channel());
        RequestChannel client = requestChannel(DEFAULT_MAX, service.uri());
        EndpointAddress to = EndpointAddress.of(service.uri());
        Message atLimit = ContractMessages.echoOfEncodedSize(limit, to);
        assertEquals(text(atLimit), text(await(client.request(atLimit, T))));
        oversizedRequestRefusal(limit).assertMatches(failure(client.request(
                ContractMessages.echoOfEncodedSize(limit + 1, to), T)));
        assertEquals(1, received.size(), "the refused request never reaches the service's channel");
    }

    @Test
    void aReplyPastTheClientsLimitFailsWithWcfsQuotaText() {
        Served<ReplyChannel> service = serveRequests(DEFAULT_MAX);
        answerEvery(service.channel(), m -> Message.create(m.version(), ContractMessages.ECHO_RESPONSE,
                new XmlFragment("<Big xmlns=\"urn:t\">" + "y".repeat(5_000) + "</Big>")));
        Throwable e = failure(requestChannel(2_000, service.uri()).request(echo("big"), T));
        assertInstanceOf(QuotaExceededException.class, e);
        assertEquals(WcfText.MaxReceivedMessageSizeExceeded.format(2_000), e.getMessage());
    }

    @Test
    void thirtyTwoConcurrentRequestsEachGetTheirOwnReply() {
        Served<ReplyChannel> service = serveRequests(DEFAULT_MAX);
        answerEvery(service.channel(), ContractMessages::response);
        RequestChannel client = requestChannel(DEFAULT_MAX, service.uri());
        List<Message> requests = new ArrayList<>();
        List<CompletableFuture<Message>> replies = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            Message request = echo("call " + i);
            requests.add(request);
            replies.add(client.request(request, T));
        }
        for (int i = 0; i < 32; i++) {
            Message reply = await(replies.get(i));
            assertEquals(requests.get(i).headers().messageId(), reply.headers().relatesTo());
            assertEquals("call " + i, text(reply));
        }
    }

    @Test
    void aRequestNobodyAnswersTimesOutWithWcfsTextAndTheChannelCarriesTheNext() {
        Served<ReplyChannel> service = serveRequests(DEFAULT_MAX);
        RequestChannel client = requestChannel(DEFAULT_MAX, service.uri());
        Duration timeout = Duration.ofSeconds(30);
        Throwable e = failureAt(clock, timeout, client.request(echo("unanswered"), timeout));
        assertInstanceOf(CommunicationTimeoutException.class, e);
        assertEquals(WcfText.RequestTimedOut.format("00:00:30"), e.getMessage());
        answerEvery(service.channel(), ContractMessages::response); // answers the late request too
        Message next = echo("next");
        assertEquals(next.headers().messageId(), await(client.request(next, T)).headers().relatesTo());
    }

    @Test
    void anIdleReceiveRequestTimesOutWithWcfsText() {
        ReplyChannel service = serveRequests(DEFAULT_MAX).channel();
        Duration timeout = Duration.ofSeconds(10);
        assertReceiveTimesOut(clock, timeout, service.receiveRequest(timeout));
    }

    @Test
    void closingTheReplyChannelCompletesAPendingReceiveEmptyAndLaterOnesAtOnce() {
        ReplyChannel service = serveRequests(DEFAULT_MAX).channel();
        CompletableFuture<Optional<RequestContext>> pending = service.receiveRequest(T);
        await(service.close(T));
        assertEquals(Optional.empty(), await(pending));
        assertEquals(Optional.empty(), service.receiveRequest(T).getNow(null));
        assertEquals(CommunicationState.Closed, service.state());
    }

    @Test
    void abortingTheReplyChannelCompletesAPendingReceiveEmptyAndLaterOnesAtOnce() {
        ReplyChannel service = serveRequests(DEFAULT_MAX).channel();
        CompletableFuture<Optional<RequestContext>> pending = service.receiveRequest(T);
        service.abort();
        assertEquals(Optional.empty(), await(pending));
        assertEquals(Optional.empty(), service.receiveRequest(T).getNow(null));
        assertEquals(CommunicationState.Closed, service.state());
    }

    @Test
    void closingTheListenerEndsItsSecondAcceptAndClosesItsReplyChannel() {
        Served<ReplyChannel> service = serveRequests(DEFAULT_MAX);
        CompletableFuture<Optional<ReplyChannel>> second = service.listener().acceptChannel(T);
        CompletableFuture<Optional<RequestContext>> receiving = service.channel().receiveRequest(T);
        await(service.listener().close(T));
        assertEquals(Optional.empty(), await(second), "a datagram listener yields one channel");
        assertEquals(Optional.empty(), await(receiving));
        assertEquals(CommunicationState.Closed, service.channel().state());
    }

    @Test
    void requestsTheServiceNeverReceivedFailAtOnceWhenItsChannelCloses() {
        Served<ReplyChannel> service = serveRequests(DEFAULT_MAX);
        RequestChannel client = requestChannel(DEFAULT_MAX, service.uri());
        CompletableFuture<Message> pending = client.request(echo("never received"), T);
        // on the clock the request reaches the channel's queue now; with real I/O it arrives before or after the close:
        // queued, it is released when the channel closes; after, it is refused (HTTP: 503). Either way, at once.
        clock.runPending();
        await(service.channel().close(T));
        Throwable e = failure(pending); // no virtual time passed: not a timeout
        assertInstanceOf(CommunicationException.class, e, () -> "unexpected failure: " + e);
    }

    @Test
    void aRequestReceivedBeforeTheServiceClosedIsStillAnswered() {
        InFlight x = exchangeInFlight();
        await(x.service().listener().close(T));
        await(x.received().reply(response(x.received().requestMessage()), T));
        assertEquals(x.request().headers().messageId(), await(x.pending()).headers().relatesTo());
    }

    @Test
    void aRequestInFlightWhenTheClientClosesStillGetsItsReply() {
        InFlight x = exchangeInFlight();
        await(x.client().close(T));
        x.received().reply(response(x.received().requestMessage()), T);
        assertEquals(x.request().headers().messageId(), await(x.pending()).headers().relatesTo());
    }

    @Test
    void aRequestInFlightWhenTheClientAbortsFailsAtOnceAsAborted() {
        InFlight x = exchangeInFlight();
        x.client().abort();
        abortedRequest(x.service().uri()).assertMatches(failure(x.pending()));
    }

    @Test
    void aResetExchangeFailsAndTheSameChannelCarriesTheNext() throws Exception {
        Served<ReplyChannel> service = serveRequests(DEFAULT_MAX);
        answerEvery(service.channel(), ContractMessages::response);
        FaultyRoute route = faultyRouteTo(service.uri());
        RequestChannel client = open(this.<RequestChannel>openFactory(ChannelType.REQUEST, DEFAULT_MAX)
                .createChannel(EndpointAddress.of(service.uri()), route.via()));
        route.resetNextClientMessage();
        Throwable e = failure(client.request(echo("reset"), T));
        assertInstanceOf(CommunicationException.class, e, () -> "unexpected failure: " + e);
        Message next = echo("after the reset");
        assertEquals(next.headers().messageId(), await(client.request(next, T)).headers().relatesTo());
    }

    @Test
    void anExchangeTheServiceAbortsFailsTheClientAtOnce() {
        InFlight x = exchangeInFlight();
        x.received().abort();
        Throwable e = failure(x.pending()); // no virtual time passed: not a timeout
        assertInstanceOf(CommunicationException.class, e, () -> "unexpected failure: " + e);
        answerEvery(x.service().channel(), ContractMessages::response);
        Message next = echo("next");
        assertEquals(next.headers().messageId(), await(x.client().request(next, T)).headers().relatesTo());
    }

    @Test
    void aRequestChannelUsedBeforeOpenOrAfterAbortFailsWithWcfsTexts() {
        assumeShape(ChannelShape.REQUEST);
        ChannelFactory<RequestChannel> factory = openFactory(ChannelType.REQUEST, DEFAULT_MAX);
        RequestChannel client = factory.createChannel(EndpointAddress.of(freshListenAddress().uri()));
        Throwable unopened = failureOf(() -> client.request(echo("too early"), T));
        assertInstanceOf(IllegalStateException.class, unopened);
        assertWcfText(WcfText.CommunicationObjectCannotBeUsed, unopened.getMessage());
        assertTrue(unopened.getMessage().contains(" is in the Created state."), unopened.getMessage());
        await(client.open(T));
        client.abort();
        Throwable aborted = failureOf(() -> client.request(echo("too late"), T));
        assertInstanceOf(CommunicationObjectAbortedException.class, aborted);
        assertWcfText(WcfText.CommunicationObjectAborted1, aborted.getMessage());
    }

    // ---- duplex session

    @Test
    void aSessionCarriesMessagesBothWaysInOrder() {
        Session s = openSession(DEFAULT_MAX);
        assertEquals(s.client().session().id(), s.service().session().id());
        for (int i = 1; i <= 3; i++) {
            await(s.client().send(echo(String.valueOf(i)), T));
        }
        for (int i = 1; i <= 3; i++) {
            assertEquals(String.valueOf(i), text(await(s.service().receive(T)).orElseThrow()));
        }
        await(s.service().send(echo("back"), T));
        assertEquals("back", text(await(s.client().receive(T)).orElseThrow()));
    }

    @Test
    void openingASessionWhereNobodyListensFails() throws Exception {
        assumeShape(ChannelShape.DUPLEX_SESSION);
        URI nowhere = addressNobodyListensAt();
        DuplexSessionChannel client = this.<DuplexSessionChannel>openFactory(ChannelType.DUPLEX_SESSION, DEFAULT_MAX)
                .createChannel(EndpointAddress.of(nowhere));
        opened.add(client);
        nobodyListening(nowhere).assertMatches(failure(client.open(T)));
    }

    @Test
    void aMessagePastTheReceiversLimitFaultsItWithWcfsQuotaText() {
        Session s = openSession(2_000);
        CompletableFuture<Optional<Message>> receiving = s.service().receive(T);
        await(s.client().send(echo("z".repeat(5_000)), T));
        Throwable e = failure(receiving);
        assertInstanceOf(QuotaExceededException.class, e);
        assertEquals(WcfText.MaxReceivedMessageSizeExceeded.format(2_000), e.getMessage());
        assertEquals(CommunicationState.Faulted, s.service().state());
    }

    @Test
    void thirtyTwoConcurrentMessagesAreEachAnsweredWithTheirCorrelation() {
        Session s = openSession(DEFAULT_MAX);
        echoEvery(s.service());
        Map<String, String> sent = new HashMap<>();
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            Message m = echo("message " + i);
            sent.put(m.headers().messageId(), "message " + i);
            sends.add(s.client().send(m, T));
        }
        await(Futures.all(sends));
        Map<String, String> answered = new HashMap<>();
        for (int i = 0; i < 32; i++) {
            Message reply = await(s.client().receive(T)).orElseThrow();
            answered.put(reply.headers().relatesTo(), text(reply));
        }
        assertEquals(sent, answered);
    }

    @Test
    void anIdleSessionReceiveTimesOutWithWcfsText() {
        Session s = openSession(DEFAULT_MAX);
        Duration timeout = Duration.ofSeconds(10);
        assertReceiveTimesOut(clock, timeout, s.service().receive(timeout));
    }

    @Test
    void closingOneEndCompletesBothEndsPendingReceivesEmpty() {
        Session s = openSession(DEFAULT_MAX);
        CompletableFuture<Optional<Message>> clientReceiving = s.client().receive(T);
        CompletableFuture<Optional<Message>> serviceReceiving = s.service().receive(T);
        CompletableFuture<Void> closing = s.client().close(T); // a session transport awaits the other end's close
        assertEquals(Optional.empty(), await(clientReceiving));
        assertEquals(Optional.empty(), await(serviceReceiving), "the other end's input ends");
        await(s.service().close(T));
        await(closing);
        assertEquals(Optional.empty(), await(s.client().receive(T)));
        assertEquals(CommunicationState.Closed, s.client().state());
    }

    @Test
    void abortingOneEndCompletesItsPendingReceiveEmptyAndFaultsTheOther() {
        Session s = openSession(DEFAULT_MAX);
        CompletableFuture<Optional<Message>> clientReceiving = s.client().receive(T);
        CompletableFuture<Optional<Message>> serviceReceiving = s.service().receive(T);
        s.client().abort();
        assertEquals(Optional.empty(), await(clientReceiving));
        Throwable e = failure(serviceReceiving);
        assertInstanceOf(CommunicationException.class, e, () -> "unexpected failure: " + e);
        assertEquals(CommunicationState.Faulted, s.service().state());
    }

    @Test
    void aResetSessionFaultsBothEndsAndFailsTheirPendingReceives() throws Exception {
        assumeShape(ChannelShape.DUPLEX_SESSION);
        ChannelListener<DuplexSessionChannel> listener = openListener(ChannelType.DUPLEX_SESSION, DEFAULT_MAX,
                freshListenAddress());
        FaultyRoute route = faultyRouteTo(listener.uri());
        DuplexSessionChannel client = open(this.<DuplexSessionChannel>openFactory(ChannelType.DUPLEX_SESSION,
                DEFAULT_MAX).createChannel(EndpointAddress.of(listener.uri()), route.via()));
        DuplexSessionChannel service = accept(listener);
        CompletableFuture<Optional<Message>> clientReceiving = client.receive(T);
        CompletableFuture<Optional<Message>> serviceReceiving = service.receive(T);
        route.resetNextClientMessage();
        client.send(echo("reset"), T);
        assertInstanceOf(CommunicationException.class, failure(serviceReceiving));
        assertInstanceOf(CommunicationException.class, failure(clientReceiving));
        assertEquals(CommunicationState.Faulted, client.state());
        assertEquals(CommunicationState.Faulted, service.state());
    }

    @Test
    void closingTheSessionListenerEndsAPendingAccept() {
        assumeShape(ChannelShape.DUPLEX_SESSION);
        ChannelListener<DuplexSessionChannel> listener = openListener(ChannelType.DUPLEX_SESSION, DEFAULT_MAX,
                freshListenAddress());
        CompletableFuture<Optional<DuplexSessionChannel>> accepting = listener.acceptChannel(T);
        await(listener.close(T));
        assertEquals(Optional.empty(), await(accepting));
    }

    // ---- every shape

    @Test
    void aListenerAtAnAddressInUseFailsToOpenAndTheFirstKeepsListening() {
        for (ChannelShape shape : clientShapes()) {
            ChannelListener<?> first = openListener(ChannelType.of(serviceShape(shape)), DEFAULT_MAX,
                    freshListenAddress());
            ChannelListener<?> second = builder.buildListener(binding(shape, DEFAULT_MAX),
                    ChannelType.of(serviceShape(shape)),
                    withClock(parameters()).put(ListenAddress.class, ListenAddress.explicit(first.uri())));
            opened.add(second);
            addressInUse(first.uri()).assertMatches(failure(second.open(T)));
            assertEquals(CommunicationState.Faulted, second.state(), shape.wcfName());
            assertEquals(CommunicationState.Opened, first.state(), shape.wcfName());
        }
    }

    // ---- building, opening and waiting

    /** A listener and the channel it accepted. */
    protected record Served<C extends Channel>(ChannelListener<C> listener, C channel) {
        URI uri() {
            return listener.uri();
        }
    }

    /** A request the service has received and not yet answered. */
    protected record InFlight(Served<ReplyChannel> service, RequestChannel client, Message request,
            CompletableFuture<Message> pending, RequestContext received) {
    }

    private InFlight exchangeInFlight() {
        Served<ReplyChannel> service = serveRequests(DEFAULT_MAX);
        RequestChannel client = requestChannel(DEFAULT_MAX, service.uri());
        Message request = echo("in flight");
        CompletableFuture<Message> pending = client.request(request, T);
        return new InFlight(service, client, request, pending, await(service.channel().receiveRequest(T))
                .orElseThrow());
    }

    /** Both ends of one session. */
    protected record Session(DuplexSessionChannel client, DuplexSessionChannel service) {
    }

    private Served<ReplyChannel> serveRequests(long maxReceivedMessageSize) {
        assumeShape(ChannelShape.REQUEST);
        ChannelListener<ReplyChannel> listener = openListener(ChannelType.REPLY, maxReceivedMessageSize,
                freshListenAddress());
        return new Served<>(listener, accept(listener));
    }

    private RequestChannel requestChannel(long maxReceivedMessageSize, URI to) {
        return open(this.<RequestChannel>openFactory(ChannelType.REQUEST, maxReceivedMessageSize)
                .createChannel(EndpointAddress.of(to)));
    }

    private Session openSession(long serviceMaxReceivedMessageSize) {
        assumeShape(ChannelShape.DUPLEX_SESSION);
        ChannelListener<DuplexSessionChannel> listener = openListener(ChannelType.DUPLEX_SESSION,
                serviceMaxReceivedMessageSize, freshListenAddress());
        DuplexSessionChannel client = open(this.<DuplexSessionChannel>openFactory(ChannelType.DUPLEX_SESSION,
                DEFAULT_MAX).createChannel(EndpointAddress.of(listener.uri())));
        return new Session(client, accept(listener));
    }

    private void assumeShape(ChannelShape clientShape) {
        assumeTrue(clientShapes().contains(clientShape), () -> "the transport builds no " + clientShape.wcfName());
    }

    private static ChannelShape serviceShape(ChannelShape clientShape) {
        return clientShape == ChannelShape.REQUEST ? ChannelShape.REPLY : clientShape;
    }

    private CustomBinding binding(ChannelShape clientShape, long maxReceivedMessageSize) {
        return CustomBinding.of("contract", TextMessageEncodingBindingElement.defaults(),
                transport(clientShape, maxReceivedMessageSize));
    }

    private BindingParameters withClock(BindingParameters p) {
        return p.put(Scheduler.class, clock);
    }

    protected final <C extends Channel> ChannelFactory<C> openFactory(ChannelType<C> clientType,
            long maxReceivedMessageSize) {
        ChannelFactory<C> factory = builder.buildFactory(binding(clientType.shape(), maxReceivedMessageSize),
                clientType, withClock(parameters()));
        opened.add(factory);
        await(factory.open(T));
        return factory;
    }

    /** A listener of {@code serviceType} ({@code REPLY} for a request/reply transport), opened. */
    protected final <C extends Channel> ChannelListener<C> openListener(ChannelType<C> serviceType,
            long maxReceivedMessageSize, ListenAddress at) {
        ChannelShape clientShape = serviceType == ChannelType.REPLY ? ChannelShape.REQUEST : serviceType.shape();
        ChannelListener<C> listener = builder.buildListener(binding(clientShape, maxReceivedMessageSize),
                serviceType, withClock(parameters()).put(ListenAddress.class, at));
        opened.add(listener);
        await(listener.open(T));
        return listener;
    }

    protected final <C extends Channel> C accept(ChannelListener<C> listener) {
        return open(await(listener.acceptChannel(T)).orElseThrow());
    }

    protected final <C extends Channel> C open(C channel) {
        opened.add(channel);
        await(channel.open(T));
        return channel;
    }

    /**
     * Runs the work queued on the clock (no time passes) and waits up to {@link #ioWait()} for I/O, until {@code f}
     * completes; its result, or its failure rethrown. Fails the test when it does not complete.
     */
    protected final <T> T await(CompletableFuture<T> f) {
        clock.runPending();
        if (!f.isDone() && !ioWait().isZero()) {
            try {
                f.get(ioWait().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                fail("the operation did not complete within " + ioWait());
            } catch (ExecutionException e) {
                // rethrown by join below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
            clock.runPending();
        }
        if (!f.isDone()) {
            fail("the operation did not complete and nothing is left to run (pending timers: "
                    + clock.pendingTimers() + ")");
        }
        return Futures.join(f);
    }

    /** The failure {@code f} completes with, unwrapped. */
    protected final Throwable failure(CompletableFuture<?> f) {
        try {
            Object value = await(f);
            return fail("expected a failure, got " + value);
        } catch (RuntimeException e) {
            return Futures.unwrap(e);
        }
    }

    /** The failure of an operation that may throw at once or complete exceptionally. */
    private Throwable failureOf(Supplier<CompletableFuture<?>> operation) {
        CompletableFuture<?> f;
        try {
            f = operation.get();
        } catch (RuntimeException e) {
            return e;
        }
        return failure(f);
    }

    /** {@code actual} is {@code text} with any values in its placeholders (the type name WCF prints). */
    private static void assertWcfText(WcfText text, String actual) {
        String[] parts = text.format().split("\\{\\d+\\}", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            regex.append(i == 0 ? "" : ".+").append(Pattern.quote(parts[i]));
        }
        assertTrue(Pattern.matches(regex.toString(), actual), () -> "not " + text.name() + ": " + actual);
    }
}
