package io.github.wcf4j.runtime.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.MustUnderstandException;
import io.github.wcf4j.runtime.channel.ServerTooBusyException;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.MessageFault;
import io.github.wcf4j.runtime.message.XmlFragment;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * WS-RM messages byte for byte as WCF writes them (wcf-reference.md §4.2, §4.5; the envelopes of
 * {@code ReliableMessagingHelpers}, {@code WsrmMessageInfo}, {@code WsrmFault} and {@code MessageFault} in the
 * reference source), and WCF's reading rules: what it tolerates and what it rejects with which text.
 */
class WsrmWireTest {
    private static final String S12 = "http://www.w3.org/2003/05/soap-envelope";
    private static final String S11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String WSA = "http://www.w3.org/2005/08/addressing";
    private static final String FEB = "http://schemas.xmlsoap.org/ws/2005/02/rm";
    private static final String V11 = "http://docs.oasis-open.org/ws-rx/wsrm/200702";
    private static final String NETRM = "http://schemas.microsoft.com/ws/2006/05/rm";
    private static final Wsrm FEB2005 = Wsrm.of(ReliableMessagingVersion.WS_RELIABLE_MESSAGING_FEBRUARY_2005);
    private static final Wsrm WSRM11 = Wsrm.of(ReliableMessagingVersion.WS_RELIABLE_MESSAGING_11);
    private static final EndpointAddress CLIENT = EndpointAddress.of(URI.create("http://client/cb/"));
    private static final EndpointAddress SERVER = EndpointAddress.of(URI.create("http://server/svc"));

    private static String write(Message m) {
        TextMessageEncoder e = new TextMessageEncoder(TextMessageEncodingBindingElement.of(m.version(),
                StandardCharsets.UTF_8));
        return new String(e.write(m), StandardCharsets.UTF_8);
    }

    private static Message read(String envelope, MessageVersion v) {
        TextMessageEncoder e = new TextMessageEncoder(TextMessageEncodingBindingElement.of(v, StandardCharsets.UTF_8));
        return e.read(envelope.getBytes(StandardCharsets.UTF_8), v.envelope().mediaType() + "; charset=utf-8");
    }

    private static WsrmMessages soap12(Wsrm wsrm) {
        return new WsrmMessages(wsrm, MessageVersion.SOAP12_WS_ADDRESSING10);
    }

    private static SequenceRanges ranges(long... pairs) {
        SequenceRanges r = SequenceRanges.EMPTY;
        for (int i = 0; i < pairs.length; i += 2) {
            r = r.with(new SequenceRange(pairs[i], pairs[i + 1]));
        }
        return r;
    }

    @Test
    void createSequenceWithAnOfferOverCompositeDuplex() {
        Message cs = soap12(FEB2005).createSequence(CreateSequence.of(FEB2005, CLIENT, Optional.of("urn:uuid:O"),
                true), "urn:uuid:M1", CLIENT);
        cs.headers().to(SERVER);
        assertEquals("<s:Envelope xmlns:s=\"" + S12 + "\" xmlns:a=\"" + WSA + "\"><s:Header>"
                + "<a:Action s:mustUnderstand=\"1\">" + FEB + "/CreateSequence</a:Action>"
                + "<a:MessageID>urn:uuid:M1</a:MessageID>"
                + "<a:ReplyTo><a:Address>http://client/cb/</a:Address></a:ReplyTo>"
                + "<a:To s:mustUnderstand=\"1\">http://server/svc</a:To></s:Header>"
                + "<s:Body><CreateSequence xmlns=\"" + FEB + "\"><AcksTo><a:Address>http://client/cb/</a:Address>"
                + "</AcksTo><Offer><Identifier>urn:uuid:O</Identifier></Offer></CreateSequence></s:Body></s:Envelope>",
                write(cs));
    }

