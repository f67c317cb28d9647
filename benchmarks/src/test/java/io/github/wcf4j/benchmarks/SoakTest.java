package io.github.wcf4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The soak, scaled down for every build: 20 seconds of 8 reliable sessions through random drops, duplicates and delays
 * ({@code benchmarks/soak} runs the 10-minute one).
 */
class SoakTest {
    @Test
    void everyCallRunsAtMostOnceAndEveryAnsweredCallExactlyOnceAndResourcesReturn() throws Exception {
        Soak.Outcome o = Soak.run(Duration.ofSeconds(Long.getLong("wcf4j.soak.seconds", 20)), 8, 7);
        System.out.println("soak: " + o);
        assertTrue(o.replied() > 100, "the soak made calls: " + o);
        assertEquals(0, o.duplicated(), "no call ran twice: " + o);
        assertEquals(0, o.lost(), "every answered call ran: " + o);
        assertTrue(o.executed() >= o.replied(), o.toString());
        assertEquals(0, o.sessionsAfter(), "every session ended: " + o);
        assertTrue(o.backToBaseline(), "heap, threads and sockets back to baseline: " + o);
    }
}
