package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.CommunicationObject;
import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.stack.ListenAddress;
import io.github.wcf4j.runtime.time.ManualScheduler;
import io.github.wcf4j.runtime.time.Scheduler;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A net.tcp listener and factory with a stream upgrade on loopback, under virtual time, for the upgrade tests. */
final class UpgradeLoopback implements AutoCloseable {
    static final Duration T = Duration.ofMinutes(1);
    final ManualScheduler clock = new ManualScheduler();
    final ChannelStackBuilder builder = ChannelStackBuilder.standard();
    private final List<CommunicationObject> opened = new ArrayList<>();

    ChannelListener<DuplexSessionChannel> listen(CustomBinding binding, BindingParameters p) {
        ChannelListener<DuplexSessionChannel> l = builder.buildListener(binding, ChannelType.DUPLEX_SESSION,
                p.put(Scheduler.class, clock).put(ListenAddress.class,
                        ListenAddress.explicit(URI.create("net.tcp://localhost:0/Demo"))));
        opened.add(l);
        await(l.open(T));
        return l;
    }

    ChannelFactory<DuplexSessionChannel> factory(CustomBinding binding, BindingParameters p) {
        ChannelFactory<DuplexSessionChannel> f = builder.buildFactory(binding, ChannelType.DUPLEX_SESSION,
                p.put(Scheduler.class, clock));
        opened.add(f);
        await(f.open(T));
        return f;
    }

    <T extends CommunicationObject> T track(T o) {
        opened.add(o);
        return o;
    }

    /** Completes {@code f}, driving the virtual clock's queue meanwhile. */
    <T> T await(CompletableFuture<T> f) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!f.isDone() && System.nanoTime() < deadline) {
            clock.runPending();
            try {
                f.get(5, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // keep driving
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        clock.runPending();
        return f.join();
    }

    /** What {@code f} failed with. */
    Throwable failure(CompletableFuture<?> f) {
        try {
            await(f);
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected a failure");
    }

    /** Version, Mode duplex, Via, KnownEncoding binary session, UpgradeRequest {@code upgrade} (no PreambleEnd). */
    static byte[] preambleWithUpgrade(URI via, String upgrade) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(FramingWriter.preamble(via, FramingEncoding.from(new BindingParameters()), false));
        b.writeBytes(FramingWriter.upgradeRequest(upgrade));
        return b.toByteArray();
    }

    /** Runs the virtual clock's queue (where GSS steps run) until {@code in} has bytes or is at its end. */
    void pumpUntilReadable(java.io.InputStream in) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (in.available() == 0 && System.nanoTime() < deadline) {
            clock.runPending();
            Thread.onSpinWait();
        }
    }

    static String fault(byte[] record) {
        return new String(record, 2, record[1], StandardCharsets.UTF_8);
    }

    static byte[] readBytes(DataInputStream in, int n) throws IOException {
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    @Override
    public void close() {
        opened.forEach(CommunicationObject::abort);
        clock.runPending();
    }
}
