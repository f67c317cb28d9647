package io.github.wcf4j.runtime.metadata;

import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.binding.encoding.AddressingVersion;
import io.github.wcf4j.binding.encoding.BinaryMessageEncodingBindingElement;
import io.github.wcf4j.binding.encoding.MtomMessageEncodingBindingElement;
import io.github.wcf4j.binding.oneway.OneWayBindingElement;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.security.SslStreamSecurityBindingElement;
import io.github.wcf4j.binding.security.WindowsStreamSecurityBindingElement;
import io.github.wcf4j.binding.transport.AuthenticationScheme;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.binding.transport.HttpsTransportBindingElement;
import io.github.wcf4j.binding.transport.TcpTransportBindingElement;
import io.github.wcf4j.binding.transport.TransferMode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The WS-Policy assertions each binding element exports, as WCF's {@code IPolicyExportExtension}s write them
 * (wcf-metadata.md §3.2), one entry per element type: the table is the rule, there is no per-binding logic; message
 * security's WS-SecurityPolicy is {@link SecurityPolicy}'s. Elements
 * that export nothing (text encoding, anonymous HTTP, transaction flow when off) have no entry. The addressing
 * assertion comes last, written by the transport after its own assertions.
 */
final class PolicyAssertions {
    static final String RM_FEB2005 = "http://schemas.xmlsoap.org/ws/2005/02/rm/policy";
    static final String RM_11 = "http://docs.oasis-open.org/ws-rx/wsrmp/200702";
    static final String NETRMP = "http://schemas.microsoft.com/ws-rx/wsrmp/200702";
    static final String CDP = "http://schemas.microsoft.com/net/2006/06/duplex";
    static final String OW = "http://schemas.microsoft.com/ws/2005/05/routing/policy";
    static final String MSB = "http://schemas.microsoft.com/ws/06/2004/mspolicy/netbinary1";
    static final String WSOMA = "http://schemas.xmlsoap.org/ws/2004/09/policy/optimizedmimeserialization";
    static final String HTTP_POLICY = "http://schemas.microsoft.com/ws/06/2004/policy/http";
    /** Largest whole milliseconds WCF writes ({@code TimeSpan.MaxValue.TotalMilliseconds}, clamped). */
    private static final long MAX_MILLISECONDS = 922_337_203_685_477L;

    /**
     * What an assertion writer may need besides its element.
     *
     * @param emitTrust           whether security exports {@code sp:Trust10|13} (not for the basic HTTP bindings, whose
     *                            WCF element sets {@code DoNotEmitTrust})
     * @param contractHasMessages whether the contract has any operation, whose messages security then encrypts
     */
    record Context(PolicyVersion policy, AddressingVersion addressing, boolean nonAnonymousResponses,
            boolean emitTrust, boolean contractHasMessages) {
    }

    @FunctionalInterface
    private interface Writer<E extends BindingElement> extends BiConsumer<E, Step> {
    }

    /**
     * One writing step: the output, the context and the stack's security element, if any; {@code sequenceStr} whether
     * the element right below the reliable session is a SecureConversation security element (WCF's
     * {@code ReliableSessionBindingElement.IsSecureConversationEnabled}, either value of requireCancellation).
     */
    record Step(XmlOut out, Context context, Optional<SecurityBindingElement> security, boolean sequenceStr) {
    }

    private static final Map<Class<? extends BindingElement>, Writer<? extends BindingElement>> EXPORTS =
            Map.ofEntries(exported(ReliableSessionBindingElement.class, PolicyAssertions::reliable),
            exported(CompositeDuplexBindingElement.class, (e, s) ->
                    s.out().start("cdp:CompositeDuplex").xmlns("cdp", CDP).end()),
            exported(OneWayBindingElement.class, PolicyAssertions::oneWay),
            exported(BinaryMessageEncodingBindingElement.class, (e, s) ->
                    s.out().start("msb:BinaryEncoding").xmlns("msb", MSB).end()),
            exported(MtomMessageEncodingBindingElement.class, (e, s) ->
                    s.out().start("wsoma:OptimizedMimeSerialization").xmlns("wsoma", WSOMA).end()),
            exported(SecurityBindingElement.class, SecurityPolicy::endpoint),
            exported(HttpTransportBindingElement.class, PolicyAssertions::insecureHttp),
            exported(HttpsTransportBindingElement.class, (e, s) -> {
                http(e.http(), s);
                SecurityPolicy.transport(e, s.security(), s);
            }),
            exported(WindowsStreamSecurityBindingElement.class, (e, s) ->
                    SecurityPolicy.streamTransport(e, s.security(), s)),
            exported(SslStreamSecurityBindingElement.class, (e, s) ->
                    SecurityPolicy.streamTransport(e, s.security(), s)),
            exported(TcpTransportBindingElement.class, (e, s) -> {
                if (e.transferMode() != TransferMode.Buffered) {
                    // WCF's ConnectionOrientedTransportBindingElement.ExportPolicy
                    s.out().start("msf:Streamed").xmlns("msf", SecurityPolicy.MSF).end();
                }
            }));

    private PolicyAssertions() {
    }

    private static <E extends BindingElement>
            Map.Entry<Class<? extends BindingElement>, Writer<? extends BindingElement>> exported(Class<E> type,
                    Writer<E> writer) {
        return Map.entry(type, writer);
    }