    @Test
    void createSequenceOfVersion11OffersAnEndpointAndTheIncompleteSequenceBehavior() {
        for (boolean ordered : new boolean[] {true, false}) {
            Message cs = soap12(WSRM11).createSequence(CreateSequence.of(WSRM11, CLIENT, Optional.of("urn:uuid:O"),
                    ordered), "urn:uuid:M1", CLIENT);
            assertTrue(write(cs).contains("<s:Body><CreateSequence xmlns=\"" + V11 + "\"><AcksTo><a:Address>"
                    + "http://client/cb/</a:Address></AcksTo><Offer><Identifier>urn:uuid:O</Identifier><Endpoint>"
                    + "<a:Address>http://client/cb/</a:Address></Endpoint><IncompleteSequenceBehavior>"
                    + (ordered ? "DiscardFollowingFirstGap" : "NoDiscard") + "</IncompleteSequenceBehavior></Offer>"
                    + "</CreateSequence></s:Body>"), write(cs));
        }
    }

    @Test
    void anAnonymousRequestReplyClientWritesNoReplyToUnderAddressing10() {
        Message cs = soap12(FEB2005).createSequence(CreateSequence.of(FEB2005, EndpointAddress.ANONYMOUS,
                Optional.empty(), true), "urn:uuid:M1", null);
        String xml = write(cs);
        assertFalse(xml.contains("ReplyTo"), xml);
        assertTrue(xml.contains("<AcksTo><a:Address>" + WSA + "/anonymous</a:Address></AcksTo></CreateSequence>"));
    }

    @Test
    void createSequenceResponseAcceptsTheOffer() {
        Message feb = soap12(FEB2005).createSequenceResponse(new CreateSequenceResponse("urn:uuid:S", Optional.empty(),
                Optional.of(SERVER)), "urn:uuid:M1");
        feb.headers().to(CLIENT);
        assertEquals("<s:Envelope xmlns:s=\"" + S12 + "\" xmlns:a=\"" + WSA + "\"><s:Header>"
                + "<a:Action s:mustUnderstand=\"1\">" + FEB + "/CreateSequenceResponse</a:Action>"
                + "<a:RelatesTo>urn:uuid:M1</a:RelatesTo><a:To s:mustUnderstand=\"1\">http://client/cb/</a:To>"
                + "</s:Header><s:Body><CreateSequenceResponse xmlns=\"" + FEB + "\"><Identifier>urn:uuid:S</Identifier>"
                + "<Accept><AcksTo><a:Address>http://server/svc</a:Address></AcksTo></Accept></CreateSequenceResponse>"
                + "</s:Body></s:Envelope>", write(feb));
        Message v11 = soap12(WSRM11).createSequenceResponse(new CreateSequenceResponse("urn:uuid:S",
                Optional.of("NoDiscard"), Optional.of(SERVER)), "urn:uuid:M1");
        assertTrue(write(v11).contains("<CreateSequenceResponse xmlns=\"" + V11 + "\"><Identifier>urn:uuid:S"
                + "</Identifier><IncompleteSequenceBehavior>NoDiscard</IncompleteSequenceBehavior><Accept><AcksTo>"
                + "<a:Address>http://server/svc</a:Address></AcksTo></Accept></CreateSequenceResponse>"), write(v11));
    }

