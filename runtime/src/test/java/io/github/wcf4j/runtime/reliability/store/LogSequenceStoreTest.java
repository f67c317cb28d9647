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

    /** A duplex service session: both sequences and the back channel its output goes to, kept across a reopen. */
    @Test
    void aDuplexSessionsBackChannelAndSendWindowAreKeptAcrossAReopen() {
        Path file = dir.resolve("rm.log");
        SequenceChange.Address back = new SequenceChange.Address("http://client:8000/myClient/",
                List.of("<p:Id xmlns:p=\"urn:p\">7</p:Id>"));
        try (LogSequenceStore s = LogSequenceStore.open(file, FsyncPolicy.GROUP)) {
            join(s.write("in", new SequenceChange.Opened(SequenceChange.Role.SERVICE_DUPLEX, "urn:rm", "in", "offer",
                    "/svc", back)));
            join(s.write("in", new SequenceChange.Received(1, false, "h1", bytes("message 1"))));
            join(s.write("in", new SequenceChange.Sent(1, bytes("callback 1"))));
            join(s.write("in", new SequenceChange.Sent(2, bytes("callback 2"))));
            join(s.write("in", new SequenceChange.Acknowledged(List.of(new SequenceChange.Range(1, 1)))));
        }
        try (LogSequenceStore s = LogSequenceStore.open(file, FsyncPolicy.GROUP)) {
            StoredSequence d = load(s, "offer");
            assertEquals(SequenceChange.Role.SERVICE_DUPLEX, d.opened().role());
            assertEquals(back, d.opened().backChannel());
            assertEquals(List.of(1L), List.copyOf(d.pending().keySet()));
            assertEquals(List.of(2L), List.copyOf(d.unacknowledged().keySet()));
            assertEquals(2, d.lastSent());
        }
    }

    /**
     * The format is extended compatibly: an opening without a back channel is the record every earlier version wrote
     * (its fields end at the endpoint), and the back channel is a trailing field an earlier reader skips.
     */
    @Test
    void anOpeningWithoutABackChannelIsTheEarlierRecord() throws IOException {
        SequenceChange.Opened plain = new SequenceChange.Opened(SequenceChange.Role.SERVICE_REPLY, "urn:rm", "in",
                "out", "/svc");
        byte[] record = SequenceChangeCodec.encode("in", plain);
        java.io.ByteArrayOutputStream earlier = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(earlier)) {
            out.writeUTF("in");
            out.writeByte(1);
            out.writeUTF("SERVICE_REPLY");
            out.writeUTF("urn:rm");
            out.writeUTF("in");
            out.writeBoolean(true);
            out.writeUTF("out");
            out.writeBoolean(true);
            out.writeUTF("/svc");
        }
        assertArrayEquals(earlier.toByteArray(), java.util.Arrays.copyOfRange(record, LogRecords.HEADER,
                record.length));
        assertEquals(plain, SequenceChangeCodec.decode(record));
        SequenceChange.Opened duplex = new SequenceChange.Opened(SequenceChange.Role.SERVICE_DUPLEX, "urn:rm", "in",
                "out", "/svc", new SequenceChange.Address("http://client/", List.of()));
        byte[] withBack = SequenceChangeCodec.encode("in", duplex);
        byte[] fields = duplexOpeningFields();
        assertArrayEquals(fields, java.util.Arrays.copyOfRange(withBack, LogRecords.HEADER,
                LogRecords.HEADER + fields.length), "the earlier fields come first, as before");
        assertEquals(duplex, SequenceChangeCodec.decode(withBack));
    }

    /** The earlier fields of the duplex opening above, as every version writes them. */
    private static byte[] duplexOpeningFields() throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(b)) {
            out.writeUTF("in");
            out.writeByte(1);
            out.writeUTF("SERVICE_DUPLEX");
            out.writeUTF("urn:rm");
            out.writeUTF("in");
            out.writeBoolean(true);
            out.writeUTF("out");
            out.writeBoolean(true);
            out.writeUTF("/svc");
        }
        return b.toByteArray();
    }

    /**
     * A whole record (its checksum matches) of a change this version does not know was written by a newer wcf4j: the
     * store refuses to open by name and leaves the file as it is, never truncating it as a torn tail.
     */
    @Test
    void aRecordOfANewerVersionRefusesToOpenAndLeavesTheFile() throws IOException {
        Path file = dir.resolve("rm.log");
        try (LogSequenceStore s = LogSequenceStore.open(file, FsyncPolicy.NONE)) {
            writeSession(s);
        }
        java.io.ByteArrayOutputStream payload = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(payload)) {
            out.writeUTF("in");
            out.writeByte(42);
            out.writeLong(7);
        }
        byte[] p = payload.toByteArray();
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(p);
        ByteBuffer record = ByteBuffer.allocate(LogRecords.HEADER + p.length).putInt(p.length)
                .putInt((int) crc.getValue()).put(p).flip();
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.APPEND)) {
            c.write(record);
        }
        long size = Files.size(file);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LogSequenceStore.open(file, FsyncPolicy.NONE));
        assertTrue(e.getMessage().contains("written by a newer wcf4j") && e.getMessage().contains("change type 42"),
                e.getMessage());
        assertEquals(size, Files.size(file), "the file is left as it is");
        IllegalStateException again = assertThrows(IllegalStateException.class,
                () -> LogSequenceStore.open(file, FsyncPolicy.NONE));
        assertTrue(again.getMessage().contains("newer wcf4j"), "the file is not left locked: " + again.getMessage());
    }
}
