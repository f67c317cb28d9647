package io.github.wcf4j.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WcfTimeSpanTest {

    @ParameterizedTest(name = "{0} = {1} ns, printed {2}")
    @CsvSource({
        "00:00:00.2, 200000000, 00:00:00.2000000",
        "00:10:00, 600000000000, 00:10:00",
        "1.00:00:00, 86400000000000, 1.00:00:00",
        "1, 86400000000000, 1.00:00:00",
        "00:10, 600000000000, 00:10:00",
        "00:00:00.0000001, 100, 00:00:00.0000001",
        "24.20:31:23.647, 2147483647000000, 24.20:31:23.6470000",
        "-00:00:01, -1000000000, -00:00:01",
        "' 00:01:00 ', 60000000000, 00:01:00",
    })
    void parsesAndPrintsAsDotNet(String text, long nanos, String printed) {
        Duration d = WcfTimeSpan.parse(text).orElseThrow();
        assertEquals(Duration.ofNanos(nanos), d);
        assertEquals(printed, WcfTimeSpan.format(d));
        assertEquals(d, WcfTimeSpan.parse(WcfTimeSpan.format(d)).orElseThrow(), "round trip");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "00:60:00", "24:00:00", "00:00:60", "1.2.3", "00:00:00.12345678", "::", "-",
        "10675199.02:48:05.4775808", "infinite"})
    void rejectsWhatTimeSpanParseRejects(String text) {
        assertEquals(Optional.empty(), WcfTimeSpan.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Infinite", "10675199.02:48:05.4775807"})
    void infiniteIsTimeSpanMaxValue(String text) {
        assertTrue(WcfTimeSpan.isInfinite(WcfTimeSpan.parse(text).orElseThrow()));
        assertEquals("Infinite", WcfTimeSpan.format(WcfTimeSpan.parse(text).orElseThrow()));
    }
}
