package io.github.wcf4j.runtime.transport.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.PendingWriteQueue;
import io.netty.util.ByteProcessor;
import io.netty.util.ReferenceCountUtil;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The first handler of an HTTPS connection through an HTTP proxy: asks the proxy for a tunnel to the server
 * ({@code CONNECT host:port HTTP/1.1}, RFC 9110 §9.3.6) and holds everything written (the TLS handshake, the request)
 * until the proxy has answered 2xx, then gets out of the way. Any other answer ends the connection with a
 * {@link Refused} carrying the proxy's status, which the client reports as it reports that status from a server
 * (.NET's {@code HttpWebRequest} surfaces a refused tunnel as the proxy's response).
 */
final class HttpConnectTunnel extends ChannelDuplexHandler {
    /** The longest proxy response head read. */
    static final int MAX_RESPONSE_HEAD = HttpEndpointServer.MAX_HEADER_SIZE;
    private static final ByteBuf END_OF_HEAD = Unpooled.unreleasableBuffer(
            Unpooled.copiedBuffer("\r\n\r\n", StandardCharsets.US_ASCII));

    /** The proxy refused the tunnel with this status. */
    static final class Refused extends RuntimeException {
        private final int status;
        private final String reason;

        Refused(int status, String reason) {
            super("The proxy refused the tunnel: " + status + " " + reason);
            this.status = status;
            this.reason = reason;
        }

        HttpResponseData asResponse() {
            return new HttpResponseData(status, reason, null, List.of(), new byte[0]);
        }
    }

    private final String authority;
    private PendingWriteQueue held;
    private ByteBuf head;
    /** Why writes fail from now on: the tunnel was refused, or the connection closed before it opened. */
    private Throwable ended;

    private final String proxyAuthorization;

    /** A tunnel to {@code host}:{@code port}. */
    HttpConnectTunnel(String host, int port) {
        this(host, port, null);
    }

    /** A tunnel to {@code host}:{@code port}, asked with {@code proxyAuthorization} when not null. */
    HttpConnectTunnel(String host, int port, String proxyAuthorization) {
        this.authority = (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
        this.proxyAuthorization = proxyAuthorization;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        held = new PendingWriteQueue(ctx);
        head = ctx.alloc().buffer(256);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(Unpooled.copiedBuffer("CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority
                + (proxyAuthorization == null ? "" : "\r\nProxy-Authorization: " + proxyAuthorization)
                + "\r\n\r\n", StandardCharsets.US_ASCII));
        ctx.fireChannelActive();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (ended != null) { // a request of an exchange that got the connection after it ended: never held
            ReferenceCountUtil.release(msg);
            promise.setFailure(ended);
            return;
        }
        held.add(msg, promise);
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        // held until the tunnel is open
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        if (head == null) { // refused: the connection is closing
            in.release();
            return;
        }
        head.writeBytes(in);
        in.release();
        int found = ByteBufUtil.indexOf(END_OF_HEAD, head);
        if (found < 0) {
            if (head.readableBytes() > MAX_RESPONSE_HEAD) {
                refuse(ctx, new Refused(502, "Bad Gateway"));
            }
            return;
        }
        String[] status = head.toString(head.readerIndex(), lineEnd(), StandardCharsets.ISO_8859_1).split(" ", 3);
        int code = status.length > 1 ? parseStatus(status[1]) : 502;
        if (code < 200 || code > 299) {
            refuse(ctx, new Refused(code, status.length > 2 ? status[2] : ""));
            return;
        }
        int end = found + END_OF_HEAD.readableBytes();
        ByteBuf rest = head.retainedSlice(end, head.writerIndex() - end);
        head.release();
        head = null;
        held.removeAndWriteAll();
        ctx.flush();
        ctx.pipeline().remove(this);
        if (rest.isReadable()) {
            ctx.fireChannelRead(rest);
        } else {
            rest.release();
        }
    }

    private int lineEnd() {
        int cr = head.forEachByte(ByteProcessor.FIND_CR);
        return cr - head.readerIndex();
    }

    private static int parseStatus(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 502;
        }
    }

    private void refuse(ChannelHandlerContext ctx, Refused refused) {
        head.release();
        head = null;
        ended = refused;
        ctx.fireExceptionCaught(refused); // first: the exchange ends with the proxy's status, not a failed write
        held.removeAndFailAll(refused);
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (ended == null) {
            ended = new ClosedChannelException();
        }
        held.removeAndFailAll(ended);
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (head != null) {
            head.release();
            head = null;
        }
    }
}
