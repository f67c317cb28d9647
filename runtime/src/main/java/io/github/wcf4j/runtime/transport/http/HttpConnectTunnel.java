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
 * (.NET's {@code HttpWebRequest} surfaces a refused tunnel as the proxy's response). A {@code 407} whose Digest
 * challenge the client's proxy credentials answer is asked once more on the same connection first.
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

    /** How the {@code CONNECT} authenticates to the proxy, or null: anonymously. */
    private final HttpProxyCredentials credentials;
    private final String proxyHost;
    /** The {@code Proxy-Authorization} of the {@code CONNECT} last sent, or null. */
    private String sent;
    /** Whether a {@code 407} was answered already: a tunnel answers one challenge. */
    private boolean answered;
    /** Bytes of a {@code 407}'s body still to skip before the next response head. */
    private long skip;

    /** A tunnel to {@code host}:{@code port}. */
    HttpConnectTunnel(String host, int port) {
        this(host, port, null, null, null);
    }

    /**
     * A tunnel to {@code host}:{@code port} through the proxy on {@code proxyHost}, asked first with the
     * {@code Proxy-Authorization} {@code first} (made by the caller, off the event loop; null for none); a {@code 407}
     * whose challenge {@code credentials} answer (Digest) is asked once more on the same connection, as .NET's
     * {@code HttpWebRequest} does.
     */
    HttpConnectTunnel(String host, int port, String first, HttpProxyCredentials credentials, String proxyHost) {
        this.authority = authority(host, port);
        this.sent = first;
        this.credentials = credentials;
        this.proxyHost = proxyHost;
    }

    /** A {@code CONNECT}'s request target: {@code host:port}, an IPv6 literal in brackets. */
    static String authority(String host, int port) {
        return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        held = new PendingWriteQueue(ctx);
        head = ctx.alloc().buffer(256);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        connect(ctx);
        ctx.fireChannelActive();
    }

    private void connect(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(Unpooled.copiedBuffer("CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority
                + (sent == null ? "" : "\r\nProxy-Authorization: " + sent)
                + "\r\n\r\n", StandardCharsets.US_ASCII));
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
        readHead(ctx);
    }

    private void readHead(ChannelHandlerContext ctx) {
        if (skip > 0) { // the body of a 407 answered on this connection
            int n = (int) Math.min(skip, head.readableBytes());
            head.skipBytes(n);
            skip -= n;
            if (skip > 0) {
                return;
            }
            head.discardReadBytes();
        }
        int found = ByteBufUtil.indexOf(END_OF_HEAD, head);
        if (found < 0) {
            if (head.readableBytes() > MAX_RESPONSE_HEAD) {
                refuse(ctx, new Refused(502, "Bad Gateway"));
            }
            return;
        }
        String[] status = head.toString(head.readerIndex(), lineEnd(), StandardCharsets.ISO_8859_1).split(" ", 3);
        int code = status.length > 1 ? parseStatus(status[1]) : 502;
        int end = found + END_OF_HEAD.readableBytes();
        if (code == 407 && answerChallenge(ctx, head.toString(head.readerIndex(), end - head.readerIndex(),
                StandardCharsets.ISO_8859_1))) {
            head.readerIndex(end);
            readHead(ctx); // the body to skip, or the next head, may have come already
            return;
        }
        if (code < 200 || code > 299) {
            refuse(ctx, new Refused(code, status.length > 2 ? status[2] : ""));
            return;
        }
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

    /**
     * Answers a {@code 407} whose head is {@code responseHead} with a new {@code CONNECT} on this connection, when the
     * credentials answer its challenge, the proxy keeps the connection and its body has a length to skip.
     */
    private boolean answerChallenge(ChannelHandlerContext ctx, String responseHead) {
        if (credentials == null || answered || !credentials.answersChallenges()) {
            return false;
        }
        List<String> challenges = new java.util.ArrayList<>();
        long length = 0;
        for (String line : responseHead.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Proxy-Authenticate")) {
                challenges.add(value);
            } else if (name.equalsIgnoreCase("Content-Length")) {
                try {
                    length = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (name.equalsIgnoreCase("Connection") && value.toLowerCase(java.util.Locale.ROOT)
                    .contains("close") || name.equalsIgnoreCase("Transfer-Encoding")) {
                return false; // the 407 ends the connection, or its body has no length: the 407 is the outcome
            }
        }
        if (length < 0 || !credentials.answer(HttpProxyCredentials.challenge(challenges), sent)) {
            return false;
        }
        String answer;
        try {
            answer = credentials.authorization(proxyHost, "CONNECT", authority);
        } catch (RuntimeException e) {
            return false;
        }
        answered = true;
        skip = length;
        sent = answer;
        connect(ctx);
        return true;
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
