package io.github.wcf4j.binding.stack;

import static io.github.wcf4j.binding.stack.ChannelShape.DUPLEX;
import static io.github.wcf4j.binding.stack.ChannelShape.DUPLEX_SESSION;
import static io.github.wcf4j.binding.stack.ChannelShape.INPUT;
import static io.github.wcf4j.binding.stack.ChannelShape.INPUT_SESSION;
import static io.github.wcf4j.binding.stack.ChannelShape.OUTPUT;
import static io.github.wcf4j.binding.stack.ChannelShape.OUTPUT_SESSION;
import static io.github.wcf4j.binding.stack.ChannelShape.REPLY;
import static io.github.wcf4j.binding.stack.ChannelShape.REPLY_SESSION;
import static io.github.wcf4j.binding.stack.ChannelShape.REQUEST;
import static io.github.wcf4j.binding.stack.ChannelShape.REQUEST_SESSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingValidationException;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.binding.encoding.BinaryMessageEncodingBindingElement;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.oneway.OneWayBindingElement;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.standard.BasicHttpBinding;
import io.github.wcf4j.binding.standard.SecurityMode;
import io.github.wcf4j.binding.standard.WsDualHttpBinding;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.binding.transport.TcpTransportBindingElement;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The worked cases of wcf-reference.md §3.2–3.3, derived from the reference source's shape rules. */
class ShapeNegotiatorTest {
    private static final ReliableSessionBindingElement RM = ReliableSessionBindingElement.defaults();
    private static final TextMessageEncodingBindingElement TEXT = TextMessageEncodingBindingElement.defaults();
    private static final HttpTransportBindingElement HTTP = HttpTransportBindingElement.defaults();
    private static final CompositeDuplexBindingElement CDX = CompositeDuplexBindingElement.defaults();
    private static final OneWayBindingElement ONE_WAY = OneWayBindingElement.defaults();
    private static final SecurityBindingElement SECURE_CONVERSATION = SecurityBindingElement.builder()
            .authenticationMode(AuthenticationMode.SecureConversation).requireSecurityContextCancellation(true).build();

    private static final ContractShape TWO_WAY = new ContractShape("ICalculator", false, true, false, SessionMode.Allowed);
    private static final ContractShape ONE_WAY_ONLY = new ContractShape("IPing", true, false, false, SessionMode.Allowed);
    private static final ContractShape DUPLEX_CONTRACT = new ContractShape("IChat", true, false, true,
            SessionMode.Allowed);

    private static Set<ChannelShape> shapes(Binding b, Side side) {
        return ShapeNegotiator.of(b).buildableShapes(side);
    }

    @Test
    void reliableSessionOverHttpBuildsOutputAndRequestSessions() {
        CustomBinding b = CustomBinding.of("b", RM, TEXT, HTTP);
        assertEquals(EnumSet.of(OUTPUT_SESSION, REQUEST_SESSION), shapes(b, Side.CLIENT));
        assertEquals(EnumSet.of(INPUT_SESSION, REPLY_SESSION), shapes(b, Side.SERVICE));
        assertEquals(REQUEST_SESSION, ChannelSelection.selectClient(b, TWO_WAY));
        assertEquals(REPLY_SESSION, ChannelSelection.selectService(b, TWO_WAY));
    }

    @Test
    void oneWayContractOverReliableHttpNeedsNoCompositeDuplex() {
        CustomBinding b = CustomBinding.of("b", RM, TEXT, HTTP);
        assertEquals(OUTPUT_SESSION, ChannelSelection.selectClient(b, ONE_WAY_ONLY));
        assertEquals(INPUT_SESSION, ChannelSelection.selectService(b, ONE_WAY_ONLY));
        assertEquals(List.of("reliableSession: IOutputSessionChannel \u2190 IRequestChannel",
                "textMessageEncoding: IRequestChannel \u2190 IRequestChannel", "httpTransport: IRequestChannel"),
                ShapeNegotiator.of(b).plan(Side.CLIENT, OUTPUT_SESSION).orElseThrow().describe());
    }

