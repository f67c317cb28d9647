package io.github.wcf4j.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.runtime.transport.http.FaultInjectingHttpProxy;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Metro WSIT client built from wcf4j's published WSDL alone (its WS-RM switched on by the policy wcf4j exports, no
 * reliable-messaging setting in code) calls the wcf4j calculator through the fault-injecting proxy.
 */
class MetroClientTest {
    static final String CALLS = "Add 100 15.99;Subtract 145 76.54;Multiply 9 81.25;Divide 22 7";
    static final Duration PEER = Duration.ofSeconds(90);

    static String config(ReliableMessagingVersion v) {
        return v == ReliableMessagingVersion.WS_RELIABLE_MESSAGING_11 ? "calculator-service.rm11.config"
                : "calculator-service.rm10.config";
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void callsTheCalculatorOverAReliableSessionFromTheWsdlAlone(ReliableMessagingVersion v) throws Exception {
        try (HostedCalculator calc = HostedCalculator.fromResource(config(v));
                Peer client = Peer.metro("client", "--wsdl", calc.metadata() + "?wsdl",
                        "--service", "{http://tempuri.org/}CalculatorService",
                        "--port", "{http://tempuri.org/}CustomBinding_ICalculator", "--calls", CALLS, "--close",
                        "--timeout-ms", "30000")) {
            FaultInjectingHttpProxy proxy = calc.proxy;
            assertEquals("RESULT Add 115.99", client.await("RESULT", PEER));
            assertEquals("RESULT Subtract 68.46", client.await("RESULT", PEER));
            assertEquals("RESULT Multiply 731.25", client.await("RESULT", PEER));
            assertEquals("RESULT Divide 3.142857142857143", client.await("RESULT", PEER));
            client.await("DONE", PEER);
            assertEquals(0, client.exitCode(PEER), client.stderr());
            List<String> wire = Wire.summary(proxy);
            assertEquals("-> CreateSequence", wire.get(0), "RM switched on by the published policy: " + wire);
            String cs = proxy.envelopes(Direction.CLIENT_TO_SERVICE).get(0);
            assertTrue(cs.contains("Offer"), "a two-way client offers a return sequence: " + cs);
            assertTrue(Wire.envelopes(proxy, Direction.SERVICE_TO_CLIENT, "CreateSequenceResponse").get(0)
                    .contains("Accept"), wire.toString());
            for (String op : List.of("Add", "Subtract", "Multiply", "Divide")) {
                assertEquals(1, HostedCalculator.calls(op), op + " invoked exactly once");
            }
            assertTrue(wire.contains(v == ReliableMessagingVersion.WS_RELIABLE_MESSAGING_11 ? "-> CloseSequence"
                    : "-> LastMessage#5"), wire.toString());
            assertTrue(wire.contains("-> TerminateSequence"), wire.toString());
        }
    }
}