    /** The binding's assertions, in stack order, ending with the addressing assertion; empty when it has none. */
    static String of(List<BindingElement> stack, Context context) {
        XmlOut out = new XmlOut();
        Step step = new Step(out, context, stack.stream().filter(SecurityBindingElement.class::isInstance)
                .map(SecurityBindingElement.class::cast).findFirst(), secureConversationBelowReliableSession(stack));
        for (BindingElement e : stack) {
            write(e, step);
        }
        addressing(step);
        return out.toString();
    }

    /** Whether the element right after the reliable session is a SecureConversation security element. */
    private static boolean secureConversationBelowReliableSession(List<BindingElement> stack) {
        for (int i = 0; i + 1 < stack.size(); i++) {
            if (stack.get(i) instanceof ReliableSessionBindingElement) {
                return stack.get(i + 1) instanceof SecurityBindingElement sc
                        && sc.authenticationMode() == AuthenticationMode.SecureConversation;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static <E extends BindingElement> void write(E e, Step step) {
        Writer<E> w = (Writer<E>) EXPORTS.get(e.getClass());
        if (w != null) {
            w.accept(e, step);
        }
    }

    private static void reliable(ReliableSessionBindingElement e, Step s) {
        XmlOut out = s.out();
        String inactivity = milliseconds(e.inactivityTimeout());
        String ack = milliseconds(e.acknowledgementInterval());
        if (e.reliableMessagingVersion() == ReliableMessagingVersion.WS_RELIABLE_MESSAGING_FEBRUARY_2005) {
            out.start("wsrm:RMAssertion").xmlns("wsrm", RM_FEB2005)
                    .empty("wsrm:InactivityTimeout", "Milliseconds", inactivity)
                    .empty("wsrm:AcknowledgementInterval", "Milliseconds", ack)
                    .end();
            return;
        }
        out.start("wsrmp:RMAssertion").xmlns("wsrmp", RM_11).start("wsp:Policy");
        if (s.sequenceStr()) {
            // WS-RM Policy 1.1 "Sequence STR Assertion": the sequence is bound to the security context token
            out.empty("wsrmp:SequenceSTR");
        }
        out.start("wsrmp:DeliveryAssurance").start("wsp:Policy").empty("wsrmp:ExactlyOnce");
        if (e.ordered()) {
            out.empty("wsrmp:InOrder");
        }
        out.end().end().end();
        out.start("netrmp:InactivityTimeout").attr("Milliseconds", inactivity).xmlns("netrmp", NETRMP).end();
        out.start("netrmp:AcknowledgementInterval").attr("Milliseconds", ack).xmlns("netrmp", NETRMP).end();
        out.end();
    }

    private static void oneWay(OneWayBindingElement e, Step s) {
        s.out().start("ow:OneWay").xmlns("ow", OW);
        if (e.packetRoutable()) {
            s.out().empty("ow:PacketRoutable");
        }
        s.out().end();
    }

    /**
     * Plain HTTP: its authentication assertion and, under a transport security element that allows an insecure
     * transport, that element's policy with a default HTTPS token, as WCF exports it.
     */
    private static void insecureHttp(HttpTransportBindingElement e, Step s) {
        http(e, s);
        s.security().filter(sec -> sec.allowInsecureTransport()
                && sec.authenticationMode().family() == AuthenticationMode.Family.TRANSPORT)
                .ifPresent(sec -> SecurityPolicy.transport(HttpsTransportBindingElement.defaults(), s.security(), s));
    }

    /** Authentication schemes other than Anonymous, in WCF's order (one, or a choice of several). */
    private static void http(HttpTransportBindingElement e, Step s) {
        List<String> schemes = new ArrayList<>();
        for (AuthenticationScheme a : List.of(AuthenticationScheme.Negotiate, AuthenticationScheme.Ntlm,
                AuthenticationScheme.Digest, AuthenticationScheme.Basic)) {
            if (e.authenticationScheme().contains(a)) {
                schemes.add(a.name());
            }
        }
        if (schemes.isEmpty()) {
            return;
        }
        XmlOut out = s.out();
        if (schemes.size() > 1) {
            out.start("wsp:ExactlyOne");
        }
        for (String scheme : schemes) {
            out.start("http:" + scheme + "Authentication").xmlns("http", HTTP_POLICY).end();
        }
        if (schemes.size() > 1) {
            out.end();
        }
    }

    /** {@code wsaw:UsingAddressing} (WS-Addressing 1.0), {@code wsap:UsingAddressing} (August 2004), or Policy 1.5's. */
    private static void addressing(Step s) {
        Context c = s.context();
        if (c.addressing() == AddressingVersion.NONE) {
            return;
        }
        if (c.policy() == PolicyVersion.POLICY15) {
            s.out().start("wsam:Addressing").start("wsp:Policy")
                    .empty(c.nonAnonymousResponses() ? "wsam:NonAnonymousResponses" : "wsam:AnonymousResponses")
                    .end().end();
            return;
        }
        s.out().empty(c.addressing() == AddressingVersion.WS_ADDRESSING_10 ? "wsaw:UsingAddressing"
                : "wsap:UsingAddressing");
    }

    /** WCF's {@code Convert.ToUInt64(TotalMilliseconds)}: banker's rounding, clamped at {@code TimeSpan.MaxValue}. */
    static String milliseconds(Duration d) {
        if (WcfTimeSpan.isInfinite(d)) {
            return Long.toString(MAX_MILLISECONDS);
        }
        BigDecimal ms = new BigDecimal(d.toNanos()).movePointLeft(6).setScale(0, RoundingMode.HALF_EVEN);
        return ms.min(BigDecimal.valueOf(MAX_MILLISECONDS)).toPlainString();
    }
}
