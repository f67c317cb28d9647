package io.github.wcf4j.benchmarks;

import io.github.wcf4j.binding.encoding.BinaryMessageEncodingBindingElement;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.peers.Cli;
import io.github.wcf4j.peers.Load;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.encoding.BinaryMessageEncoder;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
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
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The practical limit of net.tcp (issue 16), as {@link RawHttpEcho} is HTTP's: a TCP echo on Netty with the same
 * event-loop sizing and TCP_NODELAY, one connection per session, exchanging [MC-NMF] SizedEnvelope records
 * ({@code 0x06}, the size as a MultiByteInt31, the bytes) of the size wcf4j's binary-encoded {@code Add} request and
 * reply have on a net.tcp session once its session strings are known (the second message of a session, measured
 * with wcf4j's {@link BinaryMessageEncoder} when the system starts), with no framing preamble per call, no SOAP and
 * no encoding at all. Process protocol as {@link Load}'s:
 * <pre>
 * raw --sessions N [--warmup-ms N] [--window-ms N] [--rounds N]
 * </pre>
 */
public final class RawTcpEcho {
    /** [MC-NMF] SizedEnvelope record type. */
    private static final int SIZED_ENVELOPE = 0x06;

    private RawTcpEcho() {
    }

    public static void main(String[] args) {
        System.exit(Cli.main(args, Set.of(), RawTcpEcho::run));
    }

    private static int run(Cli cli, PrintStream out) throws Exception {
        EventLoopGroup group = new NioEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()),
                new DefaultThreadFactory("raw-tcp-io", true));
        byte[][] sizes = steadyPayloads();
        byte[] request = frame(sizes[0]);
        byte[] reply = frame(sizes[1]);
        System.err.println("raw tcp echo: request record " + request.length + " bytes, reply record " + reply.length
                + " bytes");
        Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new SizedEnvelopeDecoder(), new Echo(reply));
                    }
                }).bind("127.0.0.1", 0).sync().channel();
        int port = ((InetSocketAddress) server.localAddress()).getPort();
        out.println("READY tcp://127.0.0.1:" + port + "/calc");
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

    /**
     * The request's and the reply's binary payloads (session block and NBFX document) as the second message of a
     * net.tcp session writes them: its strings were sent with the first.
     */
    static byte[][] steadyPayloads() {
        BinaryMessageEncoder encoder = new BinaryMessageEncoder(BinaryMessageEncodingBindingElement.defaults());
        BinaryMessageEncoder.Session requests = encoder.newSession();
        BinaryMessageEncoder.Session replies = encoder.newSession();
        byte[] request = null;
        byte[] reply = null;
        for (int i = 0; i < 2; i++) {
            request = encoder.write(request(), requests);
            reply = encoder.write(reply(), replies);
        }
        return new byte[][] {request, reply};
    }

    private static Message request() {
        Message m = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10,
                "http://Microsoft.ServiceModel.Samples/ICalculator/Add", new XmlFragment(
                        "<Add xmlns=\"http://Microsoft.ServiceModel.Samples\"><n1>100</n1><n2>15.99</n2></Add>"));
        m.headers().messageId("urn:uuid:" + UUID.randomUUID());
        m.headers().replyTo(EndpointAddress.of("http://www.w3.org/2005/08/addressing/anonymous"));
        m.headers().to(EndpointAddress.of(URI.create("net.tcp://127.0.0.1:40000/calc")));
        return m;
    }

    private static Message reply() {
        Message m = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10,
                "http://Microsoft.ServiceModel.Samples/ICalculator/AddResponse", new XmlFragment(
                        "<AddResponse xmlns=\"http://Microsoft.ServiceModel.Samples\"><AddResult>115.99</AddResult>"
                                + "</AddResponse>"));
        m.headers().relatesTo("urn:uuid:" + UUID.randomUUID());
        return m;
    }

    /** A SizedEnvelope record of {@code payload}. */
    static byte[] frame(byte[] payload) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(SIZED_ENVELOPE);
        int n = payload.length;
        while (n >= 0x80) {
            b.write((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        b.write(n);
        b.writeBytes(payload);
        return b.toByteArray();
    }

    /** Whole SizedEnvelope records, as one buffer each. */
    private static final class SizedEnvelopeDecoder extends ByteToMessageDecoder {
        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws IOException {
            in.markReaderIndex();
            if (!in.isReadable()) {
                return;
            }
            int type = in.readUnsignedByte();
            if (type != SIZED_ENVELOPE) {
                throw new IOException("not a SizedEnvelope record: " + type);
            }
            int size = 0;
            for (int shift = 0; ; shift += 7) {
                if (!in.isReadable()) {
                    in.resetReaderIndex();
                    return;
                }
                int b = in.readUnsignedByte();
                size |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    break;
                }
            }
            if (in.readableBytes() < size) {
                in.resetReaderIndex();
                return;
            }
            out.add(in.readRetainedSlice(size));
        }
    }

    /** Answers every record with the reply record. */
    private static final class Echo extends SimpleChannelInboundHandler<ByteBuf> {
        private final byte[] reply;

        Echo(byte[] reply) {
            this.reply = reply;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf request) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(reply));
        }
    }

    /** One connection making one request at a time; a call waits for its reply record. */
    private static final class Client extends SimpleChannelInboundHandler<ByteBuf> {
        private final Channel channel;
        private final byte[] request;
        private volatile CompletableFuture<Integer> pending;

        Client(EventLoopGroup group, URI target, byte[] request) throws InterruptedException {
            this.request = request;
            Client self = this;
            this.channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true).handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new SizedEnvelopeDecoder(), self);
                        }
                    }).connect(target.getHost(), target.getPort()).sync().channel();
        }

        void call() throws Exception {
            CompletableFuture<Integer> f = new CompletableFuture<>();
            pending = f;
            channel.writeAndFlush(Unpooled.wrappedBuffer(request));
            if (f.get(30, TimeUnit.SECONDS) <= 0) {
                throw new IOException("an empty reply");
            }
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf reply) {
            pending.complete(reply.readableBytes());
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
