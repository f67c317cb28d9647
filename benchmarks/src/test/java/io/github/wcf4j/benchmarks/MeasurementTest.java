package io.github.wcf4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.peers.Load;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A load's rounds as the systems print them, and the warm-up's stability rule. */
class MeasurementTest {
    @Test
    void roundsCarryTheWarmUpTheCollectorsTheContextSwitchesAndTheCpu() {
        Measurement m = new Measurement("calls", Contender.WCF4J_RM, 16, "", List.of(
                Measurement.Round.parse("{\"round\":1,\"sessions\":16,\"calls\":300,\"seconds\":3.000,"
                        + "\"callsPerSecond\":100.0,\"p50Micros\":1.0,\"p99Micros\":2.0,\"errors\":0,"
                        + "\"warmupRounds\":4,\"stable\":1,\"gcMillis\":12,\"gcCount\":2,\"switchesPerCall\":5.20,\"cpuMicrosPerCall\":410.0}"),
                Measurement.Round.parse("{\"round\":2,\"sessions\":16,\"calls\":330,\"seconds\":3.000,"
                        + "\"callsPerSecond\":110.0,\"p50Micros\":1.0,\"p99Micros\":2.0,\"errors\":0,"
                        + "\"warmupRounds\":4,\"stable\":1,\"gcMillis\":30,\"gcCount\":3,\"switchesPerCall\":4.80,\"cpuMicrosPerCall\":390.5}"),
                Measurement.Round.parse("{\"round\":3,\"sessions\":16,\"calls\":315,\"seconds\":3.000,"
                        + "\"callsPerSecond\":105.0,\"p50Micros\":1.0,\"p99Micros\":2.0,\"errors\":0,"
                        + "\"warmupRounds\":4,\"stable\":1,\"gcMillis\":20,\"gcCount\":2,\"switchesPerCall\":5.00,\"cpuMicrosPerCall\":400.0}")),
                null);
        assertEquals(4, m.warmupRounds());
        assertTrue(m.stable());
        assertEquals(20, m.gcMillis());
        assertEquals(30, m.gcMillisMax());
        assertEquals(5.0, m.switchesPerCall(), 1e-9);
        assertEquals(400.0, m.cpuMicrosPerCall(), 1e-9);
        assertEquals("4 | 20 (30)", m.warmupAndGc());
    }

    @Test
    void aRoundFromASystemThatDoesNotSayIsStillRead() {
        Measurement.Round r = Measurement.Round.parse("{\"round\":1,\"sessions\":1,\"calls\":10,\"seconds\":1.0,"
                + "\"callsPerSecond\":10.0,\"p50Micros\":1.0,\"p99Micros\":2.0,\"errors\":0}");
        assertEquals(10.0, r.callsPerSecond());
        assertTrue(Double.isNaN(r.warmupRounds()));
        assertTrue(Double.isNaN(r.switchesPerCall()));
        assertTrue(Double.isNaN(r.cpuMicrosPerCall()));
        assertEquals("— | —", new Measurement("calls", Contender.RAW, 1, "", List.of(r), null).warmupAndGc());
    }

    @Test
    void aWarmUpThatHitItsLimitIsNotSteady() {
        Measurement m = new Measurement("calls", Contender.RAW, 1, "", List.of(Measurement.Round.parse(
                "{\"callsPerSecond\":10.0,\"p50Micros\":1.0,\"p99Micros\":2.0,\"calls\":10,\"errors\":0,"
                        + "\"warmupRounds\":20,\"stable\":0,\"gcMillis\":0,\"gcCount\":0}")), null);
        assertFalse(m.stable());
        assertEquals("20 (not steady) | 0 (0)", m.warmupAndGc());
    }

    @Test
    void consecutiveRoundsAgreeWithinTenPercentOfTheLarger() {
        assertTrue(Load.agree(100, 91));
        assertTrue(Load.agree(91, 100));
        assertFalse(Load.agree(100, 89));
        assertFalse(Load.agree(Double.NaN, 100), "the first round has nothing to agree with");
        assertFalse(Load.agree(0, 0), "a load that made no calls is not steady");
    }
}
