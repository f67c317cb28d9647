package io.github.wcf4j.runtime.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.description.ServiceThrottlingBehavior;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.time.ManualScheduler;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.transport.http.RawHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * WS-ReliableMessaging abuse against a hosted service over a reliable request/reply HTTP binding, both versions:
 * forged identifiers, acknowledgements of messages never sent, message numbers WCF cannot read, a CreateSequence
 * flood, and sequences abandoned half-way. Each is answered as WCF answers it, sessions already open keep working,
 * and every abandoned session is reclaimed.
 */
class ReliableMessagingAbuseTest {
    private HostedCalculator service;

    @AfterEach
    void close() {
        if (service != null) {
            service.close();
        }
    }

    private HandMadeWsrm host(ReliableMessagingVersion v, UnaryOperator<ReliableSessionBindingElement.Builder> rm,
            ServiceThrottlingBehavior throttling) {
        return host(v, rm, throttling, b -> { });
    }

    private HandMadeWsrm host(ReliableMessagingVersion v, UnaryOperator<ReliableSessionBindingElement.Builder> rm,
            ServiceThrottlingBehavior throttling, Consumer<ServiceHost.Builder> customize) {
        service = HostedCalculator.hosting(CustomBinding.of("rm", rm.apply(ReliableSessionBindingElement.builder()
                .reliableMessagingVersion(v)).build(), TextMessageEncodingBindingElement.defaults(),
                HttpTransportBindingElement.defaults()), throttling, customize);
        return new HandMadeWsrm(service, v);
    }

    private HandMadeWsrm host(ReliableMessagingVersion v) {
        return host(v, b -> b, ServiceThrottlingBehavior.defaults(2));
    }

    /** Call {@code number} of sequence {@code id} is answered with its result. */
    private void assertServed(HandMadeWsrm rm, String id, long number) {
        RawHttp.Response r = service.post(rm.add(id, number));
        assertEquals(200, r.status(), r.body());
        assertTrue(r.body().contains("<AddResult>5"), r.body());
    }

    private static void assertFault(RawHttp.Response r, String subcode, String reason) {
        assertEquals(500, r.status(), r.body());
        assertTrue(r.body().contains(":" + subcode + "</s:Value>"), r.body());
        assertTrue(r.body().contains(reason), r.body());
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void aForgedOrGuessedIdentifierIsUnknownSequence(ReliableMessagingVersion v) {
        HandMadeWsrm rm = host(v);
        String genuine = rm.open();
        assertServed(rm, genuine, 1);
        for (String forged : List.of(HandMadeWsrm.newId(), genuine.substring(0, genuine.length() - 1) + "0",
                "urn:uuid:00000000-0000-0000-0000-000000000000")) {
            if (forged.equals(genuine)) {
                continue;
            }
            RawHttp.Response r = service.post(rm.add(forged, 2));
            assertFault(r, "UnknownSequence", WcfText.UnknownSequenceFaultReason.format());
            assertTrue(r.body().contains(forged), "the detail names the identifier: " + r.body());
        }
        assertServed(rm, genuine, 2);
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void anAcknowledgementOfRepliesNeverSentIsInvalidAcknowledgement(ReliableMessagingVersion v) {
        HandMadeWsrm rm = host(v);
        String offer = HandMadeWsrm.newId();
        RawHttp.Response created = service.post(rm.createSequence(offer));
        String id = HandMadeWsrm.identifier(created.body());
        assertServed(rm, id, 1);
        RawHttp.Response r = service.post(rm.add(id, "2", rm.ack(offer, 1, 5)));
        assertFault(r, "InvalidAcknowledgement", WcfText.InvalidAcknowledgementFaultReason.format());
        assertTrue(r.body().contains("Upper=\"5\""), "the detail echoes the acknowledgement: " + r.body());
        assertFalse(r.body().contains("<AddResult>"), "the call was not run");
        String other = rm.open();
        assertServed(rm, other, 1);
        service.assertStillServingReliably(rm);
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void messageNumbersWcfCannotReadAreDroppedWithoutRunningTheCall(ReliableMessagingVersion v) {
        HandMadeWsrm rm = host(v);
        String id = rm.open();
        for (String number : List.of("0", "-1", "9223372036854775808", "1.5", "")) {
            RawHttp.Response r = service.post(rm.add(id, number, ""));
            // WCF's listener drops a message it cannot parse (WsrmMessageInfo.ParsingException): nothing accepted,
            // nothing acknowledged, no session faulted; over HTTP the request is answered empty
            assertEquals(202, r.status(), number + ": " + r);
            assertEquals("", r.body());
        }
        assertServed(rm, id, 1);
        assertServed(rm, id, 2);
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void aCreateSequenceFloodIsBoundedByMaxPendingChannelsAndOpenSessionsKeepWorking(ReliableMessagingVersion v) {
        // two sessions are served at once, four more may wait to be accepted (maxPendingChannels), the rest are refused
        HandMadeWsrm rm = host(v, b -> b.maxPendingChannels(4), new ServiceThrottlingBehavior(16, 2, 18));
        String first = rm.open();
        assertServed(rm, first, 1);
        int created = 1;
        int refused = 0;
        for (int i = 0; i < 40; i++) {
            RawHttp.Response r = service.post(rm.createSequence(HandMadeWsrm.newId()));
            if (r.body().contains("CreateSequenceResponse")) {
                created++;
            } else {
                assertFault(r, "CreateSequenceRefused", WcfText.CSRefused.format(WcfText.ServerTooBusy.format(
                        service.uri())));
                assertTrue(r.body().contains("ConnectionLimitReached"), r.body());
                refused++;
            }
        }
        assertEquals(2 + 4, created, "accepted: the throttle's sessions plus maxPendingChannels");
        assertEquals(41 - 6, refused);
        assertServed(rm, first, 2);
        assertTrue(service.host().openSessions() <= 2, "sessions: " + service.host().openSessions());
    }

    /**
     * The host's timers run on virtual time, and its operations on the thread that delivers their request: a request
     * is answered only after the listener, which reads one request at a time, handed every earlier one to its session,
     * ran the call and had the session's pump wait for the next. So when the clock passes the inactivity timeout,
     * every session fails on this thread and the host's count is final when {@code advanceBy} returns.
     */
    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void sequencesAbandonedHalfWayAreReclaimedAtTheInactivityTimeout(ReliableMessagingVersion v) {
        ManualScheduler clock = new ManualScheduler();
        Duration inactivityTimeout = Duration.ofSeconds(2);
        HandMadeWsrm rm = host(v, b -> b.inactivityTimeout(inactivityTimeout), ServiceThrottlingBehavior.defaults(2),
                h -> h.parameter(Scheduler.class, clock).invocationExecutor(Runnable::run));
        List<String> abandoned = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = rm.open();
            assertServed(rm, id, 1);
            service.post(rm.add(id, 3)); // #2 never comes: a gap the session cannot close
            abandoned.add(id);
        }
        assertEquals(5, service.host().openSessions());
        clock.advanceBy(inactivityTimeout);
        assertEquals(0, service.host().openSessions(), "every abandoned session was reclaimed");
        for (String id : abandoned) {
            assertFault(service.post(rm.add(id, 2)), "UnknownSequence", WcfText.UnknownSequenceFaultReason.format());
        }
        String fresh = rm.open();
        assertServed(rm, fresh, 1);
        // a graceful close would wait on this virtual clock for the fresh session's closing handshake
        service.host().abort();
        assertEquals(0, service.host().openSessions());
        service = null;
    }
}
