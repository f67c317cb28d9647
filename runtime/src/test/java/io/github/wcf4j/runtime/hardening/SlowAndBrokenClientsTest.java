package io.github.wcf4j.runtime.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.BindingTimeouts;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.runtime.transport.http.RawHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Slow and broken clients over loopback HTTP: a request that trickles in (slow-loris, headers or body) is cut off at
 * the binding's {@code receiveTimeout} (1 s here) however steadily it trickles, connections dropped mid-message and
 * garbage bytes cost nothing lasting, and a normal call is answered while all of this goes on.
 */
class SlowAndBrokenClientsTest {
    private static final Duration RECEIVE_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration BOUND = Duration.ofSeconds(8);
    private static HostedCalculator service;
    private static final ScheduledExecutorService trickler = Executors.newScheduledThreadPool(2);

    @BeforeAll
    static void host() {
        BindingTimeouts d = BindingTimeouts.defaults();
        service = HostedCalculator.hosting(new CustomBinding("slow", new BindingTimeouts(d.openTimeout(),
                d.closeTimeout(), d.sendTimeout(), RECEIVE_TIMEOUT), List.of(TextMessageEncodingBindingElement
                .defaults(), HttpTransportBindingElement.defaults())));
    }

    @AfterAll
    static void close() {
        trickler.shutdownNow();
        service.close();
    }

    /** Writes {@code bytes} one at a time every 100 ms until the connection fails or {@code stop} is set. */
    private static void trickle(RawHttp c, byte[] bytes, AtomicBoolean stop) {
        int[] next = {0};
        trickler.scheduleAtFixedRate(() -> {
            if (stop.get() || next[0] >= bytes.length) {
                throw new IllegalStateException("done"); // ends the schedule
            }
            try {
                c.write(new byte[] {bytes[next[0]++]});
            } catch (IOException e) {
                throw new IllegalStateException("closed by the server", e);
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
    }

    /** Trickles {@code request}; the server must close the connection after about the receive timeout. */
    private static void assertCutOff(String request) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        try (RawHttp c = RawHttp.to(service.uri())) {
            long started = System.nanoTime();
            trickle(c, request.getBytes(StandardCharsets.ISO_8859_1), stop);
            service.assertStillServing(); // others are served while the trickle goes on
            assertTrue(c.closedByServerWithin(BOUND), "the trickling connection was not closed");
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(RECEIVE_TIMEOUT.minusMillis(100)) >= 0, "closed after " + took);
        } finally {
            stop.set(true);
        }
        service.assertStillServing();
    }

    @Test
    void trickledHeadersAreCutOffAtTheReceiveTimeout() throws Exception {
        StringBuilder headers = new StringBuilder(RawHttp.head(service.uri().getPath(),
                HostedCalculator.SOAP12));
        for (int i = 0; i < 100; i++) {
            headers.append("X-Slow-").append(i).append(": ").append("v").append("\r\n");
        }
        assertCutOff(headers.toString()); // 100 ms per byte: minutes of headers, never idle
    }

    @Test
    void aTrickledBodyIsCutOffAtTheReceiveTimeout() throws Exception {
        String body = service.add("");
        assertCutOff(RawHttp.head(service.uri().getPath(), HostedCalculator.SOAP12) + "Content-Length: "
                + body.length() + "\r\n\r\n" + body);
    }

    @Test
    void manySlowLorisConnectionsAreAllCutOffAndOthersAreServedMeanwhile() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<RawHttp> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                RawHttp c = RawHttp.to(service.uri());
                slow.add(c);
                trickle(c, (RawHttp.head(service.uri().getPath(), HostedCalculator.SOAP12)
                        + "X-Slow: " + "v".repeat(1000)).getBytes(StandardCharsets.ISO_8859_1), stop);
            }
            for (int i = 0; i < 5; i++) {
                service.assertStillServing();
            }
            for (RawHttp c : slow) {
                assertTrue(c.closedByServerWithin(BOUND), "a slow-loris connection was left open");
            }
        } finally {
            stop.set(true);
            for (RawHttp c : slow) {
                c.close();
            }
        }
        service.assertStillServing();
    }

    @Test
    void aConnectionDroppedMidMessageCostsNothingLasting() throws Exception {
        String body = service.add("");
        for (int i = 0; i < 20; i++) {
            try (RawHttp c = RawHttp.to(service.uri())) {
                c.write(RawHttp.head(service.uri().getPath(), HostedCalculator.SOAP12) + "Content-Length: "
                        + body.length() + "\r\n\r\n" + body.substring(0, body.length() / 2));
            }
        }
        // and a client that leaves before reading its answer
        for (int i = 0; i < 20; i++) {
            try (RawHttp c = RawHttp.to(service.uri())) {
                c.write(RawHttp.head(service.uri().getPath(), HostedCalculator.SOAP12) + "Content-Length: "
                        + body.length() + "\r\n\r\n" + body);
            }
        }
        service.assertStillServing();
    }

    @Test
    void garbageBytesAreRefusedAndTheConnectionClosed() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 10; i++) {
            byte[] junk = new byte[4096];
            random.nextBytes(junk);
            junk[4092] = '\r';
            junk[4093] = '\n';
            junk[4094] = '\r';
            junk[4095] = '\n';
            try (RawHttp c = RawHttp.to(service.uri())) {
                c.write(junk);
                assertTrue(c.closedByServerWithin(BOUND), "garbage left the connection open");
            }
        }
        try (RawHttp c = RawHttp.to(service.uri())) {
            c.write("GARBAGE / NONSENSE\r\n\r\n");
            assertEquals(400, c.read().status());
        }
        service.assertStillServing();
    }

    @Test
    void garbageInsideAWellFormedRequestIs400() throws Exception {
        try (RawHttp c = RawHttp.to(service.uri())) {
            RawHttp.Response r = c.post(service.uri().getPath(), HostedCalculator.SOAP12,
                    "\u0000\u0001binary<<<>>>&&&");
            assertEquals(400, r.status());
        }
        try (RawHttp c = RawHttp.to(service.uri())) {
            c.write(RawHttp.head(service.uri().getPath(), HostedCalculator.SOAP12)
                    + "X-Huge: " + "h".repeat(20_000) + "\r\nContent-Length: 0\r\n\r\n");
            assertEquals(400, c.read().status(), "headers past 16 KiB");
        }
        service.assertStillServing();
    }
}