    @Test
    void datagramContractOverReliableSessionIsRefusedByTheService() {
        CustomBinding b = CustomBinding.of("b", RM, TEXT, HTTP);
        ContractShape datagram = new ContractShape("IPing", true, false, false, SessionMode.NotAllowed);
        // ServiceChannelFactory's second pass: "For SessionMode.Allowed or SessionMode.NotAllowed we will accept
        // session-ful variants as well", so the client side builds an output session ...
        assertEquals(OUTPUT_SESSION, ChannelSelection.selectClient(b, datagram));
        // ... while DispatcherBuilder has no such pass, and the service refuses.
        BindingValidationException e = assertThrows(BindingValidationException.class,
                () -> ChannelSelection.selectService(b, datagram));
        assertEquals(WcfText.BindingDoesntSupportDatagramButContractRequires, e.text());
        assertEquals("Contract does not allow Session, but Binding 'CustomBinding' does not support Datagram or is not"
                + " configured properly to support it.", e.getMessage());
    }

    @Test
    void duplexContractOverReliableHttpWithoutCompositeDuplexIsRefused() {
        CustomBinding b = CustomBinding.of("b", RM, TEXT, HTTP);
        BindingValidationException e = assertThrows(BindingValidationException.class,
                () -> ChannelSelection.selectClient(b, DUPLEX_CONTRACT));
        assertEquals(WcfText.BindingDoesnTSupportDuplexButContractRequires1, e.text());
    }

    @Test
    void compositeDuplexWithoutOneWayOverHttpBuildsNothing() {
        CustomBinding b = CustomBinding.of("b", RM, CDX, TEXT, HTTP);
        assertEquals(Set.of(), shapes(b, Side.CLIENT));
        assertEquals(Set.of(), shapes(b, Side.SERVICE));
        BindingValidationException e = ChannelSelection.nothingBuildable(b).orElseThrow();
        assertEquals("Binding 'CustomBinding' doesn't support creating any channel types. This often indicates that the"
                + " BindingElements in a CustomBinding have been stacked incorrectly or in the wrong order. A Transport is"
                + " required at the bottom of the stack. The recommended order for BindingElements is: TransactionFlow,"
                + " ReliableSession, Security, CompositeDuplex, OneWay, StreamSecurity, MessageEncoding, Transport. ",
                e.getMessage());
    }

    @Test
    void wsDualEquivalentBuildsDuplexSessionThroughTheInternalDuplexLayer() {
        CustomBinding b = CustomBinding.of("b", RM, CDX, ONE_WAY, TEXT, HTTP);
        assertEquals(EnumSet.of(OUTPUT_SESSION, DUPLEX_SESSION), shapes(b, Side.CLIENT));
        assertEquals(EnumSet.of(INPUT_SESSION, DUPLEX_SESSION), shapes(b, Side.SERVICE));
        assertEquals(DUPLEX_SESSION, ChannelSelection.selectClient(b, DUPLEX_CONTRACT));
        assertEquals(DUPLEX_SESSION, ChannelSelection.selectClient(b, TWO_WAY));
        assertEquals(List.of(
                "reliableSession: IDuplexSessionChannel \u2190 IDuplexChannel",
                "internalDuplex: IDuplexChannel \u2190 IOutputChannel",
                "  back channel (listener):",
                "    compositeDuplex: IInputChannel \u2190 IInputChannel",
                "    oneWay: IInputChannel \u2190 IReplyChannel",
                "    textMessageEncoding: IReplyChannel \u2190 IReplyChannel",
                "    httpTransport: IReplyChannel",
                "compositeDuplex: IOutputChannel \u2190 IOutputChannel",
                "oneWay: IOutputChannel \u2190 IRequestChannel",
                "textMessageEncoding: IRequestChannel \u2190 IRequestChannel",
                "httpTransport: IRequestChannel"),
                ShapeNegotiator.of(b).plan(Side.CLIENT, DUPLEX_SESSION).orElseThrow().describe());
    }

