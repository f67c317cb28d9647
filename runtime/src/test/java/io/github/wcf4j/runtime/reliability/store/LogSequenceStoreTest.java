package io.github.wcf4j.runtime.reliability.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The append-only store: what is written is loaded after a reopen, a tail cut by a crash is dropped, compaction. */
class LogSequenceStoreTest {
    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void join(CompletableFuture<?> f) {
        f.join();
    }

    private static StoredSequence load(SequenceStore s, String id) {
        return s.load(id).join().orElseThrow(() -> new AssertionError("not stored: " + id));
    }

    /** A reply session: requests 1-3 received, 1 and 2 answered, reply 1 acknowledged. */
    private static void writeSession(SequenceStore s) {
        for (SequenceChange c : sessionChanges()) {
            join(s.write("in", c));
        }
    }

    private static List<SequenceChange> sessionChanges() {
        List<SequenceChange> c = new ArrayList<>();
        c.add(new SequenceChange.Opened(SequenceChange.Role.SERVICE_REPLY, "urn:rm", "in", "out", "/svc"));
        for (long n = 1; n <= 3; n++) {
            c.add(new SequenceChange.Received(n, false, "h1", bytes("request " + n)));
        }
        c.add(new SequenceChange.Replied(1, 1, bytes("reply 1")));
        c.add(new SequenceChange.Replied(2, 2, bytes("reply 2")));
        c.add(new SequenceChange.Acknowledged(List.of(new SequenceChange.Range(1, 1))));
        return c;
    }

    private static void assertSession(StoredSequence s) {
        assertEquals(List.of(new SequenceChange.Range(1, 3)), s.received());
        assertEquals(List.of(3L), List.copyOf(s.pending().keySet()), "3 is not answered");
        assertArrayEquals(bytes("request 3"), s.pending().get(3L).message());
        assertEquals("h1", s.pending().get(3L).host(), "who delivers 3");
        assertEquals(List.of(2L), List.copyOf(s.replies().keySet()), "reply 1 was acknowledged");
        assertArrayEquals(bytes("reply 2"), s.replies().get(2L).reply());
        assertEquals(2, s.lastReplyNumber());
    }

    @ParameterizedTest
    @EnumSource(FsyncPolicy.class)
    void whatIsWrittenIsLoadedByEitherIdentifierAfterAReopen(FsyncPolicy policy) {
        Path file = dir.resolve("rm.log");
        try (LogSequenceStore s = LogSequenceStore.open(file, policy)) {
            writeSession(s);
            assertSession(load(s, "in"));
        }
        try (LogSequenceStore s = LogSequenceStore.open(file, policy)) {
            assertSession(load(s, "in"));
            assertSession(load(s, "out"));
            join(s.write("in", new SequenceChange.Ended()));
            assertTrue(s.load("in").join().isEmpty());
            assertTrue(s.load("out").join().isEmpty());
        }
        try (LogSequenceStore s = LogSequenceStore.open(file, policy)) {
            assertEquals(0, s.size(), "an ended sequence stays forgotten");
        }
    }

