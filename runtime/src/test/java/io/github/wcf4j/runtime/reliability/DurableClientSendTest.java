package io.github.wcf4j.runtime.reliability;

import static io.github.wcf4j.runtime.reliability.RmHarness.T;
import static io.github.wcf4j.runtime.reliability.RmHarness.action;
import static io.github.wcf4j.runtime.reliability.RmHarness.appMessage;
import static io.github.wcf4j.runtime.reliability.RmHarness.number;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.InputSessionChannel;
import io.github.wcf4j.runtime.channel.OutputSessionChannel;
import io.github.wcf4j.runtime.reliability.store.MemorySequenceStore;
import io.github.wcf4j.runtime.reliability.store.SequenceStore;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.FaultAction;
import io.github.wcf4j.runtime.transport.inmemory.FaultRule;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Durable reliable sessions on the client's send side (issue 19), on virtual time: a client whose {@code send}
 * accepted messages the service never acknowledged is aborted (its process "crashes"); a new factory with the same
 * store resumes the sequence at open and sends them again, exactly once, before the new ones.
 */
class DurableClientSendTest {
    private final MemorySequenceStore store = new MemorySequenceStore();

    private static OutputSessionChannel client(RmHarness h, CustomBinding b, SequenceStore store,
            List<ChannelFactory<?>> factories) {
        ChannelFactory<OutputSessionChannel> f = ChannelStackBuilder.standard().buildFactory(b,
                ChannelType.OUTPUT_SESSION, h.net.parameters().put(SequenceStore.class, store));
        h.drive(f.open(T));
        factories.add(f);
        OutputSessionChannel c = f.createChannel(EndpointAddress.of(RmHarness.SERVICE));
        h.drive(c.open(T));
        return c;
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void aRestartedClientSendsWhatItsSendHadAcceptedExactlyOnceAndInOrder(ReliableMessagingVersion v) {
        RmHarness h = new RmHarness(v);
        CustomBinding b = h.requestReply(x -> x);
        ChannelListener<InputSessionChannel> listener = h.listen(b, ChannelType.INPUT_SESSION);
        List<ChannelFactory<?>> factories = new java.util.ArrayList<>();
        OutputSessionChannel first = client(h, b, store, factories);
        InputSessionChannel service = h.accept(listener);
        List<String> delivered = RmHarness.collect(service);
        h.drive(first.send(RmHarness.app("m1"), T));
        // m2 and m3 are lost on their way: accepted by send (and stored), never acknowledged
        h.net.network.inject(FaultRule.on(Direction.CLIENT_TO_SERVICE).where(appMessage().and(number(2)
                .or(number(3)))).then(FaultAction.drop()));
        h.drive(first.send(RmHarness.app("m2"), T));
        h.drive(first.send(RmHarness.app("m3"), T));
        h.net.clock.runPending();
        assertEquals(List.of("m1"), delivered);
        first.abort(); // the crash
        factories.get(0).abort();
        h.net.network.clearFaults();

        OutputSessionChannel second = client(h, b, store, factories);
        h.drive(second.send(RmHarness.app("m4"), T));
        h.drive(second.close(T));
        assertEquals(List.of("m1", "m2", "m3", "m4"), delivered, "each message once, in order, one sequence");
        assertEquals(1, h.envelopes(Direction.CLIENT_TO_SERVICE, action("CreateSequence")).size(),
                "the restarted client resumed the sequence rather than create one");
        assertEquals(0, store.size(), "a closed sequence leaves the store");
        factories.forEach(f -> f.abort());
        listener.abort();
    }
}