    @Test
    void seedBindingWithSecureConversationNegotiatesDuplexSession() {
        CustomBinding b = CustomBinding.of("Binding1", RM, SECURE_CONVERSATION, CDX, ONE_WAY, TEXT, HTTP);
        assertEquals(DUPLEX_SESSION, ChannelSelection.selectClient(b, TWO_WAY));
        assertEquals(DUPLEX_SESSION, ChannelSelection.selectService(b, TWO_WAY));
        List<String> plan = ShapeNegotiator.of(b).plan(Side.SERVICE, DUPLEX_SESSION).orElseThrow().describe();
        assertEquals("reliableSession: IDuplexSessionChannel \u2190 IDuplexSessionChannel", plan.get(0));
        assertEquals("security: IDuplexSessionChannel \u2190 IDuplexChannel", plan.get(1));
        assertEquals("internalDuplex: IDuplexChannel \u2190 IInputChannel", plan.get(2));
        assertTrue(plan.contains("    oneWay: IOutputChannel \u2190 IRequestChannel"), plan.toString());
    }

    @Test
    void compositeDuplexOverOneWayGivesTheServiceModelAnInternalDuplex() {
        CustomBinding b = CustomBinding.of("b", CDX, ONE_WAY, TEXT, HTTP);
        assertEquals(EnumSet.of(DUPLEX), shapes(b, Side.CLIENT));
        assertEquals(EnumSet.of(DUPLEX), shapes(b, Side.SERVICE));
        assertEquals(DUPLEX, ChannelSelection.selectClient(b, TWO_WAY));
        assertEquals(DUPLEX, ChannelSelection.selectService(b, TWO_WAY));
    }

    @Test
    void oneWayOverHttpBuildsDatagrams() {
        CustomBinding b = CustomBinding.of("b", ONE_WAY, TEXT, HTTP);
        assertEquals(EnumSet.of(OUTPUT), shapes(b, Side.CLIENT));
        assertEquals(EnumSet.of(INPUT), shapes(b, Side.SERVICE));
        BindingValidationException e = assertThrows(BindingValidationException.class,
                () -> ChannelSelection.selectClient(b, TWO_WAY));
        assertEquals(WcfText.BindingDoesnTSupportTwoWayButContractRequires1, e.text());
    }

    @Test
    void reliableSessionOverTcpUsesTheDuplexSession() {
        CustomBinding b = CustomBinding.of("b", RM, BinaryMessageEncodingBindingElement.defaults(),
                TcpTransportBindingElement.defaults());
        assertEquals(EnumSet.of(OUTPUT_SESSION, DUPLEX_SESSION), shapes(b, Side.CLIENT));
        assertEquals(List.of("reliableSession: IDuplexSessionChannel \u2190 IDuplexSessionChannel",
                "binaryMessageEncoding: IDuplexSessionChannel \u2190 IDuplexSessionChannel",
                "tcpTransport: IDuplexSessionChannel"),
                ShapeNegotiator.of(b).plan(Side.CLIENT, DUPLEX_SESSION).orElseThrow().describe());
    }

    @Test
    void basicHttpIsRequestReply() {
        BasicHttpBinding b = BasicHttpBinding.defaults("");
        assertEquals(EnumSet.of(REQUEST), shapes(b, Side.CLIENT));
        assertEquals(EnumSet.of(REPLY), shapes(b, Side.SERVICE));
    }

    @Test
    void wsDualHttpWithoutSecurityIsDuplexSession() {
        WsDualHttpBinding d = WsDualHttpBinding.defaults("");
        WsDualHttpBinding b = new WsDualHttpBinding("", d.timeouts(), d.http(), d.clientBaseAddress(), false,
                d.reliableSession(), d.security().withMode(SecurityMode.None));
        assertEquals(DUPLEX_SESSION, ChannelSelection.selectClient(b, DUPLEX_CONTRACT));
    }

    @Test
    void sessionRequiredContractOverPlainHttpIsRefused() {
        CustomBinding b = CustomBinding.of("b", TEXT, HTTP);
        ContractShape required = new ContractShape("ICalculator", false, true, false, SessionMode.Required);
        BindingValidationException e = assertThrows(BindingValidationException.class,
                () -> ChannelSelection.selectService(b, required));
        assertEquals("Contract requires Session, but Binding 'CustomBinding' doesn't support it or isn't configured"
                + " properly to support it.", e.getMessage());
    }
}
