package io.github.wcf4j.durable.postgres;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.runtime.reliability.store.SequenceChange;
import io.github.wcf4j.runtime.reliability.store.SequenceNumberTakenException;
import io.github.wcf4j.runtime.reliability.store.StoredSequence;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * A long-lived farm sequence in PostgreSQL does not grow with its changes: the store compacts a sequence's rows every
 * {@code compactAfterChanges} of its changes to what exactly-once still needs (the pending messages, the numbers, the
 * replies the client has not acknowledged), and its "who delivers n" rows below the first pending message; what is
 * loaded is what the uncompacted rows would give, and a stale host's write of a compacted number is refused.
 */
class PostgresCompactionTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static long count(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLongSequenceIsCompactedToWhatExactlyOnceStillNeeds() {
        String place = LoopbackPostgres.freshDatabase();
        PostgresSequenceStore.Options every10 = new PostgresSequenceStore.Options(Clock.systemUTC(),
                Duration.ofMinutes(1), 10);
        try (PostgresSequenceStore a = PostgresSequenceStore.open(place, every10);
                PostgresSequenceStore b = PostgresSequenceStore.open(place)) {
            a.write("s", new SequenceChange.Opened(SequenceChange.Role.SERVICE_REPLY, "urn:rm", "s", "o", "/svc"))
                    .join();
            for (long n = 1; n <= 200; n++) {
                a.write("s", new SequenceChange.Received(n, false, "host-a", bytes("request " + n))).join();
                a.write("s", new SequenceChange.Replied(n, n, bytes("reply " + n))).join();
                if (n > 2) {
                    // the client acknowledges the replies but the last two
                    a.write("s", new SequenceChange.Acknowledged(List.of(new SequenceChange.Range(1, n - 2))))
                            .join();
                }
            }
            a.write("s", new SequenceChange.Received(201, false, "host-a", bytes("request 201"))).join();
            long rows = a.changeRows("s");
            assertTrue(rows <= 20, "598 changes compacted to " + rows + " rows");
            long receivedRows = count(place, "SELECT count(*) FROM wcf4j_rm_received WHERE key = 's'");
            assertTrue(receivedRows <= 20, "the numbers' rows below the first pending one pruned: " + receivedRows);

            for (PostgresSequenceStore host : List.of(a, b)) {
                StoredSequence s = host.load("o").join().orElseThrow();
                assertEquals(List.of(new SequenceChange.Range(1, 201)), s.received());
                assertEquals(List.of(201L), List.copyOf(s.pending().keySet()));
                assertArrayEquals(bytes("request 201"), s.pending().get(201L).message());
                assertEquals(List.of(199L, 200L), List.copyOf(s.replies().keySet()),
                        "the reply cache keeps exactly the replies not acknowledged");
                assertArrayEquals(bytes("reply 200"), s.replies().get(200L).reply());
                assertEquals(200, s.lastReplyNumber());
            }

            // a stale host's duplicate of a number answered and compacted away is refused, not delivered again
            CompletionException stale = assertThrows(CompletionException.class,
                    () -> b.write("s", new SequenceChange.Received(50, false, "host-b", bytes("request 50"))).join());
            assertInstanceOf(SequenceNumberTakenException.class, stale.getCause());
            assertThrows(CompletionException.class,
                    () -> b.write("s", new SequenceChange.Replied(50, 201, bytes("again"))).join());
            assertTrue(a.load("s").join().orElseThrow().pending().keySet().equals(java.util.Set.of(201L)));

            // the rest still works: 201 answered, and the sequence ends with all its rows
            a.write("s", new SequenceChange.Replied(201, 201, bytes("reply 201"))).join();
            a.write("s", new SequenceChange.Ended()).join();
            assertTrue(b.load("s").join().isEmpty());
            assertEquals(0, count(place, "SELECT count(*) FROM wcf4j_rm_change"));
            assertEquals(0, count(place, "SELECT count(*) FROM wcf4j_rm_received"));
        }
    }
}