    @Test
    void aTailCutAtAnyByteByACrashIsDroppedAndTheStoreWritesOnAfterIt() throws IOException {
        Path file = dir.resolve("rm.log");
        try (LogSequenceStore s = LogSequenceStore.open(file, FsyncPolicy.NONE)) {
            writeSession(s);
        }
        long whole = Files.size(file);
        byte[] last = LogRecords.encode("in", new SequenceChange.Received(4, false, "h1", bytes("request 4")));
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.APPEND)) {
            c.write(ByteBuffer.wrap(last));
        }
        byte[] full = Files.readAllBytes(file);
        for (int cut = 1; cut < last.length; cut++) {
            Files.write(file, java.util.Arrays.copyOf(full, (int) whole + cut));
            try (LogSequenceStore s = LogSequenceStore.open(file, FsyncPolicy.NONE)) {
                assertSession(load(s, "in"));
                assertEquals(whole, Files.size(file), "the cut record is truncated (cut at " + cut + ")");
            }
        }
        Files.write(file, full);
        try (LogSequenceStore s = LogSequenceStore.open(file, FsyncPolicy.NONE)) {
            assertTrue(load(s, "in").pending().containsKey(4L), "the whole record is read");
            join(s.write("in", new SequenceChange.Replied(3, 3, bytes("reply 3"))));
        }
        try (LogSequenceStore s = LogSequenceStore.open(file, FsyncPolicy.NONE)) {
            assertEquals(List.of(4L), List.copyOf(load(s, "in").pending().keySet()));
        }
    }

    @Test
    void aCorruptedRecordEndsTheReadableLog() throws IOException {
        Path file = dir.resolve("rm.log");
        try (LogSequenceStore s = LogSequenceStore.open(file, FsyncPolicy.NONE)) {
            writeSession(s);
        }
        long whole = Files.size(file);
        byte[] last = LogRecords.encode("in", new SequenceChange.Received(4, false, "h1", bytes("request 4")));
        last[last.length - 1] ^= 0x5A; // a torn write: the checksum does not match
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.APPEND)) {
            c.write(ByteBuffer.wrap(last));
        }
        try (LogSequenceStore s = LogSequenceStore.open(file, FsyncPolicy.NONE)) {
            assertFalse(load(s, "in").pending().containsKey(4L));
            assertSession(load(s, "in"));
        }
        assertEquals(whole, Files.size(file));
    }

    @Test
    void compactionKeepsTheLiveStateOnly() throws IOException {
        Path file = dir.resolve("rm.log");
        try (LogSequenceStore s = LogSequenceStore.open(file, FsyncPolicy.GROUP, 4096)) {
            writeSession(s);
            // many short sessions come and go: the file is compacted as it grows
            for (int i = 0; i < 200; i++) {
                String k = "s" + i;
                join(s.write(k, new SequenceChange.Opened(SequenceChange.Role.SERVICE_INPUT, "urn:rm", k, null, "/")));
                join(s.write(k, new SequenceChange.Received(1, false, "h", new byte[100])));
                join(s.write(k, new SequenceChange.Ended()));
            }
            assertSession(load(s, "in"));
            assertTrue(Files.size(file) < 8192, "compacted: " + Files.size(file));
        }
        try (LogSequenceStore s = LogSequenceStore.open(file, FsyncPolicy.GROUP)) {
            assertEquals(1, s.size());
            assertSession(load(s, "in"));
            // the numbering survives compaction: the next reply is 3
            assertEquals(2, load(s, "in").lastReplyNumber());
        }
    }

    @Test
    void concurrentWritersShareGroupCommits() {
        Path file = dir.resolve("rm.log");
        try (LogSequenceStore s = LogSequenceStore.open(file, FsyncPolicy.GROUP)) {
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            for (int k = 0; k < 16; k++) {
                String key = "k" + k;
                join(s.write(key, new SequenceChange.Opened(SequenceChange.Role.CLIENT_OUTPUT, "urn:rm", key, null,
                        null)));
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

    @Test
    void aFileIsOpenedByOneStoreAtATime() {
        Path file = dir.resolve("rm.log");
        try (LogSequenceStore s = LogSequenceStore.open(file, FsyncPolicy.NONE)) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> LogSequenceStore.open(file, FsyncPolicy.NONE));
            assertTrue(e.getMessage().contains("is open"), e.getMessage());
        }
    }

    @Test
    void aClosedStoreRefusesWrites() {
        LogSequenceStore s = LogSequenceStore.open(dir.resolve("rm.log"), FsyncPolicy.NONE);
        s.close();
        CompletableFuture<Void> w = s.write("x", new SequenceChange.Ended());
        assertTrue(w.isCompletedExceptionally());
    }

    @Test
    void theSettingNamesTheFileAndItsPolicy() {
        Path file = dir.resolve("setting.log");
        Map<String, String> props = Map.of(SequenceStoreSetting.PROPERTY, file.toString(),
                SequenceStoreSetting.FSYNC_PROPERTY, "none");
        SequenceStore s = SequenceStoreSetting.from(props::get, k -> null);
        assertTrue(s.durable());
        assertEquals(FsyncPolicy.NONE, ((LogSequenceStore) s).policy());
        assertEquals(s, SequenceStoreSetting.from(props::get, k -> null), "one store per file");
        assertFalse(SequenceStoreSetting.from(k -> null, k -> null).durable(), "unset: no store");
        assertThrows(IllegalArgumentException.class, () -> FsyncPolicy.named("sometimes"));
        s.close();
    }

    @Test
    void aJdbcSettingWithoutItsStoreOnTheClassPathIsRefusedByName() {
        Map<String, String> props = Map.of(SequenceStoreSetting.PROPERTY,
                "jdbc:postgresql://127.0.0.1:5432/rm?user=rm&password=secret");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SequenceStoreSetting.from(props::get, k -> null));
        assertTrue(e.getMessage().contains("wcf4j-durable-postgres"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), "the password is not in the message: " + e.getMessage());
    }

    @Test
    void aFoldOfEncodedChangesIsWhatTheStoresLoad() {
        List<SequenceChange> decoded = new ArrayList<>();
        for (SequenceChange c : sessionChanges()) {
            decoded.add(SequenceChangeCodec.decode(SequenceChangeCodec.encode("in", c)));
        }
        assertSession(SequenceChangeCodec.fold(decoded).orElseThrow());
        decoded.add(new SequenceChange.Ended());
        assertTrue(SequenceChangeCodec.fold(decoded).isEmpty());
    }
}
