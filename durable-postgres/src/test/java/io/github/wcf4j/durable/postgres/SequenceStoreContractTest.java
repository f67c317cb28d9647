package io.github.wcf4j.durable.postgres;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.runtime.reliability.store.SequenceChange;
import io.github.wcf4j.runtime.reliability.store.SequenceNumberTakenException;
import io.github.wcf4j.runtime.reliability.store.SequenceStore;
import io.github.wcf4j.runtime.reliability.store.SequenceStoreSetting;
import io.github.wcf4j.runtime.reliability.store.StoredSequence;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@link SequenceStore} contract (issue 19), run on each durable store: the embedded file and PostgreSQL (a real
 * server, {@link LoopbackPostgres}). What is written is loaded by either identifier after a reopen, and after the
 * writing host was killed (SIGKILL, a real process) every write that had completed is there; the writes to one key
 * complete in the order they were made; changes to a key never opened or ended are ignored.
 */
class SequenceStoreContractTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static StoredSequence load(SequenceStore s, String id) {
        return s.load(id).join().orElseThrow(() -> new AssertionError("not stored: " + id));
    }

    /** A reply session: requests 1-3 received, 1 and 2 answered, reply 1 acknowledged. */
    private static void writeSession(SequenceStore s) {
        s.write("in", new SequenceChange.Opened(SequenceChange.Role.SERVICE_REPLY, "urn:rm", "in", "out", "/svc"))
                .join();
        for (long n = 1; n <= 3; n++) {
            s.write("in", new SequenceChange.Received(n, false, "h1", bytes("request " + n))).join();
        }
        s.write("in", new SequenceChange.Replied(1, 1, bytes("reply 1"))).join();
        s.write("in", new SequenceChange.Replied(2, 2, bytes("reply 2"))).join();
        s.write("in", new SequenceChange.Acknowledged(List.of(new SequenceChange.Range(1, 1)))).join();
    }

    private static void assertSession(StoredSequence s) {
        assertEquals(List.of(new SequenceChange.Range(1, 3)), s.received());
        assertEquals(List.of(3L), List.copyOf(s.pending().keySet()), "3 is not answered");
        assertArrayEquals(bytes("request 3"), s.pending().get(3L).message());
        assertEquals("h1", s.pending().get(3L).host(), "who delivers 3");
        assertEquals(List.of(2L), List.copyOf(s.replies().keySet()), "reply 1 was acknowledged");
        assertArrayEquals(bytes("reply 2"), s.replies().get(2L).reply());
        assertEquals(2, s.lastReplyNumber());
        assertEquals("out", s.opened().outputId());
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void whatIsWrittenIsLoadedByEitherIdentifierAfterAReopen(StoreKind kind) {
        String place = kind.place();
        try (SequenceStore s = kind.open(place)) {
            writeSession(s);
            assertSession(load(s, "in"));
        }
        try (SequenceStore s = kind.open(place)) {
            assertSession(load(s, "in"));
            assertSession(load(s, "out"));
            s.write("in", new SequenceChange.Ended()).join();
            assertTrue(s.load("in").join().isEmpty());
            assertTrue(s.load("out").join().isEmpty());
        }
        try (SequenceStore s = kind.open(place)) {
            assertTrue(s.load("in").join().isEmpty(), "an ended sequence stays forgotten");
        }
    }

    /** A duplex service session: its back channel and both sequences (the offered one's send window) round-trip. */
    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aDuplexSessionsBackChannelAndSendWindowAreLoadedAfterAReopen(StoreKind kind) {
        String place = kind.place();
        SequenceChange.Address back = new SequenceChange.Address("http://client:8000/myClient/guid",
                List.of("<p:Id xmlns:p=\"urn:p\">7</p:Id>"));
        try (SequenceStore s = kind.open(place)) {
            s.write("in", new SequenceChange.Opened(SequenceChange.Role.SERVICE_DUPLEX, "urn:rm", "in", "offer",
                    "/svc", back)).join();
            s.write("in", new SequenceChange.Received(1, false, "h1", bytes("message 1"))).join();
            s.write("in", new SequenceChange.Sent(1, bytes("callback 1"))).join();
            s.write("in", new SequenceChange.Sent(2, bytes("callback 2"))).join();
            s.write("in", new SequenceChange.Acknowledged(List.of(new SequenceChange.Range(1, 1)))).join();
        }
        try (SequenceStore s = kind.open(place)) {
            StoredSequence d = load(s, "offer");
            assertEquals(SequenceChange.Role.SERVICE_DUPLEX, d.opened().role());
            assertEquals(back, d.opened().backChannel());
            assertEquals(List.of(1L), List.copyOf(d.pending().keySet()));
            assertEquals(List.of(2L), List.copyOf(d.unacknowledged().keySet()));
            assertArrayEquals(bytes("callback 2"), d.unacknowledged().get(2L));
            assertEquals(2, d.lastSent());
            assertEquals(1, s.unfinished(SequenceChange.Role.SERVICE_DUPLEX, "/svc").join().size());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theWritesToOneKeyCompleteInTheOrderTheyWereMade(StoreKind kind) {
        try (SequenceStore s = kind.open(kind.place())) {
            s.write("k", new SequenceChange.Opened(SequenceChange.Role.SERVICE_REPLY, "urn:rm", "k", "o", "/")).join();
            List<String> completed = Collections.synchronizedList(new ArrayList<>());
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            for (long n = 1; n <= 50; n++) {
                long number = n;
                // a request's Received and its reply's Replied, neither waited for (what a reply session does)
                writes.add(s.write("k", new SequenceChange.Received(n, false, "h", bytes("q" + n)))
                        .thenRun(() -> completed.add("received " + number)));
                writes.add(s.write("k", new SequenceChange.Replied(n, n, bytes("r" + n)))
                        .thenRun(() -> completed.add("replied " + number)));
            }
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
            List<String> expected = new ArrayList<>();
            for (long n = 1; n <= 50; n++) {
                expected.add("received " + n);
                expected.add("replied " + n);
            }
            assertEquals(expected, completed);
            StoredSequence loaded = load(s, "k");
            assertTrue(loaded.pending().isEmpty(), "every request answered");
            assertEquals(50, loaded.replies().size());
            assertEquals(List.of(new SequenceChange.Range(1, 50)), loaded.received());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void changesToAKeyNeverOpenedOrEndedAreIgnoredAndUnfinishedListsARolesSequencesAtItsEndpoint(StoreKind kind) {
        try (SequenceStore s = kind.open(kind.place())) {
            s.write("ghost", new SequenceChange.Received(1, false, "h", bytes("m"))).join();
            assertTrue(s.load("ghost").join().isEmpty());
            s.write("c1", new SequenceChange.Opened(SequenceChange.Role.CLIENT_OUTPUT, "urn:rm", "c1", null,
                    "http://svc/a")).join();
            s.write("c1", new SequenceChange.Sent(1, bytes("one"))).join();
            s.write("c2", new SequenceChange.Opened(SequenceChange.Role.CLIENT_OUTPUT, "urn:rm", "c2", null,
                    "http://svc/b")).join();
            s.write("c3", new SequenceChange.Opened(SequenceChange.Role.CLIENT_OUTPUT, "urn:rm", "c3", null,
                    "http://svc/a")).join();
            s.write("c3", new SequenceChange.Ended()).join();
            s.write("c3", new SequenceChange.Sent(1, bytes("late"))).join();
            List<StoredSequence> a = s.unfinished(SequenceChange.Role.CLIENT_OUTPUT, "http://svc/a").join();
            assertEquals(List.of("c1"), a.stream().map(q -> q.opened().inputId()).toList());
            assertArrayEquals(bytes("one"), a.get(0).unacknowledged().get(1L));
            assertTrue(s.unfinished(SequenceChange.Role.SERVICE_INPUT, "http://svc/a").join().isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void concurrentWritersShareCommits(StoreKind kind) {
        try (SequenceStore s = kind.open(kind.place())) {
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            for (int k = 0; k < 16; k++) {
                String key = "k" + k;
                s.write(key, new SequenceChange.Opened(SequenceChange.Role.CLIENT_OUTPUT, "urn:rm", key, null, null))
                        .join();
            }
            for (int n = 1; n <= 100; n++) {
                for (int k = 0; k < 16; k++) {
                    writes.add(s.write("k" + k, new SequenceChange.Sent(n, bytes("m" + n))));
                }
            }
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
            for (int k = 0; k < 16; k++) {
                Map<Long, byte[]> window = load(s, "k" + k).unacknowledged();
                assertEquals(100, window.size());
                assertEquals(100, load(s, "k" + k).lastSent());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aClosedStoreRefusesWrites(StoreKind kind) {
        SequenceStore s = kind.open(kind.place());
        s.close();
        assertTrue(s.write("x", new SequenceChange.Ended()).isCompletedExceptionally());
    }

    /**
     * A host killed with SIGKILL while writes are in flight: reopened (PostgreSQL: by another process, as another
     * host of the farm would), the store has every write whose completion the host had seen, and goes on.
     */
    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void everyCompletedWriteSurvivesTheWritingHostsSigkill(StoreKind kind) throws IOException, InterruptedException {
        String place = kind.place();
        Process host = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), StoreWriterProcess.class.getName(), kind.name(), place, "seq")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long acknowledged = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(host.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("written ")) {
                    acknowledged = Math.max(acknowledged, Long.parseLong(line.substring(8)));
                    if (acknowledged >= 200) {
                        host.destroyForcibly(); // SIGKILL: writes in flight
                        break;
                    }
                }
            }
        } finally {
            host.destroyForcibly();
            assertTrue(host.waitFor(60, TimeUnit.SECONDS));
        }
        assertTrue(acknowledged >= 200, "the host wrote: " + acknowledged);
        try (SequenceStore s = kind.open(place)) {
            StoredSequence seq = load(s, "seq");
            for (long n = 1; n <= acknowledged; n++) {
                assertTrue(seq.receivedNumber(n), "acknowledged " + n + " is stored");
                assertArrayEquals(bytes("message " + n), seq.pending().get(n).message());
            }
            long stored = seq.received().get(seq.received().size() - 1).upper();
            assertEquals(1, seq.received().size(), "no gap: the writes of one key are committed in order");
            s.write("seq", new SequenceChange.Received(stored + 1, false, "next", bytes("after"))).join();
            assertTrue(load(s, "seq").receivedNumber(stored + 1), "the store goes on after the crash");
        }
    }

    /**
     * Housekeeping: {@code expire} removes the sequences of a role at an endpoint that nothing wrote or touched for
     * longer than the idle time, by the store's clock (virtual here), and leaves the touched, written, other
     * endpoints' and other roles' ones; a sequence read back after a reopen counts as touched no later than when it was
     * last written (the file keeps no times: touched at the reopen).
     */
    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aSequenceUntouchedForLongerThanTheIdleTimeExpiresAndATouchedOrWrittenOneStays(StoreKind kind) {
        MovableClock clock = new MovableClock();
        String place = kind.place();
        SequenceChange.Role reply = SequenceChange.Role.SERVICE_REPLY;
        Duration idle = Duration.ofSeconds(60);
        try (SequenceStore s = kind.open(place, clock)) {
            for (String k : List.of("old", "touched", "written")) {
                s.write(k, new SequenceChange.Opened(reply, "urn:rm", k, k + "-offer", "/svc")).join();
                s.write(k, new SequenceChange.Received(1, false, "h", bytes("m"))).join();
            }
            s.write("elsewhere", new SequenceChange.Opened(reply, "urn:rm", "elsewhere", null, "/other")).join();
            s.write("client", new SequenceChange.Opened(SequenceChange.Role.CLIENT_OUTPUT, "urn:rm", "client", null,
                    "/svc")).join();
            clock.advance(Duration.ofSeconds(30));
            s.touch("touched").join();
            s.write("written", new SequenceChange.Replied(1, 1, bytes("r"))).join();
            s.touch("never-opened").join();
            clock.advance(Duration.ofSeconds(31));
            assertEquals(List.of("old"), s.expire(reply, "/svc", idle).join());
            assertTrue(s.load("old").join().isEmpty());
            assertTrue(s.load("old-offer").join().isEmpty(), "gone by either identifier");
            for (String k : List.of("touched", "written", "elsewhere", "client")) {
                assertTrue(s.load(k).join().isPresent(), k + " stays");
            }
            assertEquals(List.of(), s.expire(reply, "/svc", idle).join());
        }
        try (SequenceStore s = kind.open(place, clock)) {
            assertTrue(s.load("old").join().isEmpty(), "an expired sequence stays forgotten");
            clock.advance(Duration.ofSeconds(61));
            List<String> expired = new ArrayList<>(s.expire(reply, "/svc", idle).join());
            Collections.sort(expired);
            assertEquals(List.of("touched", "written"), expired);
            assertTrue(s.load("elsewhere").join().isPresent());
            assertTrue(s.load("client").join().isPresent());
        }
    }

    /**
     * Two hosts of a farm race for message n: the first {@code Received(n)} committed is the one stored (its host
     * delivers n); the other host's write fails by name, so does its reply to n, and every host loads the same
     * winner. The same host writing n again is no conflict.
     */
    @Test
    void theFirstReceivedOfANumberWinsAcrossHostsAndTheLoserIsRefusedByName() {
        String place = StoreKind.POSTGRES.place();
        try (SequenceStore a = StoreKind.POSTGRES.open(place); SequenceStore b = StoreKind.POSTGRES.open(place)) {
            a.write("s", new SequenceChange.Opened(SequenceChange.Role.SERVICE_REPLY, "urn:rm", "s", "o", "/"))
                    .join();
            a.write("s", new SequenceChange.Received(1, false, "host-a", bytes("from a"))).join();
            a.write("s", new SequenceChange.Received(1, false, "host-a", bytes("from a"))).join();
            CompletionException lost = assertThrows(CompletionException.class,
                    () -> b.write("s", new SequenceChange.Received(1, false, "host-b", bytes("from b"))).join());
            SequenceNumberTakenException taken = assertInstanceOf(SequenceNumberTakenException.class,
                    lost.getCause());
            assertEquals("host-a", taken.holder());
            assertEquals(1, taken.number());
            assertThrows(CompletionException.class,
                    () -> b.write("s", new SequenceChange.Replied(1, 1, bytes("b's reply"))).join());
            b.write("s", new SequenceChange.Received(2, false, "host-b", bytes("2 from b"))).join();
            assertThrows(CompletionException.class,
                    () -> a.write("s", new SequenceChange.Received(2, false, "host-a", bytes("2 from a"))).join());
            for (SequenceStore host : List.of(a, b)) {
                StoredSequence s = load(host, "o");
                assertEquals("host-a", s.pending().get(1L).host());
                assertArrayEquals(bytes("from a"), s.pending().get(1L).message());
                assertEquals("host-b", s.pending().get(2L).host());
                assertTrue(s.replies().isEmpty(), "the loser's reply is not stored");
            }
            a.write("s", new SequenceChange.Replied(1, 1, bytes("a's reply"))).join();
            assertArrayEquals(bytes("a's reply"), load(b, "s").replies().get(1L).reply());
        }
    }

    /**
     * A host that accepted message n and is gone (its store's connection closed, as when its process dies) leaves n
     * to the next host that writes it: that host takes it over (and delivers it); while the first host lives, no
     * other host can.
     */
    @Test
    void aMessageAcceptedByAHostThatIsGoneIsTakenOverByTheNextHostThatWritesIt() {
        String place = StoreKind.POSTGRES.place();
        try (SequenceStore c = StoreKind.POSTGRES.open(place)) {
            try (SequenceStore a = StoreKind.POSTGRES.open(place)) {
                a.write("s", new SequenceChange.Opened(SequenceChange.Role.SERVICE_REPLY, "urn:rm", "s", "o", "/"))
                        .join();
                a.write("s", new SequenceChange.Received(1, false, "host-a", bytes("one"))).join();
                assertThrows(CompletionException.class,
                        () -> c.write("s", new SequenceChange.Received(1, false, "host-c", bytes("one"))).join(),
                        "host-a lives");
            }
            try (SequenceStore b = StoreKind.POSTGRES.open(place)) {
                b.write("s", new SequenceChange.Received(1, false, "host-b", bytes("one"))).join();
                assertEquals("host-b", load(b, "s").pending().get(1L).host(), "taken over");
                assertThrows(CompletionException.class,
                        () -> c.write("s", new SequenceChange.Received(1, false, "host-c", bytes("one"))).join(),
                        "host-b lives");
                b.write("s", new SequenceChange.Replied(1, 1, bytes("reply"))).join();
                assertArrayEquals(bytes("reply"), load(c, "s").replies().get(1L).reply());
            }
        }
    }

    @Test
    void aJdbcPostgresqlSettingOpensThePostgresStoreOncePerProcess() {
        String place = StoreKind.POSTGRES.place();
        String before = System.getProperty(SequenceStoreSetting.PROPERTY);
        System.setProperty(SequenceStoreSetting.PROPERTY, place);
        try {
            SequenceStore s = SequenceStoreSetting.fromEnvironment();
            assertInstanceOf(PostgresSequenceStore.class, s);
            assertSame(s, SequenceStoreSetting.fromEnvironment());
            s.write("x", new SequenceChange.Opened(SequenceChange.Role.SERVICE_INPUT, "urn:rm", "x", null, "/"))
                    .join();
            assertFalse(s.load("x").join().isEmpty());
        } finally {
            if (before == null) {
                System.clearProperty(SequenceStoreSetting.PROPERTY);
            } else {
                System.setProperty(SequenceStoreSetting.PROPERTY, before);
            }
        }
    }
}
