package io.github.wcf4j.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.FaultAction;
import io.github.wcf4j.runtime.transport.inmemory.FaultRule;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Apache CXF clients call wcf4j services: an anonymous client over a request/reply reliable session (WS-RM 1.0 with
 * WS-Addressing 1.0, and 1.1), and a client with a decoupled (addressable) endpoint against the seed binding's
 * duplex listener (compositeDuplex + oneWay + reliableSession, without security), the role WCF's own client plays.
 */
class CxfClientTest {
    static final String CALLS = "Add 100 15.99;Subtract 145 76.54;Multiply 9 81.25;Divide 22 7";
    static final Duration PEER = Duration.ofSeconds(60);
    /** How late the 202s come: far longer than the service takes to send a reply on the back channel. */
    static final Duration LATE_ACCEPTED = Duration.ofMillis(500);

    private static void assertResults(Peer client) {
        assertEquals("RESULT Add 115.99", client.await("RESULT", PEER));
        assertEquals("RESULT Subtract 68.46", client.await("RESULT", PEER));
        assertEquals("RESULT Multiply 731.25", client.await("RESULT", PEER));
        assertEquals("RESULT Divide 3.142857142857143", client.await("RESULT", PEER));
        client.await("DONE", PEER);
        assertEquals(0, client.exitCode(PEER), client.stderr());
        for (String op : List.of("Add", "Subtract", "Multiply", "Divide")) {
            assertEquals(1, HostedCalculator.calls(op), op + " invoked exactly once");
        }
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void anAnonymousClientOverARequestReplySession(ReliableMessagingVersion v) {
        boolean v11 = v == ReliableMessagingVersion.WS_RELIABLE_MESSAGING_11;
        try (HostedCalculator calc = HostedCalculator.fromResource(MetroClientTest.config(v));
                Peer client = Peer.cxf("client", "--rm", v11 ? "11" : "10", "--address", calc.address().toString(),
                        "--calls", CALLS)) {
            assertResults(client);
            List<String> wire = Wire.summary(calc.proxy);
            assertEquals("-> CreateSequence", wire.get(0), wire.toString());
            String cs = calc.proxy.envelopes(Direction.CLIENT_TO_SERVICE).get(0);
            assertTrue(cs.contains("Offer") && cs.contains(v.namespace()), cs);
            assertTrue(cs.contains("<Address>http://www.w3.org/2005/08/addressing/anonymous</Address>")
                    || cs.contains("addressing/anonymous<"), "WS-Addressing 1.0 (CXF's RM 1.0 default is 2004/08): "
                            + cs);
            assertTrue(Wire.acknowledges(calc.proxy.envelopes(Direction.SERVICE_TO_CLIENT), 4), wire.toString());
            assertTrue(Wire.acknowledges(calc.proxy.envelopes(Direction.CLIENT_TO_SERVICE), 4), wire.toString());
            assertTrue(wire.contains(v11 ? "-> CloseSequence" : "-> LastMessage#5"), wire.toString());
            assertTrue(wire.contains("-> TerminateSequence"), wire.toString());
        }
    }

    /** The seed binding's duplex listener: {@code <reliableSession/>} (February 2005), or the same set to 1.1. */
    private static HostedCalculator seedDuplexListener(ReliableMessagingVersion v) {
        return v == ReliableMessagingVersion.WS_RELIABLE_MESSAGING_11 ? HostedCalculator.fromSeedWithVersion11()
                : HostedCalculator.fromSeed("calculator-service.no-security.config");
    }

    /** A decoupled endpoint address on a port free a moment ago. */
    private static String decoupledEndpoint() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return "http://127.0.0.1:" + probe.getLocalPort() + "/decoupled";
        }
    }

    /** A CXF client with its decoupled endpoint at {@code decoupled} makes the calls; every result is right. */
    private static void callDecoupled(HostedCalculator calc, ReliableMessagingVersion v, String decoupled) {
        boolean v11 = v == ReliableMessagingVersion.WS_RELIABLE_MESSAGING_11;
        try (Peer client = Peer.cxf("client", "--rm", v11 ? "11" : "10", "--address", calc.address().toString(),
                "--decoupled", decoupled, "--calls", CALLS)) {
            assertResults(client);
        }
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void aDecoupledClientAgainstTheSeedBindingsDuplexListener(ReliableMessagingVersion v) throws Exception {
        boolean v11 = v == ReliableMessagingVersion.WS_RELIABLE_MESSAGING_11;
        try (HostedCalculator calc = seedDuplexListener(v)) {
            String decoupled = decoupledEndpoint();
            callDecoupled(calc, v, decoupled);
            List<String> wire = Wire.summary(calc.proxy);
            String cs = calc.proxy.envelopes(Direction.CLIENT_TO_SERVICE).get(0);
            assertTrue(cs.contains(decoupled), "ReplyTo and AcksTo are the client's own endpoint: " + cs);
            assertTrue(wire.stream().filter(l -> l.startsWith("<- ")).allMatch(l -> l.equals("<- (empty)")),
                    "every request leg is answered 202, the replies go to the decoupled endpoint: " + wire);
            List<String> sent = calc.tapped.stream().filter(t -> t.startsWith("sent ")).collect(
                    Collectors.toList());
            assertTrue(Wire.acknowledges(sent, 4), "acknowledged on the back channel");
            assertTrue(Wire.acknowledges(calc.proxy.envelopes(Direction.CLIENT_TO_SERVICE), 4),
                    "CXF acknowledged the four replies: " + wire);
            assertTrue(wire.contains(v11 ? "-> CloseSequence" : "-> LastMessage#5"), wire.toString());
            assertTrue(calc.tapped.stream().anyMatch(t -> t.startsWith("sent ") && t.contains(
                    "CreateSequenceResponse") && t.contains("<a:To s:mustUnderstand=\"1\">" + decoupled)),
                    "the service answered on the back channel");
            if (v11) {
                assertTrue(calc.tapped.stream().anyMatch(t -> t.startsWith("sent ") && t.contains(
                        "TerminateSequenceResponse") && t.contains("<a:To s:mustUnderstand=\"1\">" + decoupled)),
                        "the service answered TerminateSequence on the back channel");
            }
        }
    }

    /**
     * Every request leg's 202 reaches CXF late, after the reply has reached its decoupled endpoint (the order a loaded
     * machine produces now and then). CXF's conduit then replaces the reply with the empty 202 message and the call
     * fails with "Response message did not contain proper response data"; the peer keeps the reply
     * ({@code DecoupledReplyKeeper}), so every call, the CreateSequence and (1.1) the TerminateSequence get theirs.
     */
    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void aDecoupledClientWhoseRequestLegsAreAnsweredAfterTheirRepliesGetsEveryReply(ReliableMessagingVersion v)
            throws Exception {
        try (HostedCalculator calc = seedDuplexListener(v)) {
            calc.proxy.inject(FaultRule.on(Direction.SERVICE_TO_CLIENT).where(String::isBlank)
                    .then(FaultAction.delay(LATE_ACCEPTED)));
            callDecoupled(calc, v, decoupledEndpoint());
            List<String> wire = Wire.summary(calc.proxy);
            assertTrue(wire.stream().filter(l -> l.startsWith("<- ")).allMatch(l -> l.equals("<- (empty) [DELAY]")),
                    "every request leg was answered 202, late: " + wire);
        }
    }
}
