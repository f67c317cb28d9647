package io.github.wcf4j.runtime.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.oneway.OneWayBindingElement;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.runtime.transport.http.RawHttp;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * WS-Addressing redirection (ReplyTo, FaultTo, AcksTo pointing elsewhere: SSRF and reflection) against hosted
 * services: over request/reply bindings, with and without a reliable session, every answer goes back on the HTTP
 * response and nothing is sent to the named address; over the duplex seed binding a message that belongs to no session
 * makes the service send nothing anywhere. A loopback canary listener stands at the named address and must see no
 * connection.
 */
class AddressingAbuseTest {
    private static final Duration NOTHING_WITHIN = Duration.ofMillis(700);
    private CanaryListener canary;
    private HostedCalculator service;

    @BeforeEach
    void canary() throws IOException {
        canary = new CanaryListener();
    }

    @AfterEach
    void close() throws Exception {
        if (service != null) {
            service.close();
        }
        assertFalse(canary.visitedWithin(NOTHING_WITHIN), "the service connected to the canary");
        assertEquals(0, canary.connections());
        canary.close();
    }

    private String redirect() {
        return "<a:ReplyTo><a:Address>" + canary.uri("/reply") + "</a:Address></a:ReplyTo><a:FaultTo><a:Address>"
                + canary.uri("/fault") + "</a:Address></a:FaultTo>";
    }

    @Test
    void requestReplyAnswersOnTheHttpResponseWhateverReplyToAndFaultToSay() {
        service = HostedCalculator.overHttp(HttpTransportBindingElement.defaults());
        RawHttp.Response reply = service.post(service.add(redirect()));
        assertEquals(200, reply.status());
        assertTrue(reply.body().contains("<AddResult>5"), reply.body());
        RawHttp.Response fault = service.post(service.envelope(HostedCalculator.NS
                + "/ICalculator/Divide", redirect(), "<Divide xmlns=\"" + HostedCalculator.NS
                + "\"><n1>1</n1><n2>0</n2></Divide>"));
        assertEquals(500, fault.status());
        assertTrue(fault.body().contains("InternalServiceFault"), fault.body());
        RawHttp.Response unknown = service.post(service.envelope(HostedCalculator.NS
                + "/ICalculator/Nope", redirect(), "<Nope xmlns=\"" + HostedCalculator.NS + "\"/>"));
        assertEquals(500, unknown.status());
        assertTrue(unknown.body().contains("ActionNotSupported"), unknown.body());
        service.assertStillServing();
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void aReliableRequestReplySessionAnswersOnTheHttpResponseOnly(ReliableMessagingVersion v) {
        service = HostedCalculator.hosting(CustomBinding.of("rm", ReliableSessionBindingElement.builder()
                .reliableMessagingVersion(v).build(), TextMessageEncodingBindingElement.defaults(),
                HttpTransportBindingElement.defaults()));
        HandMadeWsrm rm = new HandMadeWsrm(service, v);
        String elsewhere = canary.uri("/acks").toString();
        RawHttp.Response cs = service.post(rm.createSequence(HandMadeWsrm.newId(), elsewhere, elsewhere));
        assertTrue(cs.status() == 200 || cs.status() == 500, cs.toString());
        String id = rm.open();
        RawHttp.Response r = service.post(rm.add(id, "1", redirect()));
        assertEquals(200, r.status());
        assertTrue(r.body().contains("<AddResult>5"), r.body());
        RawHttp.Response unknown = service.post(rm.add(HandMadeWsrm.newId(), "1", redirect()));
        assertEquals(500, unknown.status());
        assertTrue(unknown.body().contains("UnknownSequence"), unknown.body());
        service.assertStillServingReliably(rm);
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void overTheDuplexSeedBindingAMessageOfNoSessionIsAnsweredNowhere(ReliableMessagingVersion v) {
        service = HostedCalculator.hosting(CustomBinding.of("Binding1", ReliableSessionBindingElement.builder()
                .reliableMessagingVersion(v).build(), CompositeDuplexBindingElement.defaults(),
                OneWayBindingElement.defaults(), TextMessageEncodingBindingElement.defaults(),
                HttpTransportBindingElement.defaults()));
        HandMadeWsrm rm = new HandMadeWsrm(service, v);
        // a forged sequence: WCF would send UnknownSequence to the FaultTo; the service sends nothing
        assertEquals(202, service.post(rm.add(HandMadeWsrm.newId(), "1", redirect())).status());
        // not WS-RM at all
        assertEquals(202, service.post(service.add(redirect())).status());
        // an acknowledgement or AckRequested for a sequence that does not exist
        assertEquals(202, service.post(service.envelope(rm.ns() + "/AckRequested", redirect()
                + "<r:AckRequested xmlns:r=\"" + rm.ns() + "\"><r:Identifier>" + HandMadeWsrm.newId()
                + "</r:Identifier></r:AckRequested>", "")).status());
    }
}
