package io.github.wcf4j.runtime.transport.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.security.ProtectionLevel;
import io.github.wcf4j.runtime.security.EmbeddedKdc;
import io.github.wcf4j.runtime.security.message.ServiceSecurityContext;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * [MS-NNS] on its own, between two in-memory channels that hand each other their bytes one at a time (every read
 * boundary): the handshake messages, then data messages of at most {@code 0xFC30} bytes that carry a payload larger
 * than one of them, at each protection level.
 */
class NegotiateStreamHandlerTest {
    private final EmbeddedKdc kdc = EmbeddedKdc.shared();

    /** Collects what a side's handler passes on: the completion event and the data. */
    private static final class Sink extends ChannelInboundHandlerAdapter {
        final List<StreamUpgradeCompleted> completed = new ArrayList<>();
        final ByteArrayOutputStream data = new ByteArrayOutputStream();
        final List<Throwable> failures = new ArrayList<>();

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof StreamUpgradeCompleted c) {
                completed.add(c);
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf b = (ByteBuf) msg;
            byte[] bytes = new byte[b.readableBytes()];
            b.readBytes(bytes);
            b.release();
            data.writeBytes(bytes);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            failures.add(cause);
        }
    }

    /** Moves everything {@code from} wrote to {@code to}, a byte per read; returns how many bytes moved. */
    private static int pump(EmbeddedChannel from, EmbeddedChannel to, List<Integer> frameSizes) {
        int moved = 0;
        ByteBuf out;
        while ((out = from.readOutbound()) != null) {
            if (frameSizes != null) {
                for (int at = out.readerIndex(); at + 4 <= out.writerIndex(); at += 4 + out.getIntLE(at)) {
                    frameSizes.add(out.getIntLE(at));
                }
            }
            while (out.isReadable()) {
                to.writeInbound(out.readRetainedSlice(1));
                to.runPendingTasks();
                moved++;
            }
            out.release();
        }
        from.runPendingTasks();
        return moved;
    }

    @ParameterizedTest
    @EnumSource(ProtectionLevel.class)
    void theHandshakeAndTheDataSurviveEveryReadBoundary(ProtectionLevel level) {
        kdc.credentials("host/localhost"); // the service principal exists before the client asks a ticket for it
        Sink clientSink = new Sink();
        Sink serviceSink = new Sink();
        EmbeddedChannel client = new EmbeddedChannel(new NegotiateStreamHandler(true, level, Runnable::run,
                () -> NegotiateContext.initiator(kdc.credentials("alice"), "host/localhost", level),
                c -> ServiceSecurityContext.anonymous()), clientSink);
        EmbeddedChannel service = new EmbeddedChannel(new NegotiateStreamHandler(false, level, Runnable::run,
                () -> NegotiateContext.acceptor(kdc.credentials("host/localhost")),
                c -> ServiceSecurityContext.kerberos(c.peer())), serviceSink);
        client.runPendingTasks();
        service.runPendingTasks();
        for (int round = 0; round < 10 && (clientSink.completed.isEmpty() || serviceSink.completed.isEmpty());
                round++) {
            pump(client, service, null);
            pump(service, client, null);
        }
        assertEquals(List.of(), clientSink.failures);
        assertEquals(List.of(), serviceSink.failures);
        assertEquals(1, clientSink.completed.size());
        assertEquals("alice@" + EmbeddedKdc.REALM,
                serviceSink.completed.get(0).caller().primaryIdentityName());
        byte[] payload = new byte[150_000];
        new Random(7).nextBytes(payload);
        client.writeOutbound(Unpooled.wrappedBuffer(payload));
        List<Integer> sizes = new ArrayList<>();
        pump(client, service, level == ProtectionLevel.None ? null : sizes); // None: unframed
        assertArrayEquals(payload, serviceSink.data.toByteArray());
        if (level != ProtectionLevel.None) {
            assertTrue(sizes.size() >= 3, "more than two data messages: " + sizes);
            assertTrue(sizes.stream().allMatch(n -> n > 0 && n <= NegotiateStreamHandler.MAX_WRITTEN), sizes.toString());
        }
        service.writeOutbound(Unpooled.wrappedBuffer(new byte[] {FramingRecord.PREAMBLE_ACK}));
        pump(service, client, null);
        assertArrayEquals(new byte[] {FramingRecord.PREAMBLE_ACK}, clientSink.data.toByteArray());
        client.finishAndReleaseAll();
        service.finishAndReleaseAll();
    }
}
