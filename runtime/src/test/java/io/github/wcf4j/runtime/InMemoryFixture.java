package io.github.wcf4j.runtime;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.stack.ListenAddress;
import io.github.wcf4j.runtime.time.ManualScheduler;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.transport.inmemory.InMemoryNetwork;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Stacks over the in-memory transport on virtual time: {@link #await} drains the scheduler's queue until a future
 * completes, and fails the test (instead of hanging) when nothing is left to run.
 */
public final class InMemoryFixture {
    public static final Duration TIMEOUT = Duration.ofMinutes(1);
    public static final URI SERVICE = URI.create("inmemory://localhost/service");

    public final ManualScheduler clock = new ManualScheduler();
    public final InMemoryNetwork network = new InMemoryNetwork(clock);
    private final ChannelStackBuilder builder = ChannelStackBuilder.standard();

    public BindingParameters parameters() {
        return new BindingParameters().put(Scheduler.class, clock)
                .put(InMemoryNetwork.class, network);
    }

    public <C extends Channel> ChannelFactory<C> openFactory(Binding binding, ChannelType<C> type) {
        ChannelFactory<C> f = builder.buildFactory(binding, type, parameters());
        await(f.open(TIMEOUT));
        return f;
    }

    public <C extends Channel> ChannelListener<C> openListener(Binding binding, ChannelType<C> type, URI at) {
        ChannelListener<C> l = builder.buildListener(binding, type,
                parameters().put(ListenAddress.class, ListenAddress.explicit(at)));
        await(l.open(TIMEOUT));
        return l;
    }

    /** Accepts and opens the listener's next channel. */
    public <C extends Channel> C accept(ChannelListener<C> listener) {
        C c = await(listener.acceptChannel(TIMEOUT)).orElseThrow();
        await(c.open(TIMEOUT));
        return c;
    }

    public <C extends Channel> C open(C channel) {
        await(channel.open(TIMEOUT));
        return channel;
    }

    /** Runs queued work (no time passes) until {@code f} completes; its result, or its failure rethrown. */
    public <T> T await(CompletableFuture<T> f) {
        clock.runPending();
        if (!f.isDone()) {
            fail("the operation did not complete and nothing is left to run (pending timers: "
                    + clock.pendingTimers() + ")");
        }
        return Futures.join(f);
    }

    /** The failure {@code f} completes with (after draining), unwrapped. */
    public Throwable failure(CompletableFuture<?> f) {
        try {
            await(f);
        } catch (RuntimeException e) {
            return Futures.unwrap(e);
        }
        return fail("expected a failure");
    }
}
