package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.CommunicationTimeoutException;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.SecuritySessionToken;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.reliability.store.SequenceChange;
import io.github.wcf4j.runtime.reliability.store.SequenceStore;
import io.github.wcf4j.runtime.reliability.store.StoreHost;
import io.github.wcf4j.runtime.reliability.store.StoredSequence;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reliable session over a duplex inner channel, on either side (WCF {@code ReliableDuplexSessionChannel},
 * {@code ClientReliableSession}/{@code ServerReliableSession} and, with one sequence only, the output and input
 * session channels over duplex): what it adds to the {@link ReliableSession} core is acknowledgements piggy-backed on
 * outgoing messages, requests that wait for the message that RelatesTo them (CreateSequence, CloseSequence,
 * TerminateSequence) and the processing of every message the peer sends on the session.
 *
 * <p>Messages for the session arrive through {@link #handle}; everything it sends goes through {@code sender}, which
 * addresses it to the peer. No thread: timers and futures only.
 *
 * <p>A service session with a durable {@link SequenceStore} (the duplex shape over a datagram duplex channel,
 * compositeDuplex) keeps both of its sequences under the key of the sequence its CreateSequence created: every input
 * message is written before it is accepted (so before any acknowledgement names it) and recorded delivered once
 * handed to the application or, for a request (it has a MessageID), once a message answering it (RelatesTo) was
 * stored; every output message on the client's offer is written before it first goes on the wire (its
 * send completes then), the client's acknowledgements of them are recorded; 1.1's close is written before it is
 * answered. A session {@linkplain #service resumed} from the store delivers again, in order, the messages it had
 * accepted and not delivered and sends again the output messages the client had not acknowledged.
 *
 * <p>A client session with a durable store (compositeDuplex with a clientBaseAddress: its back channel listens at a
 * fixed address) keeps its sequences the same way under the key of the sequence its CreateSequence created (its
 * output), with the offer as its input and its back channel in {@code Opened}; a channel opened later on the same
 * store {@linkplain #resumable finds} and {@linkplain #resumeClient resumes} it without a CreateSequence. The
 * channel's abort (its process stopping) leaves it stored and tells the service nothing.
 */
final class DuplexReliableSession extends ReliableSession implements TransmissionStrategy.Transmitter {
    private static final Logger LOG = LoggerFactory.getLogger(DuplexReliableSession.class);
    /** WCF's {@code UnknownInitiationTime}: the RTT assumed for a sequence whose round trip was never measured. */
    static final Duration UNKNOWN_RTT = Duration.ofSeconds(2);

    /** The sequences of a session: the output this side sends, the input it receives, or both. */
    enum Sequences {
        OUTPUT(true, false), INPUT(false, true), BOTH(true, true);

        private final boolean output;
        private final boolean input;

        Sequences(boolean output, boolean input) {
            this.output = output;
            this.input = input;
        }
    }

    private final Sequences sequences;
    private final Function<Message, CompletableFuture<Void>> sender;
    private final Map<String, CompletableFuture<WsrmInfo>> requests = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> inputTerminated = new CompletableFuture<>();
    /** The client's CreateSequence MessageID while it waits for the response. */
    private volatile String creating;

    private final SequenceStore store;
    /**
     * A session whose sequences are kept in {@link #store}: a service's, or a client's whose back channel has a fixed
     * address (the other client shapes are refused when built).
     */
    private final boolean durable;
    /** The sequences this process's client sessions resumed or created: a stored one is resumed by one only. */
    private static final Set<String> CLAIMED = ConcurrentHashMap.newKeySet();
    private final StoredMessages stored;
    private final boolean client;
    /** Input numbers whose {@code Received} write is under way: a retransmission meanwhile is dropped. */
    private final Set<Long> writing = ConcurrentHashMap.newKeySet();
    /** Output numbers' {@code Sent} writes: a message goes on the wire, and its send completes, once written. */
    private final Map<Long, CompletableFuture<Void>> sentWrites = new ConcurrentHashMap<>();

    /** The input number a message delivered to the application had (to record it delivered). */
    private record InputNumber(long number) {
    }

    /**
     * Requests handed to the application whose answer was not sent yet, by MessageID: a request (a message with a
     * MessageID: WCF gives one to two-way operations only) is recorded delivered once a message that RelatesTo it was
     * stored, so a request whose reply a crash lost is delivered again after the restart.
     */
    private final Map<String, Long> unanswered = new ConcurrentHashMap<>();
    /** Set by {@link #abandon}: the process stops serving the session, which stays in the store. */
    private volatile boolean abandoned;

    private DuplexReliableSession(SessionSettings settings, Side side, Sequences sequences,
            Function<Message, CompletableFuture<Void>> sender, Consumer<Throwable> onFault) {
        super(settings, side, onFault);
        this.sequences = sequences;
        this.sender = sender;
        this.store = settings.store();
        this.durable = store.durable() && sequences == Sequences.BOTH;
        this.client = side == Side.CLIENT;
        this.stored = durable ? new StoredMessages(settings.version()) : null;
    }

    /** The client of a session whose messages {@code sender} sends; it {@linkplain #openClient opens} it. */
    static DuplexReliableSession client(SessionSettings settings, Sequences sequences,
            Function<Message, CompletableFuture<Void>> sender, Consumer<Throwable> onFault) {
        return new DuplexReliableSession(settings, Side.CLIENT, sequences, sender, onFault);
    }

    /**
     * The service end of the session a CreateSequence opened: its input is the sequence {@code created}, its output
     * the client's offer {@code offered} (null without one); {@code sender} sends to the client's back channel.
     */
    static DuplexReliableSession service(SessionSettings settings, Sequences sequences, String created,
            String offered, Function<Message, CompletableFuture<Void>> sender, Consumer<Throwable> onFault) {
        return service(settings, sequences, created, offered, sender, onFault, null);
    }

    /**
     * The service end of a session, {@code resumed} from the store after its process restarted (null: a new
     * session): its accepted, undelivered messages are delivered again in order, its unacknowledged output messages
     * are sent again at once.
     */
    static DuplexReliableSession service(SessionSettings settings, Sequences sequences, String created,
            String offered, Function<Message, CompletableFuture<Void>> sender, Consumer<Throwable> onFault,
            StoredSequence resumed) {
        DuplexReliableSession s = new DuplexReliableSession(settings, Side.SERVICE, sequences, sender, onFault);
        s.establish(offered, created, UNKNOWN_RTT);
        if (resumed != null) {
            s.restore(resumed);
        }
        return s;
    }

    /**
     * The change that opens a duplex service session in the store, written before its CreateSequenceResponse is
     * sent: both sequences and the back channel its output goes to.
     */
    static SequenceChange.Opened opened(SessionSettings settings, String created, String offered, String endpoint,
            EndpointAddress backChannel) {
        return new SequenceChange.Opened(SequenceChange.Role.SERVICE_DUPLEX, settings.wsrm().ns(), created, offered,
                endpoint, new SequenceChange.Address(backChannel.uri().toString(),
                        backChannel.referenceParameters()));
    }

    /**
     * The change that opens a durable duplex client session in the store, written once its CreateSequenceResponse
     * arrived and before its open completes: the created sequence (the key, the output), the offer (the input), the
     * service's address and the back channel the CreateSequence named (where a restarted client listens again).
     */
    private SequenceChange.Opened clientOpened(URI remote, EndpointAddress backChannel) {
        return new SequenceChange.Opened(SequenceChange.Role.CLIENT_DUPLEX, wsrm.ns(), inputId, outputId,
                remote.toString(), new SequenceChange.Address(backChannel.uri().toString(),
                        backChannel.referenceParameters()));
    }

    /** The key of the session's sequences: the sequence its CreateSequence created. */
    private String key() {
        return client ? outputId : inputId;
    }

    /**
     * Client: the unfinished stored session of this endpoint (its service's address) that no other channel of the
     * process resumed, claimed for this one; empty without a durable store or such a session.
     */
    CompletableFuture<Optional<StoredSequence>> resumable(URI remote) {
        if (!durable || !client) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return store.unfinished(SequenceChange.Role.CLIENT_DUPLEX, remote.toString()).thenApply(found -> {
            for (StoredSequence s : found) {
                if (s.opened().wsrm().equals(wsrm.ns()) && CLAIMED.add(s.opened().outputId())) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        });
    }

    /**
     * Client: continues the stored session {@code s} (claimed by {@link #resumable}) without a CreateSequence: its
     * accepted, undelivered input messages are delivered again in order, its unacknowledged output messages sent again
     * at once, the numbering continues.
     */
    void resumeClient(StoredSequence s) {
        establish(s.opened().outputId(), s.opened().inputId(), UNKNOWN_RTT);
        restore(s);
        armPoll();
    }

    /** The back channel of stored session {@code s}. */
    static EndpointAddress backChannel(StoredSequence s) {
        SequenceChange.Address a = s.opened().backChannel();
        return new EndpointAddress(URI.create(a.uri()), a.referenceParameters());
    }

    private void restore(StoredSequence s) {
        SequenceRanges delivered = SequenceRanges.EMPTY;
        for (SequenceChange.Range range : s.received()) {
            delivered = delivered.with(new SequenceRange(range.lower(), range.upper()));
        }
        for (long n : s.pending().keySet()) {
            delivered = delivered.without(n);
        }
        boolean lastPending = s.pending().containsKey(s.inputLast());
        InputConnection i = in;
        i.restore(delivered, s.inputClosed() || lastPending ? 0 : s.inputLast());
        for (SequenceChange.Received p : s.pending().values()) {
            Message m = stored.read(p.message());
            WsrmInfo.read(m, wsrm);
            if (!p.last()) {
                m.properties().put(InputNumber.class, new InputNumber(p.number()));
            }
            i.accept(new SequenceHeader(inputId, p.number(), p.last()), m, !p.last(), false);
        }
        if (s.inputClosed()) {
            i.takeLastNumber(OptionalLong.of(s.inputLast()));
            i.shutdown();
        } else if (i.lastKnown() && i.allReceived()) {
            i.shutdown();
        }
        SortedMap<Long, Message> window = new TreeMap<>();
        s.unacknowledged().forEach((n, bytes) -> window.put(n, stored.read(bytes)));
        LOG.info("resuming reliable duplex session {} from the store ({} messages to deliver, {} unacknowledged)",
                inputId, s.pending().size(), window.size());
        out.restore(s.lastSent(), window);
    }

    /**
     * Runs {@code then} once {@code change} is in the store; a failed write fails the session, since what it would
     * acknowledge or send could be lost.
     */
    private void persisted(SequenceChange change, Runnable then) {
        store.write(key(), change).whenCompleteAsync((v, e) -> {
            if (e != null) {
                fail(storeFailure(e));
            } else {
                then.run();
            }
        }, scheduler.executor());
    }

    /** Writes {@code change} without waiting (what it records is acknowledged by nothing). */
    private void record(SequenceChange change) {
        if (durable) {
            store.write(key(), change).whenComplete((v, e) -> {
                if (e != null) {
                    LOG.debug("could not record {} of session {}: {}", change, key(), e.toString());
                }
            });
        }
    }

    private static RuntimeException storeFailure(Throwable e) {
        return new CommunicationException("The reliable session could not write to"
                + " its store, so it stops rather than acknowledge or send what a crash could lose: "
                + Futures.unwrap(e).getMessage(), Futures.unwrap(e));
    }

    Wsrm wsrm() {
        return wsrm;
    }

    // ---------------------------------------------------------------- establishing

    /**
     * Client: sends CreateSequence (with an offer when the session has an input) and waits for the response, trying
     * again every 10 s until {@code timeout}, as WCF's requestor does; bound to {@code securitySession} when the
     * channel below is one (WCF's CreateSequence names the session's context token).
     */
    CompletableFuture<Void> openClient(EndpointAddress localAddress, URI remote,
            Optional<SecuritySessionToken> securitySession, Duration timeout) {
        Optional<String> offer = sequences.input ? Optional.of(WsrmMessages.newId()) : Optional.empty();
        CreateSequence cs = CreateSequence.of(wsrm, localAddress, offer, settings.rm().ordered())
                .boundTo(securitySession);
        String messageId = WsrmMessages.newId();
        long started = scheduler.nanoTime();
        creating = messageId;
        return request(() -> messages.createSequence(cs, messageId, localAddress), messageId, timeout,
                WcfText.TimeoutOnOpen.format(WcfTimeSpan.format(timeout)), true).thenAccept(info -> {
                    creating = null;
                    CreateSequenceResponse csr = CreateSequenceAnswer.check(info.message(), messages, messageId,
                            offer, remote, this::send);
                    Duration rtt = Duration.ofNanos(Math.max(1, scheduler.nanoTime() - started));
                    establish(csr.id(), offer.orElse(null), rtt);
                    armPoll();
                }).thenCompose(v -> {
                    if (!durable) {
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    // stored before the open completes: nothing is sent on the sequence before a restart could find it
                    CLAIMED.add(outputId);
                    return store.write(outputId, clientOpened(remote, localAddress)).exceptionally(e -> {
                        throw storeFailure(e);
                    });
                });
    }

    private void establish(String output, String input, Duration rtt) {
        if (sequences.output && output != null) {
            outputId = output;
            out = output(output, true, rtt, this);
        }
        if (sequences.input && input != null) {
            inputId = input;
            in = input(input, settings.rm().flowControlEnabled(), this::sendAck);
        }
        armInactivity();
    }

    /**
     * Transmits a message of the output sequence, carrying the acknowledgement the input owes; with a store, a first
     * transmission waits for the message's {@code Sent} write (and a retransmission for that write, if still under
     * way): no message goes out that a restarted process would number again.
     */
    @Override
    public void transmit(long number, Message message, boolean retry) {
        if (!durable) {
            transmitNow(number, message);
            return;
        }
        CompletableFuture<Void> written = retry ? sentWrites.get(number) : sentWrite(number);
        if (written == null) {
            // a retransmission of a message written long ago (or restored from the store)
            transmitNow(number, message);
            return;
        }
        if (!retry && !written.isDone()) {
            store.write(key(), new SequenceChange.Sent(number, stored.write(message))).whenComplete((v, e) -> {
                if (e != null) {
                    written.completeExceptionally(e);
                } else {
                    written.complete(null);
                }
            });
        }
        written.whenCompleteAsync((v, e) -> {
            if (e != null) {
                fail(storeFailure(e));
            } else {
                transmitNow(number, message);
            }
        }, scheduler.executor());
    }

    /** The write of output message {@code number}, made by its first transmission, awaited by its send. */
    private CompletableFuture<Void> sentWrite(long number) {
        return sentWrites.computeIfAbsent(number, n -> new CompletableFuture<>());
    }

    private void transmitNow(long number, Message message) {
        InputConnection i = in;
        if (i != null && i.ackPending()) {
            message.headers().addFirst(i.takeAck().toHeader(wsrm));
        }
        localActivity();
        sender.apply(message).whenComplete((v, e) -> {
            if (e != null) {
                LOG.debug("transmission of message {} failed (it will be retried): {}", number,
                        Futures.unwrap(e).toString());
            }
        });
    }

    // ---------------------------------------------------------------- application traffic

    /** Sends an application message on the output sequence; completes when it entered the window. */
    CompletableFuture<Void> send(Message message, Duration timeout) {
        TransmissionStrategy o = out;
        if (o == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("this session has no output sequence"));
        }
        if (durable) {
            // accepted once the numbered message is stored (its first transmission waits for the same write)
            String relatesTo = message.headers().relatesTo();
            Long answers = relatesTo == null ? null : unanswered.remove(relatesTo);
            return o.add(message, timeout).thenCompose(n -> sentWrite(n).whenComplete((v, e) -> {
                sentWrites.remove(n);
                if (e == null && answers != null) {
                    // after the answer's write: a crash between the two delivers the request again (at least once)
                    record(new SequenceChange.Delivered(answers));
                }
            }));
        }
        return o.add(message, timeout).thenApply(n -> null);
    }

    CompletableFuture<Optional<Message>> receive(Duration timeout) {
        InputConnection i = in;
        if (i == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("this session has no input sequence"));
        }
        if (durable) {
            // handed to the application: a resumed session delivers it no more
            return i.receive(timeout).thenApply(m -> {
                m.ifPresent(x -> x.properties().get(InputNumber.class).ifPresent(n -> {
                    String messageId = x.headers().messageId();
                    if (messageId != null && x.headers().relatesTo() == null) {
                        unanswered.put(messageId, n.number());
                    } else {
                        record(new SequenceChange.Delivered(n.number()));
                    }
                }));
                return m;
            });
        }
        return i.receive(timeout);
    }

    private void sendAck() {
        InputConnection i = in;
        if (i == null || ended()) {
            return;
        }
        send(messages.acknowledgement(i.takeAck()));
    }

    /** Sends a protocol message of this session (e.g. the listener's CreateSequenceResponse). */
    void send(Message m) {
        localActivity();
        sender.apply(m).whenComplete((v, e) -> {
            if (e != null) {
                LOG.debug("sending {} failed: {}", m.headers().action(), Futures.unwrap(e).toString());
            }
        });
    }

    @Override
    protected void tellPeer(Message fault) {
        send(fault);
    }

    @Override
    protected void keepAlive() {
        InputConnection i = in;
        send(messages.ackRequested(outputId, i != null && i.ackPending() ? i.takeAck() : null));
    }

    // ---------------------------------------------------------------- receiving

    /** Processes a message of this session (the listener or the client's receive loop routes it here). */
    void handle(WsrmInfo info) {
        if (ended()) {
            return;
        }
        TransmissionStrategy o = out;
        remoteActivity(o != null && o.quotaRemaining() == 0);
        if (info.ack().isPresent() && !acknowledgementAccepted(info.ack().get(),
                a -> out.acknowledge(a.ranges(), a.bufferRemaining()) != TransmissionStrategy.AckResult.INVALID)) {
            return;
        }
        if (durable && info.ack().isPresent()) {
            List<SequenceChange.Range> r = new ArrayList<>(info.ack().get().ranges().count());
            info.ack().get().ranges().ranges().forEach(x -> r.add(new SequenceChange.Range(x.lower(), x.upper())));
            record(new SequenceChange.Acknowledged(r));
        }
        switch (info.kind()) {
            case APPLICATION, LAST_MESSAGE -> sequenced(info);
            case ACKNOWLEDGEMENT, ACK_REQUESTED -> info.ackRequested().ifPresent(r -> {
                if (r.id().equals(inputId)) {
                    sendAck();
                } else {
                    unknownSequence(r.id());
                }
            });
            case TERMINATE_SEQUENCE -> terminateReceived(info);
            case CLOSE_SEQUENCE -> closeReceived(info);
            case CREATE_SEQUENCE_RESPONSE, CLOSE_SEQUENCE_RESPONSE, TERMINATE_SEQUENCE_RESPONSE, FAULT -> answer(info);
            default -> LOG.debug("dropped a message the reliable session does not process: {}", info);
        }
    }

    private void sequenced(WsrmInfo info) {
        SequenceHeader seq = info.sequence().orElseThrow();
        InputConnection i = in;
        if (i == null || !seq.id().equals(inputId)) {
            unknownSequence(seq.id());
            return;
        }
        boolean application = info.kind() == WsrmInfo.Kind.APPLICATION;
        if (closing && application && i.lastKnown() && !i.ranges().contains(seq.number())) {
            Optional<ProtocolViolation> v = wsrm.unreceivedWhileClosing();
            if (v.isPresent()) {
                violation(v.get(), inputId);
                return;
            }
        }
        boolean ackRequested = info.ackRequested().filter(a -> a.id().equals(inputId)).isPresent();
        if (durable && !i.ranges().contains(seq.number())) {
            // written before it is accepted, so before any acknowledgement names it
            long n = seq.number();
            if (!writing.add(n)) {
                return; // its write is under way: the client resends it
            }
            if (application) {
                info.message().properties().put(InputNumber.class, new InputNumber(n));
            }
            persisted(new SequenceChange.Received(n, !application, StoreHost.ID, stored.write(info.message())), () -> {
                writing.remove(n);
                accept(i, seq, info, application, ackRequested);
            });
            return;
        }
        accept(i, seq, info, application, ackRequested);
    }

    private void accept(InputConnection i, SequenceHeader seq, WsrmInfo info, boolean application,
            boolean ackRequested) {
        if (ended()) {
            return;
        }
        switch (i.accept(seq, info.message(), application, ackRequested)) {
            case LAST_EXCEEDED -> fault(new ProtocolException(WcfText.LastMessageNumberExceeded.format()),
                    WsrmFault.lastMessageNumberExceeded(wsrm, inputId));
            case CLOSED -> {
                Message fault = messages.fault(WsrmFault.sequenceClosed(wsrm, inputId));
                fault.headers().addFirst(i.currentAck(true, settings.rm().flowControlEnabled()).toHeader(wsrm));
                send(fault);
            }
            default -> { }
        }
    }

    /** A response or fault: it answers the request that waits for it, or a fault with none faults the session. */
    private void answer(WsrmInfo info) {
        // while opening, any CreateSequenceResponse answers the CreateSequence (its RelatesTo is checked)
        String key = info.kind() == WsrmInfo.Kind.CREATE_SEQUENCE_RESPONSE && creating != null ? creating
                : info.message().headers().relatesTo();
        CompletableFuture<WsrmInfo> waiting = key == null ? null : requests.remove(key);
        if (waiting != null) {
            waiting.complete(info);
        } else if (info.kind() == WsrmInfo.Kind.FAULT) {
            fail(ReceivedFault.read(info.message(), wsrm).sessionException(inputId, outputId));
        }
    }

    private void terminateReceived(WsrmInfo info) {
        SequenceEnd t = info.sequenceEnd();
        InputConnection i = in;
        if (t.id().equals(outputId)) {
            Optional<ProtocolViolation> v = wsrm.terminateOfOwnOutput();
            if (v.isPresent()) {
                violation(v.get(), outputId);
                return;
            }
        }
        if (i == null || !t.id().equals(inputId)) {
            unknownSequence(t.id());
            return;
        }
        Optional<ProtocolViolation> v = wsrm.checkTerminate(i, t);
        if (v.isPresent()) {
            violation(v.get(), inputId);
            return;
        }
        if (wsrm.defines(Wsrm.TERMINATE_SEQUENCE_RESPONSE)) {
            send(messages.response(Wsrm.TERMINATE_SEQUENCE_RESPONSE, inputId, info.message().headers().messageId(),
                    i.currentAck(true, settings.rm().flowControlEnabled())));
        }
        i.close();
        inputTerminated.complete(null);
    }

    private void closeReceived(WsrmInfo info) {
        SequenceEnd c = info.sequenceEnd();
        InputConnection i = in;
        if (c.id().equals(outputId)) {
            violation(ProtocolViolation.UNSUPPORTED_CLOSE, outputId);
            return;
        }
        if (i == null || !c.id().equals(inputId)) {
            unknownSequence(c.id());
            return;
        }
        Optional<ProtocolViolation> v = i.takeLastNumber(c.lastMsgNumber());
        if (v.isPresent()) {
            violation(v.get(), inputId);
            return;
        }
        i.shutdown();
        Runnable answer = () -> send(messages.response(Wsrm.CLOSE_SEQUENCE_RESPONSE, inputId,
                info.message().headers().messageId(), i.currentAck(true, settings.rm().flowControlEnabled())));
        if (durable) {
            // the close is stored before it is answered: a resumed session refuses what follows it
            persisted(new SequenceChange.InputClosed(c.lastMsgNumber().orElse(i.ranges().last())), answer);
        } else {
            answer.run();
        }
    }

    // ---------------------------------------------------------------- requests (CreateSequence, Close, Terminate)

    /**
     * Sends a request and waits for the message that RelatesTo it, sending it again every 10 s (WCF's requestor); the
     * last failure surfaces when {@code timeout} is reached, or {@code timeoutText} as a timeout.
     */
    private CompletableFuture<WsrmInfo> request(Supplier<Message> make, String messageId, Duration timeout,
            String timeoutText, boolean exposeLastFailure) {
        CompletableFuture<WsrmInfo> result = new CompletableFuture<>();
        requests.put(messageId, result);
        attempt(make, deadline(timeout), timeoutText, result, exposeLastFailure);
        result.whenComplete((v, e) -> requests.remove(messageId));
        return result;
    }

    private void attempt(Supplier<Message> make, long deadline, String timeoutText, CompletableFuture<WsrmInfo> result,
            boolean exposeLastFailure) {
        if (result.isDone()) {
            return;
        }
        Duration remaining = remaining(deadline);
        boolean lastAttempt = remaining.compareTo(ITERATION) <= 0;
        sender.apply(make.get()).whenComplete((v, e) -> {
            if (e != null && lastAttempt && exposeLastFailure) {
                result.completeExceptionally(Futures.unwrap(e));
            }
        });
        localActivity();
        scheduler.schedule(lastAttempt ? remaining : ITERATION, () -> {
            if (result.isDone()) {
                return;
            }
            if (scheduler.nanoTime() >= deadline) {
                result.completeExceptionally(new CommunicationTimeoutException(timeoutText));
            } else {
                attempt(make, deadline, timeoutText, result, exposeLastFailure);
            }
        });
    }

    // ---------------------------------------------------------------- closing

    /** The graceful close: the output sequence's handshake, then the peer's end of the input sequence. */
    CompletableFuture<Void> close(EndpointAddress localAddress, Duration timeout) {
        closing = true;
        long deadline = deadline(timeout);
        Supplier<String> timeoutText = () -> WcfText.TimeoutOnOperation.format(WcfTimeSpan.format(timeout));
        CompletableFuture<Void> output = sequences.output && out != null
                ? wsrm.endOutput(new DuplexOutputEnd(localAddress, deadline, timeout, timeoutText))
                : CompletableFuture.completedFuture(null);
        return output.thenCompose(v -> sequences.input && in != null ? within(inputTerminated, deadline, timeoutText)
                : CompletableFuture.completedFuture(null)).whenComplete((v, e) -> {
                    end();
                    // closed (or its close failed): the sequence is over, nobody continues it
                    record(new SequenceChange.Ended());
                    unclaim();
                });
    }

    /** Closing the output over the duplex channel: CloseSequence and 1.1's TerminateSequence are requests. */
    private final class DuplexOutputEnd extends OutputEnd {
        private final EndpointAddress localAddress;
        private final Duration timeout;

        DuplexOutputEnd(EndpointAddress localAddress, long deadline, Duration timeout, Supplier<String> timeoutText) {
            super(deadline, timeoutText);
            this.localAddress = localAddress;
            this.timeout = timeout;
        }

        /** Asks at once for the acknowledgement that completes the sequence, unless it is complete. */
        @Override
        public void markLastSent() {
            super.markLastSent();
            if (!o.isDone()) {
                send(messages.ackRequested(outputId, null));
            }
        }

        @Override
        public CompletableFuture<?> closeSequence() {
            String closeId = WsrmMessages.newId();
            return request(() -> messages.closeSequence(outputId, o.last(), closeId, localAddress), closeId,
                    remaining(deadline), WcfText.TimeoutOnClose.format(WcfTimeSpan.format(timeout)), false)
                    .thenAccept(closed -> checkCloseResponse(closed, o.last()));
        }

        @Override
        public CompletableFuture<?> terminateSequence() {
            if (!wsrm.defines(Wsrm.TERMINATE_SEQUENCE_RESPONSE)) {
                // February 2005: one-way, nothing answers it
                send(messages.terminateSequence(outputId, o.last(), null, null));
                return CompletableFuture.completedFuture(null);
            }
            String terminateId = WsrmMessages.newId();
            return request(() -> messages.terminateSequence(outputId, o.last(), terminateId, localAddress),
                    terminateId, remaining(deadline), "", false).handle((r, e) -> null);
        }
    }

    /** 1.1: the answer to CloseSequence must be its response, carrying the final acknowledgement [1..last]. */
    private void checkCloseResponse(WsrmInfo info, long last) {
        if (info.kind() == WsrmInfo.Kind.FAULT) {
            throw ReceivedFault.read(info.message(), wsrm).sessionException(inputId, outputId);
        }
        if (info.kind() != WsrmInfo.Kind.CLOSE_SEQUENCE_RESPONSE
                && info.kind() != WsrmInfo.Kind.TERMINATE_SEQUENCE_RESPONSE) {
            throw new ProtocolException(WcfText.InvalidWsrmResponseSessionFaultedExceptionString.format(
                    Wsrm.CLOSE_SEQUENCE, info.message().headers().action(),
                    wsrm.action(Wsrm.CLOSE_SEQUENCE_RESPONSE)));
        }
        if (!info.ack().filter(a -> a.finallyAcknowledges(last)).isPresent()) {
            throw new ProtocolException(ProtocolViolation.MISSING_FINAL_ACK.exception());
        }
    }

    // ---------------------------------------------------------------- ending

    /** Abort: tells the peer (WCF's SequenceTerminated "user abort") unless closing, then ends. */
    @Override
    void abort() {
        if (durable && client) {
            // a durable client's channel aborted (its process stopping): the sequences stay stored, the service is
            // told nothing, and a channel opened later (this process or the next) resumes them
            abandoned = true;
            unclaim();
        }
        String id = sessionId();
        if (!ended() && id != null && !abandoned) {
            if (!closing) {
                tellPeer(messages.fault(WsrmFault.sequenceTerminated(wsrm, id, false,
                        WcfText.SequenceTerminatedOnAbort.format())));
            }
            // the application ended the session: nobody continues the sequence
            record(new SequenceChange.Ended());
        }
        super.abort();
    }

    /**
     * Ends the session because its listener is aborted (the process stopping): with a durable store the peer is told
     * nothing and the sequence stays stored, for a restarted process to resume; without one, an {@link #abort}.
     */
    void abandon() {
        abandoned = durable;
        abort();
    }

    @Override
    protected void failWaiting(Throwable cause) {
        // a fault ends the sequence for the client too: nothing is left to resume
        record(new SequenceChange.Ended());
        unclaim();
        failRequests(cause);
        inputTerminated.completeExceptionally(cause);
    }

    private void unclaim() {
        String o = outputId;
        if (durable && client && o != null) {
            CLAIMED.remove(o);
        }
    }

    @Override
    protected void failRequests(Throwable cause) {
        requests.values().forEach(r -> r.completeExceptionally(cause));
    }
}