    @Test
    void anApplicationMessageCarriesAckAckRequestedAndSequenceBeforeTheAddressingHeaders() {
        Message m = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, "http://tempuri.org/IFoo/Bar",
                new XmlFragment("<Bar xmlns=\"http://tempuri.org/\"/>"));
        m.headers().to(SERVER);
        m.headers().addFirst(new SequenceHeader("urn:uuid:S", 8, false).toHeader(FEB2005));
        m.headers().addFirst(new AckRequestedHeader("urn:uuid:S").toHeader(FEB2005));
        m.headers().addFirst(new AckHeader("urn:uuid:O", ranges(1, 2, 4, 4), false, 6).toHeader(FEB2005));
        assertEquals("<s:Envelope xmlns:s=\"" + S12 + "\" xmlns:r=\"" + FEB + "\" xmlns:a=\"" + WSA + "\"><s:Header>"
                + "<r:SequenceAcknowledgement><r:Identifier>urn:uuid:O</r:Identifier>"
                + "<r:AcknowledgementRange Lower=\"1\" Upper=\"2\"/><r:AcknowledgementRange Lower=\"4\" Upper=\"4\"/>"
                + "<netrm:BufferRemaining xmlns:netrm=\"" + NETRM + "\">6</netrm:BufferRemaining>"
                + "</r:SequenceAcknowledgement>"
                + "<r:AckRequested><r:Identifier>urn:uuid:S</r:Identifier></r:AckRequested>"
                + "<r:Sequence s:mustUnderstand=\"1\"><r:Identifier>urn:uuid:S</r:Identifier>"
                + "<r:MessageNumber>8</r:MessageNumber></r:Sequence>"
                + "<a:Action s:mustUnderstand=\"1\">http://tempuri.org/IFoo/Bar</a:Action>"
                + "<a:To s:mustUnderstand=\"1\">http://server/svc</a:To></s:Header>"
                + "<s:Body><Bar xmlns=\"http://tempuri.org/\"/></s:Body></s:Envelope>", write(m));
    }

    @Test
    void anOperationsFaultInTheSequenceIsAnApplicationMessageAndOnlyOneOutsideItIsTheSessions() {
        for (Wsrm wsrm : new Wsrm[] {FEB2005, WSRM11}) {
            Message fault = Message.createFault(MessageVersion.SOAP12_WS_ADDRESSING10,
                    MessageFault.sender("Divide by zero"),
                    "http://tempuri.org/ICalculator/DivideFault");
            fault.headers().addFirst(new SequenceHeader("urn:uuid:S", 3, false).toHeader(wsrm));
            WsrmInfo inSequence = WsrmInfo.read(read(write(fault), MessageVersion.SOAP12_WS_ADDRESSING10), wsrm);
            assertEquals(WsrmInfo.Kind.APPLICATION, inSequence.kind(), "WCF's WsrmMessageInfo: a sequenced fault is"
                    + " delivered, not read as the session's fault");
            Message alone = Message.createFault(MessageVersion.SOAP12_WS_ADDRESSING10,
                    MessageFault.sender("Divide by zero"),
                    "http://tempuri.org/ICalculator/DivideFault");
            assertEquals(WsrmInfo.Kind.FAULT, WsrmInfo.read(read(write(alone), MessageVersion.SOAP12_WS_ADDRESSING10),
                    wsrm).kind());
        }
    }

    @Test
    void februaryLastMessageIsEmptyBodiedWithTheLastMessageMarker() {
        Message last = soap12(FEB2005).lastMessage();
        last.headers().addFirst(new SequenceHeader("urn:uuid:S", 5, true).toHeader(FEB2005));
        assertEquals("<s:Envelope xmlns:s=\"" + S12 + "\" xmlns:r=\"" + FEB + "\" xmlns:a=\"" + WSA + "\"><s:Header>"
                + "<r:Sequence s:mustUnderstand=\"1\"><r:Identifier>urn:uuid:S</r:Identifier>"
                + "<r:MessageNumber>5</r:MessageNumber><r:LastMessage/></r:Sequence>"
                + "<a:Action s:mustUnderstand=\"1\">" + FEB + "/LastMessage</a:Action></s:Header><s:Body/></s:Envelope>",
                write(last));
    }

    @Test
    void standAloneAcknowledgementsAndTheirEmptyForms() {
        assertEquals("<s:Envelope xmlns:s=\"" + S12 + "\" xmlns:r=\"" + V11 + "\" xmlns:a=\"" + WSA + "\"><s:Header>"
                + "<r:SequenceAcknowledgement><r:Identifier>urn:uuid:S</r:Identifier>"
                + "<r:AcknowledgementRange Lower=\"1\" Upper=\"3\"/>"
                + "<netrm:BufferRemaining xmlns:netrm=\"" + NETRM + "\">8</netrm:BufferRemaining>"
                + "</r:SequenceAcknowledgement><a:Action s:mustUnderstand=\"1\">" + V11 + "/SequenceAcknowledgement"
                + "</a:Action></s:Header><s:Body/></s:Envelope>",
                write(soap12(WSRM11).acknowledgement(new AckHeader("urn:uuid:S", ranges(1, 3), false, 8))));
        assertTrue(write(soap12(FEB2005).acknowledgement(new AckHeader("urn:uuid:S", SequenceRanges.EMPTY, false, -1)))
                .contains("<r:Identifier>urn:uuid:S</r:Identifier><r:AcknowledgementRange Lower=\"0\" Upper=\"0\"/>"
                        + "</r:SequenceAcknowledgement>"));
        assertTrue(write(soap12(WSRM11).acknowledgement(new AckHeader("urn:uuid:S", SequenceRanges.EMPTY, true, -1)))
                .contains("<r:Identifier>urn:uuid:S</r:Identifier><r:None/><r:Final/></r:SequenceAcknowledgement>"));
    }

    @Test
    void februaryTerminateSequenceOverDuplexIsOneWay() {
        Message t = soap12(FEB2005).terminateSequence("urn:uuid:S", 0, null, null);
        t.headers().to(SERVER);
        assertEquals("<s:Envelope xmlns:s=\"" + S12 + "\" xmlns:a=\"" + WSA + "\"><s:Header>"
                + "<a:Action s:mustUnderstand=\"1\">" + FEB + "/TerminateSequence</a:Action>"
                + "<a:To s:mustUnderstand=\"1\">http://server/svc</a:To></s:Header><s:Body><TerminateSequence xmlns=\""
                + FEB + "\"><Identifier>urn:uuid:S</Identifier></TerminateSequence></s:Body></s:Envelope>", write(t));
    }

    @Test
    void version11TerminateSequenceFromARequestReplyClientCarriesItsFinalAck() {
        Message t = soap12(WSRM11).terminateSequence("urn:uuid:S", 5, "urn:uuid:M9", null);
        t.headers().to(SERVER);
        t.headers().addFirst(new AckHeader("urn:uuid:O", ranges(1, 5), true, -1).toHeader(WSRM11));
        assertEquals("<s:Envelope xmlns:s=\"" + S12 + "\" xmlns:r=\"" + V11 + "\" xmlns:a=\"" + WSA + "\"><s:Header>"
                + "<r:SequenceAcknowledgement><r:Identifier>urn:uuid:O</r:Identifier>"
                + "<r:AcknowledgementRange Lower=\"1\" Upper=\"5\"/><r:Final/></r:SequenceAcknowledgement>"
                + "<a:Action s:mustUnderstand=\"1\">" + V11 + "/TerminateSequence</a:Action>"
                + "<a:MessageID>urn:uuid:M9</a:MessageID><a:To s:mustUnderstand=\"1\">http://server/svc</a:To>"
                + "</s:Header><s:Body><r:TerminateSequence><r:Identifier>urn:uuid:S</r:Identifier>"
                + "<r:LastMsgNumber>5</r:LastMsgNumber></r:TerminateSequence></s:Body></s:Envelope>", write(t));
        Message response = soap12(WSRM11).response(Wsrm.TERMINATE_SEQUENCE_RESPONSE, "urn:uuid:S", "urn:uuid:M9",
                new AckHeader("urn:uuid:S", ranges(1, 5), true, -1));
        assertTrue(write(response).contains("<a:RelatesTo>urn:uuid:M9</a:RelatesTo></s:Header><s:Body>"
                + "<r:TerminateSequenceResponse><r:Identifier>urn:uuid:S</r:Identifier></r:TerminateSequenceResponse>"),
                write(response));
    }

    @Test
    void unknownSequenceOverSoap12() {
        Message f = soap12(FEB2005).fault(WsrmFault.unknownSequence(FEB2005, "urn:uuid:S"));
        f.headers().relatesTo("urn:uuid:M");
        assertEquals("<s:Envelope xmlns:s=\"" + S12 + "\" xmlns:a=\"" + WSA + "\"><s:Header>"
                + "<a:Action s:mustUnderstand=\"1\">" + WSA + "/soap/fault</a:Action>"
                + "<a:RelatesTo>urn:uuid:M</a:RelatesTo></s:Header><s:Body><s:Fault><s:Code><s:Value>s:Sender"
                + "</s:Value><s:Subcode><s:Value xmlns:a=\"" + FEB + "\">a:UnknownSequence</s:Value></s:Subcode>"
                + "</s:Code><s:Reason><s:Text xml:lang=\"en-US\">The value of wsrm:Identifier is not a known Sequence"
                + " identifier.</s:Text></s:Reason><s:Detail><r:Identifier xmlns:r=\"" + FEB + "\">urn:uuid:S"
                + "</r:Identifier></s:Detail></s:Fault></s:Body></s:Envelope>", write(f));
    }

    @Test
    void headerFaultsOverSoap11CarryTheSequenceFaultHeader() {
        MessageVersion v = MessageVersion.SOAP11_WS_ADDRESSING10;
        String feb = write(new WsrmMessages(FEB2005, v).fault(WsrmFault.unknownSequence(FEB2005, "urn:uuid:S")));
        assertTrue(feb.startsWith("<s:Envelope xmlns:s=\"" + S11 + "\" xmlns:a=\"" + WSA + "\" xmlns:r=\"" + FEB
                + "\"><s:Header><a:Action s:mustUnderstand=\"1\">" + WSA + "/soap/fault</a:Action>"
                + "<r:SequenceFault><r:FaultCode>r:UnknownSequence</r:FaultCode><r:Identifier>urn:uuid:S"
                + "</r:Identifier></r:SequenceFault></s:Header>"), feb);
        assertTrue(feb.contains("<faultcode>s:Client</faultcode>"), feb);
        assertFalse(feb.contains("<detail>"), "SOAP 1.1 puts the detail in the header only: " + feb);
        String v11 = write(new WsrmMessages(WSRM11, v).fault(WsrmFault.unknownSequence(WSRM11, "urn:uuid:S")));
        assertTrue(v11.contains("<r:SequenceFault><r:FaultCode>r:UnknownSequence</r:FaultCode><r:Detail>"
                + "<r:Identifier>urn:uuid:S</r:Identifier></r:Detail></r:SequenceFault>"), v11);
        assertTrue(v11.contains("<a:Action s:mustUnderstand=\"1\">" + V11 + "/fault</a:Action>"), v11);
    }

    @ParameterizedTest
    @EnumSource(ReliableMessagingVersion.class)
    void everyFaultWcfSendsReadsBackAsWhatItIs(ReliableMessagingVersion version) {
        Wsrm wsrm = Wsrm.of(version);
        AckHeader bad = new AckHeader("urn:uuid:S", ranges(1, 9), false, -1);
        for (MessageVersion v : new MessageVersion[] {MessageVersion.SOAP12_WS_ADDRESSING10,
                MessageVersion.SOAP11_WS_ADDRESSING10}) {
            WsrmMessages wm = new WsrmMessages(wsrm, v);
            for (WsrmFault f : new WsrmFault[] {WsrmFault.unknownSequence(wsrm, "urn:uuid:S"),
                    WsrmFault.sequenceTerminated(wsrm, "urn:uuid:S", false, "because"),
                    WsrmFault.sequenceTerminated(wsrm, "urn:uuid:S", true, "because"),
                    WsrmFault.invalidAcknowledgement(wsrm, bad),
                    WsrmFault.lastMessageNumberExceeded(wsrm, "urn:uuid:S"),
                    WsrmFault.sequenceClosed(wsrm, "urn:uuid:S")}) {
                Message back = read(write(wm.fault(f)), v);
                ReceivedFault r = ReceivedFault.read(back, wsrm);
                assertEquals(Optional.of(f.subcode()), r.headerFault(), v + " " + f);
                assertEquals(Optional.of("urn:uuid:S"), r.identifier(), v + " " + f);
                assertEquals(f.reason(), r.reason());
            }
            String refused = write(wm.fault(WsrmFault.serverTooBusy("http://server/svc")));
            ReceivedFault busy = ReceivedFault.read(read(refused, v), wsrm);
            assertTrue(busy.headerFault().isEmpty(), "CreateSequenceRefused has no detail: not a header fault");
            RuntimeException open = busy.openException(wsrm);
            assertEquals(WcfText.CSRefused.format(WcfText.ServerTooBusy.format("http://server/svc")),
                    open.getMessage());
            if (v == MessageVersion.SOAP12_WS_ADDRESSING10) {
                assertTrue(refused.contains("<s:Value>s:Receiver</s:Value><s:Subcode><s:Value xmlns:a=\""
                        + wsrm.ns() + "\">a:CreateSequenceRefused</s:Value><s:Subcode><s:Value xmlns:a=\"" + NETRM
                        + "\">a:ConnectionLimitReached</s:Value></s:Subcode></s:Subcode>"), refused);
                assertTrue(open instanceof ServerTooBusyException);
            } else {
                assertTrue(refused.contains("<faultcode xmlns:a=\"" + wsrm.ns() + "\">a:CreateSequenceRefused"
                        + "</faultcode>"), refused);
                assertFalse(open instanceof ServerTooBusyException,
                        "SOAP 1.1 loses the sub-subcode, as in WCF");
            }
        }
    }

    // ---------------------------------------------------------------- reading

    private static String withHeader(Wsrm wsrm, String header) {
        return "<s:Envelope xmlns:s=\"" + S12 + "\" xmlns:a=\"" + WSA + "\" xmlns:r=\"" + wsrm.ns() + "\"><s:Header>"
                + header + "<a:Action s:mustUnderstand=\"1\">urn:test/Ping</a:Action></s:Header><s:Body/></s:Envelope>";
    }

    @Test
    void readingToleratesWhitespaceUnknownChildrenAndRangesInAnyOrder() {
        Message m = read(withHeader(FEB2005, "<r:SequenceAcknowledgement>\n  <r:Identifier> urn:uuid:S </r:Identifier>"
                + "<r:AcknowledgementRange Upper=\"9\" Lower=\"7\"/><r:AcknowledgementRange Lower=\"1\" Upper=\"3\"/>"
                + "<r:AcknowledgementRange Lower=\"4\" Upper=\"4\"/><x:Extra xmlns:x=\"urn:x\"/>"
                + "</r:SequenceAcknowledgement>"), MessageVersion.SOAP12_WS_ADDRESSING10);
        AckHeader ack = WsrmInfo.read(m, FEB2005).ack().orElseThrow();
        assertEquals("urn:uuid:S", ack.id());
        assertEquals(ranges(1, 4, 7, 9), ack.ranges());
        assertEquals(-1, ack.bufferRemaining(), "no BufferRemaining: no information");
    }

    /**
     * Two things WCF refuses and wcf4j reads, because Apache CXF writes them: a 1.1 acknowledgement with both ranges
     * and {@code None} (the ranges count), and an acknowledgement with nothing but its identifier (nothing is
     * acknowledged).
     */
    @Test
    void cxfsMalformedAcknowledgementsAreReadLeniently() {
        Message both = read(withHeader(WSRM11, "<r:SequenceAcknowledgement><r:Identifier>urn:uuid:S</r:Identifier>"
                + "<r:AcknowledgementRange Upper=\"2\" Lower=\"1\"/><r:None/></r:SequenceAcknowledgement>"),
                MessageVersion.SOAP12_WS_ADDRESSING10);
        assertEquals(ranges(1, 2), WsrmInfo.read(both, WSRM11).ack().orElseThrow().ranges());
        Message bare = read(withHeader(FEB2005, "<r:SequenceAcknowledgement><r:Identifier>urn:uuid:S</r:Identifier>"
                + "</r:SequenceAcknowledgement>"), MessageVersion.SOAP12_WS_ADDRESSING10);
        assertEquals(SequenceRanges.EMPTY, WsrmInfo.read(bare, FEB2005).ack().orElseThrow().ranges());
    }

    @Test
    void readingRejectsWhatWcfRejectsWithItsTexts() {
        Message zero = read(withHeader(FEB2005, "<r:Sequence s:mustUnderstand=\"1\"><r:Identifier>urn:uuid:S"
                + "</r:Identifier><r:MessageNumber>0</r:MessageNumber></r:Sequence>"),
                MessageVersion.SOAP12_WS_ADDRESSING10);
        assertEquals(WcfText.InvalidSequenceNumber.format(0),
                assertThrows(WsrmParseException.class, () -> WsrmInfo.read(zero, FEB2005)).getMessage());
        Message backwards = read(withHeader(WSRM11, "<r:SequenceAcknowledgement><r:Identifier>urn:uuid:S"
                + "</r:Identifier><r:AcknowledgementRange Lower=\"5\" Upper=\"2\"/></r:SequenceAcknowledgement>"),
                MessageVersion.SOAP12_WS_ADDRESSING10);
        assertEquals(WcfText.InvalidSequenceRange.format(5, 2),
                assertThrows(WsrmParseException.class, () -> WsrmInfo.read(backwards, WSRM11)).getMessage());
        Message negative = read(withHeader(WSRM11, "<r:SequenceAcknowledgement><r:Identifier>urn:uuid:S"
                + "</r:Identifier><r:AcknowledgementRange Lower=\"1\" Upper=\"2\"/><netrm:BufferRemaining "
                + "xmlns:netrm=\"" + NETRM + "\">-1</netrm:BufferRemaining></r:SequenceAcknowledgement>"),
                MessageVersion.SOAP12_WS_ADDRESSING10);
        assertEquals(WcfText.InvalidBufferRemaining.format(-1),
                assertThrows(WsrmParseException.class, () -> WsrmInfo.read(negative, WSRM11)).getMessage());
        Message twice = read(withHeader(FEB2005, "<r:AckRequested><r:Identifier>urn:uuid:S</r:Identifier>"
                + "</r:AckRequested><r:AckRequested><r:Identifier>urn:uuid:S</r:Identifier></r:AckRequested>"),
                MessageVersion.SOAP12_WS_ADDRESSING10);
        MustUnderstandException mu = assertThrows(
                MustUnderstandException.class, () -> WsrmInfo.read(twice, FEB2005));
        Message reply = ReadFailure.faultReply(mu, MessageVersion.SOAP12_WS_ADDRESSING10, soap12(FEB2005))
                .orElseThrow();
        assertEquals(WcfText.SFxHeaderNotUnderstood.format("AckRequested", FEB), reply.fault().orElseThrow().reason());
    }

    @Test
    void anEmptyOrUnparsableCreateSequenceIsRefusedWithWcfsText() {
        String empty = "<s:Envelope xmlns:s=\"" + S12 + "\" xmlns:a=\"" + WSA + "\"><s:Header><a:Action "
                + "s:mustUnderstand=\"1\">" + FEB + "/CreateSequence</a:Action><a:MessageID>urn:uuid:M</a:MessageID>"
                + "</s:Header><s:Body/></s:Envelope>";
        WsrmFaultException e = assertThrows(WsrmFaultException.class,
                () -> WsrmInfo.read(read(empty, MessageVersion.SOAP12_WS_ADDRESSING10), FEB2005));
        assertEquals(WcfText.CSRefused.format(WcfText.NonEmptyWsrmMessageIsEmpty.format(FEB + "/CreateSequence")),
                e.reply().reason());
        String noAcksTo = empty.replace("<s:Body/>", "<s:Body><CreateSequence xmlns=\"" + FEB + "\"/></s:Body>");
        WsrmFaultException e2 = assertThrows(WsrmFaultException.class,
                () -> WsrmInfo.read(read(noAcksTo, MessageVersion.SOAP12_WS_ADDRESSING10), FEB2005));
        assertEquals(WcfText.CSRefused.format(WcfText.CouldNotParseWithAction.format(FEB + "/CreateSequence")),
                e2.reply().reason());
    }
}
