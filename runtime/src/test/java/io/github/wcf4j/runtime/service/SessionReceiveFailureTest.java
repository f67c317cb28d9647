package io.github.wcf4j.runtime.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.runtime.channel.AbstractCommunicationObject;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.CommunicationState;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.InputSessionChannel;
import io.github.wcf4j.runtime.channel.Session;
import io.github.wcf4j.runtime.contract.ConcurrencyMode;
import io.github.wcf4j.runtime.contract.ContractDescription;
import io.github.wcf4j.runtime.contract.OperationDescription;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A session channel whose receive throws at once (it faulted between two calls) is aborted and gives its session
 * permit back: with {@code maxConcurrentSessions} 1, the next session is accepted.
 */
class SessionReceiveFailureTest {
    private final AsyncPermits sessions = new AsyncPermits(1);
    private final StubListener listener = new StubListener();
    private final EndpointDispatcher dispatcher = new EndpointDispatcher(listener,
            new MessageDispatcher(new NoInvoker(), () -> URI.create("inmemory://localhost/s"), AddressFilter.NONE,
                    MessageVersion.SOAP12_WS_ADDRESSING10, Runnable::run,
                    InstanceContexts.single(ConcurrencyMode.Single)),
            new AsyncPermits(1), sessions, Duration.ofSeconds(1), Duration.ofSeconds(1), null);

    @Test
    void aSessionWhoseFirstReceiveThrowsIsAbortedAndReleasesItsPermit() {
        FaultingSession first = listener.offer(new FaultingSession(null));
        dispatcher.open(Duration.ofSeconds(1)).join();

        assertEquals(CommunicationState.Closed, first.state(), "the session is aborted");
        assertEquals(0, dispatcher.openSessions());
        assertEquals(1, listener.pendingAccepts(), "the permit came back: the next session is accepted");
        FaultingSession second = listener.offer(new FaultingSession(null));
        assertEquals(CommunicationState.Closed, second.state());
        assertEquals(1, listener.pendingAccepts());
    }

    @Test
    void aSessionWhoseReceiveThrowsAfterACallIsAbortedAndReleasesItsPermit() {
        CompletableFuture<Optional<Message>> firstMessage = new CompletableFuture<>();
        dispatcher.open(Duration.ofSeconds(1)).join();
        FaultingSession session = listener.offer(new FaultingSession(firstMessage));
        assertEquals(0, listener.pendingAccepts(), "maxConcurrentSessions 1: no second accept while it lives");

        // a message without To is answered by the dispatcher itself; the pump's next receive then throws
        firstMessage.complete(Optional.of(Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, "urn:a",
                new XmlFragment("<a xmlns=\"urn:a\"/>"))));

        assertEquals(CommunicationState.Closed, session.state(), "the session is aborted");
        assertEquals(0, dispatcher.openSessions());
        assertEquals(1, sessions.inUse(), "the permit went to the next accept");
        assertEquals(1, listener.pendingAccepts());
    }

    /** A session listener handing out the channels the test offers, one per pending accept. */
    private static final class StubListener extends NothingToOpen implements ChannelListener<InputSessionChannel> {
        private final Queue<CompletableFuture<Optional<InputSessionChannel>>> accepts = new ArrayDeque<>();
        private final Queue<InputSessionChannel> ready = new ArrayDeque<>();

        <C extends InputSessionChannel> C offer(C channel) {
            CompletableFuture<Optional<InputSessionChannel>> waiting = accepts.poll();
            if (waiting == null) {
                ready.add(channel);
            } else {
                waiting.complete(Optional.of(channel));
            }
            return channel;
        }

        int pendingAccepts() {
            return accepts.size();
        }

        @Override
        public ChannelType<InputSessionChannel> channelType() {
            return ChannelType.INPUT_SESSION;
        }

        @Override
        public URI uri() {
            return URI.create("inmemory://localhost/s");
        }

        @Override
        public CompletableFuture<Optional<InputSessionChannel>> acceptChannel(Duration timeout) {
            InputSessionChannel c = ready.poll();
            if (c != null) {
                return CompletableFuture.completedFuture(Optional.of(c));
            }
            CompletableFuture<Optional<InputSessionChannel>> f = new CompletableFuture<>();
            accepts.add(f);
            return f;
        }
    }

    /** A session channel that returns {@code first} (if any) from its first receive and throws from the next. */
    private static final class FaultingSession extends NothingToOpen implements InputSessionChannel {
        private CompletableFuture<Optional<Message>> first;

        FaultingSession(CompletableFuture<Optional<Message>> first) {
            this.first = first;
        }

        @Override
        public CompletableFuture<Optional<Message>> receive(Duration timeout) {
            CompletableFuture<Optional<Message>> f = first;
            first = null;
            if (f == null) {
                throw new IllegalStateException("the channel faulted between two calls");
            }
            return f;
        }

        @Override
        public EndpointAddress localAddress() {
            return EndpointAddress.of(URI.create("inmemory://localhost/s"));
        }

        @Override
        public Session session() {
            return () -> "s";
        }
    }

    /** A communication object with nothing of its own to open, close or abort. */
    private abstract static class NothingToOpen extends AbstractCommunicationObject {
        @Override
        protected CompletableFuture<Void> onOpen(Duration timeout) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        protected CompletableFuture<Void> onClose(Duration timeout) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        protected void onAbort() {
        }
    }

    /** The dispatcher answers these tests' messages itself; no operation runs. */
    private static final class NoInvoker implements OperationInvoker {
        @Override
        public ContractDescription contract() {
            throw new AssertionError("no operation is looked up");
        }

        @Override
        public InvocationResult invoke(OperationDescription operation, XmlFragment body, Object session) {
            throw new AssertionError("no operation runs");
        }

        @Override
        public void endSession(Object session) {
        }

        @Override
        public void close() {
        }
    }
}
