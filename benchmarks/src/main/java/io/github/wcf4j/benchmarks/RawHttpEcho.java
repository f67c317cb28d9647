package io.github.wcf4j.benchmarks;

import io.github.wcf4j.peers.Cli;
import io.github.wcf4j.peers.Load;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The practical limit: an HTTP echo on the library wcf4j's transport uses (Netty, the same event-loop sizing, codec,
 * aggregation, keep-alive and TCP_NODELAY), exchanging SOAP payloads of the size wcf4j's reliable {@code Add} request
 * and reply have on the wire, with no SOAP processing at all. One keep-alive connection per session, as wcf4j's
 * client keeps per concurrent call. Process protocol as {@link Load}'s:
 * <pre>
 * raw --sessions N [--warmup-ms N] [--window-ms N] [--rounds N]
 * </pre>
 */
public final class RawHttpEcho {
    private static final String CONTENT_TYPE = "application/soap+xml; charset=utf-8";

    private RawHttpEcho() {
    }

    public static void main(String[] args) {
        System.exit(Cli.main(args, Set.of(), RawHttpEcho::run));
    }

    private static int run(Cli cli, PrintStream out) throws Exception {
        EventLoopGroup group = new NioEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()),
                new DefaultThreadFactory("raw-io", true));
        byte[] request = payload("add-request.xml");
        byte[] reply = payload("add-reply.xml");
        Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpServerKeepAliveHandler(),
                                new HttpObjectAggregator(65536), new Echo(reply));
                    }
                }).bind("127.0.0.1", 0).sync().channel();
        int port = ((InetSocketAddress) server.localAddress()).getPort();
        out.println("READY http://127.0.0.1:" + port + "/calc");
        out.flush();
        URI target = URI.create(Load.awaitGo());
        Load.Plan plan = Load.Plan.of(cli);
        List<Load.Call> clients = new ArrayList<>();
        for (int i = 0; i < plan.sessions(); i++) {
            Client c = new Client(group, target, request);
            clients.add(c::call);
        }
        Load.run(plan, clients, out);
        server.close().sync();
        return 0;
    }

    static byte[] payload(String name) throws IOException {
        try (InputStream in = RawHttpEcho.class.getResourceAsStream("/payloads/" + name)) {
            return in.readAllBytes();
        }
    }

    /** Answers every request with the reply payload. */
    private static final class Echo extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final byte[] reply;

        Echo(byte[] reply) {
            this.reply = reply;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.wrappedBuffer(reply));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, CONTENT_TYPE);
            HttpUtil.setContentLength(response, reply.length);
            HttpUtil.setKeepAlive(response, HttpUtil.isKeepAlive(request));
            ctx.writeAndFlush(response);
        }
    }

    /** One keep-alive connection making one request at a time; a call waits for its response. */
    private static final class Client extends SimpleChannelInboundHandler<FullHttpResponse> {
        private final Channel channel;
        private final URI target;
        private final byte[] body;
        private volatile CompletableFuture<Integer> pending;

        Client(EventLoopGroup group, URI target, byte[] body) throws InterruptedException {
            this.target = target;
            this.body = body;
            Client self = this;
            this.channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true).handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(65536), self);
                        }
                    }).connect(target.getHost(), target.getPort()).sync().channel();
        }

        void call() throws Exception {
            CompletableFuture<Integer> f = new CompletableFuture<>();
            pending = f;
            ByteBuf content = Unpooled.wrappedBuffer(body);
            FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST,
                    target.getRawPath(), content);
            request.headers().set(HttpHeaderNames.HOST, target.getHost() + ":" + target.getPort())
                    .set(HttpHeaderNames.CONTENT_TYPE, CONTENT_TYPE);
            HttpUtil.setContentLength(request, body.length);
            channel.writeAndFlush(request);
            int status = f.get(30, TimeUnit.SECONDS);
            if (status != 200) {
                throw new IOException("HTTP " + status);
            }
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            pending.complete(response.status().code());
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            CompletableFuture<Integer> f = pending;
            if (f != null) {
                f.completeExceptionally(new IOException("connection closed"));
            }
        }
    }
}
