package io.github.wcf4j.runtime.transport.http;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The event loops every HTTP client and server of a process share: one I/O thread per core, daemon threads, created on
 * first use. Work on these threads never blocks: decoding is bounded by {@code maxReceivedMessageSize}, and everything
 * else continues through futures.
 */
public final class NettyResources {
    private static final class Holder {
        static final NettyResources SHARED = new NettyResources(
                Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    private final EventLoopGroup group;

    public NettyResources(int threads) {
        this.group = new NioEventLoopGroup(threads, new DefaultThreadFactory("wcf4j-io", true));
    }

    /** The process-wide resources. */
    public static NettyResources shared() {
        return Holder.SHARED;
    }

    public EventLoopGroup group() {
        return group;
    }

    /** Stops the event loops (for resources created by a test or an application, not the shared ones). */
    public void shutdown() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    }
}
