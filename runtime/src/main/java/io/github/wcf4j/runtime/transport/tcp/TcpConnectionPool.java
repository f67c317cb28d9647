package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.binding.transport.TcpConnectionPoolSettings;
import io.github.wcf4j.runtime.time.Scheduler;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The client's idle connections (WCF {@code TcpConnectionPool}, {@code IdlingCommunicationPool}): a session that ended
 * gracefully (End both ways, no fault) leaves its connection here, and the next session to the same host and port in
 * the same {@code groupName} sends its preamble on it. {@code maxOutboundConnectionsPerEndpoint} caps the idle
 * connections kept (a surplus one is closed), {@code idleTimeout} closes one unused that long, {@code leaseTimeout}
 * closes instead of reusing one older than it. An idle connection that receives anything or closes leaves the pool.
 * One pool per factory. Thread-safe.
 */
final class TcpConnectionPool {
    /** When the connection was opened, in the scheduler's nanoseconds. */
    static final AttributeKey<Long> OPENED = AttributeKey.valueOf("wcf4j.tcp.opened");
    private final TcpConnectionPoolSettings settings;
    private final Scheduler scheduler;
    private final Map<String, Deque<Idle>> idle = new HashMap<>();

    TcpConnectionPool(TcpConnectionPoolSettings settings, Scheduler scheduler) {
        this.settings = settings;
        this.scheduler = scheduler;
    }

    private record Idle(Channel channel, Scheduler.Cancellable timer) {
    }

    private String key(URI via) {
        return settings.groupName() + "|" + via.getHost().toUpperCase(Locale.ROOT) + ":" + via.getPort();
    }

    /** An idle, live connection to {@code via}'s host and port within its lease, taken out of the pool; or null. */
    synchronized Channel take(URI via) {
        Deque<Idle> q = idle.get(key(via));
        while (q != null && !q.isEmpty()) {
            Idle i = q.pollFirst();
            i.timer().cancel();
            Channel ch = i.channel();
            if (ch.isActive() && !leaseExpired(ch)) {
                ch.pipeline().remove(IdleHandler.class);
                return ch;
            }
            ch.close();
        }
        return null;
    }

    /** Keeps {@code ch}, whose session ended gracefully, for the next session to {@code via}; or closes it. */
    void give(URI via, Channel ch) {
        String k = key(via);
        synchronized (this) {
            Deque<Idle> q = idle.computeIfAbsent(k, x -> new ArrayDeque<>());
            if (ch.isActive() && !leaseExpired(ch) && q.size() < settings.maxOutboundConnectionsPerEndpoint()) {
                Scheduler.Cancellable timer = scheduler.schedule(settings.idleTimeout(), () -> drop(k, ch));
                q.addLast(new Idle(ch, timer));
                ch.pipeline().replace("session", "session", new IdleHandler(() -> drop(k, ch)));
                return;
            }
        }
        ch.close();
    }

    private void drop(String k, Channel ch) {
        synchronized (this) {
            Deque<Idle> q = idle.get(k);
            if (q != null) {
                q.removeIf(i -> i.channel() == ch);
            }
        }
        ch.close();
    }

    /** Closes every idle connection (the factory closes). */
    void close() {
        synchronized (this) {
            idle.values().forEach(q -> q.forEach(i -> {
                i.timer().cancel();
                i.channel().close();
            }));
            idle.clear();
        }
    }

    private boolean leaseExpired(Channel ch) {
        Long opened = ch.attr(OPENED).get();
        return opened != null && scheduler.nanoTime() - opened >= settings.leaseTimeout().toNanos();
    }

    /** An idle connection: anything it receives, or its closing, takes it out of the pool and closes it. */
    private static final class IdleHandler extends ChannelInboundHandlerAdapter {
        private final Runnable drop;

        IdleHandler(Runnable drop) {
            this.drop = drop;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
            drop.run();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            drop.run();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            drop.run();
        }
    }
}
