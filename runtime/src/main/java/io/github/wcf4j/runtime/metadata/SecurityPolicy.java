package io.github.wcf4j.runtime.metadata;

import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.binding.encoding.AddressingVersion;
import io.github.wcf4j.binding.oneway.OneWayBindingElement;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.MessageProtectionOrder;
import io.github.wcf4j.binding.security.SecurityAlgorithmSuite;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.security.SslStreamSecurityBindingElement;
import io.github.wcf4j.binding.security.StreamSecurityBindingElement;
import io.github.wcf4j.binding.security.WindowsStreamSecurityBindingElement;
import io.github.wcf4j.binding.security.SecurityHeaderLayout;
import io.github.wcf4j.binding.security.SecurityKeyEntropyMode;
import io.github.wcf4j.binding.transaction.TransactionFlowBindingElement;
import io.github.wcf4j.binding.transport.AuthenticationScheme;
import io.github.wcf4j.binding.transport.HttpsTransportBindingElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The WS-SecurityPolicy assertions WCF exports for a {@code <security>} element (wcf-security-reference.md §7; reference
 * source {@code SecurityBindingElement.ExportPolicy}, {@code WSSecurityPolicy}, {@code WSSecurityPolicy11/12}).
 *
 * <p>Where they go: a symmetric or asymmetric element writes its binding assertion, supporting tokens, {@code Wss10|11}
 * and {@code Trust10|13} at its own place in the stack, and its {@code sp:SignedParts}/{@code sp:EncryptedParts} on
 * every message ({@link #messageParts}); a transport element writes nothing itself, the HTTPS transport writes
 * {@code sp:TransportBinding} with the element's supporting tokens after its authentication assertion
 * ({@link #transport}). An HTTPS transport without message security still writes WCF's {@code sp:TransportBinding}
 * (no timestamp).
 *
 * <p>Exported modes, with the token parameters of WCF's {@code Create*BindingElement} factories:
 * {@code UserNameOverTransport}, {@code CertificateOverTransport}, {@code AnonymousForCertificate},
 * {@code UserNameForCertificate}, {@code MutualCertificate} (symmetric under WS-Security 1.1, asymmetric under 1.0),
 * {@code Kerberos}, the negotiated modes ({@code AnonymousForSslNegotiated}, {@code UserNameForSslNegotiated},
 * {@code MutualSslNegotiated}: {@code mssp:SslContextToken}; {@code SspiNegotiated}: {@code sp:SpnegoContextToken};
 * {@code SspiNegotiatedOverTransport}: the transport binding with that token endorsing),
 * and {@code SecureConversation} over any symmetric or asymmetric one of them ({@code sp:SecureConversationToken}
 * with its {@code sp:BootstrapPolicy}). Any other mode exports no security assertion at all, so the WSDL stays valid but says nothing of its security.
 */
final class SecurityPolicy {
    /** .NET Framing's policy namespace ({@code TransportPolicyConstants.DotNetFramingNamespace}). */
    static final String MSF = "http://schemas.microsoft.com/ws/2006/05/framing/policy";
    static final String SP11 = "http://schemas.xmlsoap.org/ws/2005/07/securitypolicy";
    static final String SP12 = "http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200702";
    /** Microsoft's security policy namespace ({@code WSSecurityPolicy.MsspNamespace}). */
    static final String MSSP = "http://schemas.microsoft.com/ws/2005/07/securitypolicy";
    private static final String WSA10 = "http://www.w3.org/2005/08/addressing";
    private static final String WSA2004 = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    private static final String NEVER = "Never";
    private static final String ALWAYS_TO_RECIPIENT = "AlwaysToRecipient";
    private static final String ALWAYS_TO_INITIATOR = "AlwaysToInitiator";

    /** A token parameter a binding assertion names. */
    private sealed interface Token permits X509, Kerberos, Negotiated {
    }

    /** An X.509 token parameter: thumbprint references (else any), its inclusion, whether keys are derived from it. */
    private record X509(boolean thumbprint, String inclusion, boolean derivedKeys) implements Token {
    }

    /**
     * A Kerberos token parameter ({@code KerberosSecurityTokenParameters}: inclusion {@code Once}), whether keys are
     * derived from it (WCF's {@code CreateWsspKerberosTokenAssertion}).
     */
    private record Kerberos(boolean derivedKeys) implements Token {
    }

    /**
     * A negotiated token parameter, included always to the recipient: TLSNEGO's {@code SslSecurityTokenParameters}
     * ({@code ssl}, with {@code requireClientCertificate}) exported as {@code mssp:SslContextToken}, or SPNEGO's
     * {@code SspiSecurityTokenParameters} as {@code sp:SpnegoContextToken}; whether keys are derived from it and
     * whether its context is cancelled ({@code RequireCancellation}).
     */
    private record Negotiated(boolean ssl, boolean derivedKeys, boolean requireCancellation,
            boolean requireClientCertificate) implements Token {
    }

    /**
     * The WCF class of a mode's element; {@code SECURE_CONVERSATION} is the symmetric element whose protection token is
     * the security context token, over a symmetric or asymmetric bootstrap.
     */
    private enum Kind { TRANSPORT, SYMMETRIC, ASYMMETRIC, SECURE_CONVERSATION }

    /**
     * A supported element as WCF's factory builds it: for a symmetric element {@code primary} is the protection token;
     * for an asymmetric one, the initiator token, {@code recipient} the recipient token.
     */
    private record Shape(Kind kind, Token primary, X509 recipient, boolean signedEncryptedUserName,
            Optional<Token> endorsing) {
    }

    /** A header a signature or encryption covers. */
    record Header(String name, String namespace) {
    }

    private SecurityPolicy() {
    }

    /** The shape of an element whose policy wcf4j exports, or empty. */
    private static Optional<Shape> shape(SecurityBindingElement e) {
        boolean wss11 = e.messageSecurityVersion().isWsSecurity11();
        X509 protection = new X509(true, NEVER, e.requireDerivedKeys());
        switch (e.authenticationMode()) {
            case UserNameOverTransport:
                return Optional.of(new Shape(Kind.TRANSPORT, null, null, true, Optional.empty()));
            case CertificateOverTransport:
                return Optional.of(new Shape(Kind.TRANSPORT, null, null, false,
                        Optional.of(new X509(wss11, ALWAYS_TO_RECIPIENT, false))));
            case KerberosOverTransport:
                return Optional.of(new Shape(Kind.TRANSPORT, null, null, false, Optional.of(new Kerberos(false))));
            case SspiNegotiatedOverTransport:
                // CreateSspiNegotiationOverTransportBindingElement: the SPNEGO token endorsing, no derived keys
                return Optional.of(new Shape(Kind.TRANSPORT, null, null, false, Optional.of(new Negotiated(false,
                        false, e.requireSecurityContextCancellation(), false))));
            case Kerberos:
                return Optional.of(new Shape(Kind.SYMMETRIC, new Kerberos(e.requireDerivedKeys()), null, false,
                        Optional.empty()));
            case AnonymousForSslNegotiated:
            case UserNameForSslNegotiated:
            case MutualSslNegotiated:
                // CreateSslNegotiationBindingElement / CreateUserNameForSslBindingElement: the TLSNEGO token protects
                return Optional.of(new Shape(Kind.SYMMETRIC, new Negotiated(true, e.requireDerivedKeys(),
                        e.requireSecurityContextCancellation(),
                        e.authenticationMode() == AuthenticationMode.MutualSslNegotiated), null,
                        e.authenticationMode() == AuthenticationMode.UserNameForSslNegotiated, Optional.empty()));
            case SspiNegotiated:
                // CreateSspiNegotiationBindingElement: the SPNEGO token protects
                return Optional.of(new Shape(Kind.SYMMETRIC, new Negotiated(false, e.requireDerivedKeys(),
                        e.requireSecurityContextCancellation(), false), null, false, Optional.empty()));
            case AnonymousForCertificate:
                return Optional.of(new Shape(Kind.SYMMETRIC, protection, null, false, Optional.empty()));
            case UserNameForCertificate:
                return Optional.of(new Shape(Kind.SYMMETRIC, protection, null, true, Optional.empty()));
            case MutualCertificate:
                if (wss11) {
                    return Optional.of(new Shape(Kind.SYMMETRIC, protection, null, false,
                            Optional.of(new X509(true, ALWAYS_TO_RECIPIENT, false))));
                }
                return Optional.of(new Shape(Kind.ASYMMETRIC,
                        new X509(false, ALWAYS_TO_RECIPIENT, e.requireDerivedKeys()),
                        new X509(false, NEVER, e.requireDerivedKeys()), false, Optional.empty()));
            case MutualCertificateDuplex:
                // CreateMutualCertificateDuplexBindingElement: the service's token AlwaysToInitiator, thumbprint
                // references under WS-Security 1.1, any under 1.0
                return Optional.of(new Shape(Kind.ASYMMETRIC,
                        new X509(wss11, ALWAYS_TO_RECIPIENT, e.requireDerivedKeys()),
                        new X509(wss11, ALWAYS_TO_INITIATOR, e.requireDerivedKeys()), false, Optional.empty()));
            case SecureConversation:
                // over a message-security bootstrap (a transport bootstrap's endorsing context token is not exported)
                return e.secureConversationBootstrap().flatMap(SecurityPolicy::shape)
                        .filter(b -> b.kind() == Kind.SYMMETRIC || b.kind() == Kind.ASYMMETRIC)
                        .map(b -> new Shape(Kind.SECURE_CONVERSATION, null, null, false, Optional.empty()));
            default:
                return Optional.empty();
        }
    }

    /** Whether the element's messages carry per-message protection policies (symmetric or asymmetric). */
    static boolean protectsMessages(SecurityBindingElement e) {
        return shape(e).map(s -> s.kind() != Kind.TRANSPORT).orElse(false);
    }

    /** The element's own assertions, at its place in the stack (symmetric and asymmetric elements only). */
    static void endpoint(SecurityBindingElement e, PolicyAssertions.Step s) {
        Optional<Shape> shape = shape(e);
        if (shape.isEmpty() || shape.get().kind() == Kind.TRANSPORT) {
            return;
        }
        if (shape.get().kind() == Kind.SECURE_CONVERSATION) {
            secureConversation(e, s);
            return;
        }
        messageBinding(e, shape.get(), s, s.context().contractHasMessages());
    }

    /**
     * A symmetric or asymmetric element's binding assertion, supporting tokens, {@code sp:Wss10|11} and
     * {@code sp:Trust10|13}, with a driver of its own (WCF's {@code GetSecurityPolicyDriver} is new per export).
     *
     * @param encryptsMessages whether anything the element protects is encrypted (WCF's
     *                         {@code ContainsEncryptionParts}: always for a bootstrap's RST/RSTR)
     */
    private static void messageBinding(SecurityBindingElement e, Shape sh, PolicyAssertions.Step s,
            boolean encryptsMessages) {
        Driver d = new Driver(s, e.messageSecurityVersion().isSecurityPolicy12());
        XmlOut out = s.out();
        boolean symmetric = sh.kind() == Kind.SYMMETRIC;
        d.top(symmetric ? "SymmetricBinding" : "AsymmetricBinding").start("wsp:Policy");
        if (symmetric) {
            out.start("sp:ProtectionToken").start("wsp:Policy");
            d.token(sh.primary());
            out.end().end();
            d.protectionTokenAsymmetric = sh.primary() instanceof X509;
        } else {
            out.start("sp:InitiatorToken").start("wsp:Policy");
            d.token(sh.primary());
            out.end().end().start("sp:RecipientToken").start("wsp:Policy");
            d.x509(sh.recipient());
            out.end().end();
        }
        d.protection(e, sh.signedEncryptedUserName() || encryptsMessages);
        d.supportingTokens(sh, AddressingVersion.NONE);
        d.wssAndTrust(e, true);
    }

    /**
     * SecureConversation over a symmetric or asymmetric bootstrap, as WCF's {@code CreateSecureConversationBindingElement}
     * builds it and {@code CreateWsspSecureConversationTokenAssertion} exports it: {@code sp:SymmetricBinding} whose
     * protection token is {@code sp:SecureConversationToken} (included always to the recipient; derived keys;
     * {@code MustNotSendCancel} in cookie mode; SP 1.2's {@code MustNotSendAmend} and {@code MustNotSendRenew}) holding
     * the {@code sp:BootstrapPolicy}: the RST/RSTR's parts (body and the addressing headers signed, body encrypted)
     * and the bootstrap binding's own assertions; then {@code sp:Wss11} (no signature confirmation on the steady-state
     * binding, and no key reference the context token would require) and {@code sp:Trust10|13}.
     */
    private static void secureConversation(SecurityBindingElement e, PolicyAssertions.Step s) {
        SecurityBindingElement boot = e.secureConversationBootstrap().orElseThrow();
        boolean sp12 = e.messageSecurityVersion().isSecurityPolicy12();
        boolean cancel = e.requireSecurityContextCancellation();
        Driver d = new Driver(s, sp12);
        XmlOut out = s.out();
        d.top("SymmetricBinding").start("wsp:Policy").start("sp:ProtectionToken").start("wsp:Policy")
                .start("sp:SecureConversationToken").attr("sp:IncludeToken", d.ns + "/IncludeToken/"
                        + ALWAYS_TO_RECIPIENT).start("wsp:Policy");
        if (e.requireDerivedKeys()) {
            out.empty("sp:RequireDerivedKeys");
        }
        if (!cancel) {
            d.mustNotSendCancel(false);
        }
        out.start("sp:BootstrapPolicy").start("wsp:Policy");
        List<Header> addressing = signedHeaders(List.of(), s.context().addressing(), new ArrayList<>());
        out.start("sp:SignedParts").empty("sp:Body");
        for (Header h : addressing) {
            out.empty("sp:Header", "Name", h.name(), "Namespace", h.namespace());
        }
        out.end().start("sp:EncryptedParts").empty("sp:Body").end();
        messageBinding(boot, shape(boot).orElseThrow(), s, true);
        out.end().end();
        if (sp12) {
            out.empty("sp:MustNotSendAmend");
            if (!cancel || !e.canRenewSecurityContextToken()) {
                out.empty("sp:MustNotSendRenew");
            }
        }
        out.end().end().end().end();
        d.protection(e, s.context().contractHasMessages());
        d.wssAndTrust(e, false);
    }

    /**
     * What an HTTPS transport writes after its authentication assertion (WCF's
     * {@code ExportPolicyForTransportTokenAssertionProviders}): with a transport element, its full policy; with no
     * security element, or a symmetric/asymmetric one, WCF's default {@code sp:TransportBinding} (WS-SecurityPolicy
     * 1.1, Basic256, Strict, a timestamp only when a security element is present); nothing for a mode wcf4j does not
     * export.
     */
    static void transport(HttpsTransportBindingElement https, Optional<SecurityBindingElement> security,
            PolicyAssertions.Step s) {
        Optional<Shape> shape = security.flatMap(SecurityPolicy::shape);
        if (security.isPresent() && transportConversation(security.get())) {
            transportConversation(https, security.get(), s);
            return;
        }
        if (security.isPresent() && shape.isEmpty()) {
            return;
        }
        if (shape.isPresent() && shape.get().kind() == Kind.TRANSPORT) {
            SecurityBindingElement e = security.get();
            Driver d = new Driver(s, e.messageSecurityVersion().isSecurityPolicy12());
            d.transportBinding(https, e.defaultAlgorithmSuite(), e.securityHeaderLayout(), e.includeTimestamp());
            if (d.supportingTokens(shape.get(), s.context().addressing())) {
                d.wssAndTrust(e, false);
            }
            return;
        }
        new Driver(s, false).transportBinding(https, SecurityAlgorithmSuite.DEFAULT, SecurityHeaderLayout.Strict,
                security.isPresent());
    }

    /** A secure conversation over a transport bootstrap (UserNameOverTransport, CertificateOverTransport, ...). */
    private static boolean transportConversation(SecurityBindingElement e) {
        return e.authenticationMode() == AuthenticationMode.SecureConversation && e.secureConversationBootstrap()
                .flatMap(SecurityPolicy::shape).map(b -> b.kind() == Kind.TRANSPORT).orElse(false);
    }

    /**
     * SecureConversation over a transport bootstrap over HTTPS (wsHttpBinding's TransportWithMessageCredential with
     * {@code establishSecurityContext="true"}): WCF's {@code TransportSecurityBindingElement} whose endorsing
     * supporting token is the context token, exported as the transport binding, then
     * {@code sp:EndorsingSupportingTokens} holding {@code sp:SecureConversationToken} (always to the recipient, no
     * derived keys, its key symmetric so no signed {@code To}) with its {@code sp:BootstrapPolicy}: the RST/RSTR's
     * parts and the bootstrap's own transport policy over the same HTTPS transport
     * ({@code CreateWsspBootstrapPolicyAssertion} exports the bootstrap element with the elements below security);
     * then {@code sp:Wss11} and {@code sp:Trust10|13}.
     */
    private static void transportConversation(HttpsTransportBindingElement https, SecurityBindingElement e,
            PolicyAssertions.Step s) {
        SecurityBindingElement boot = e.secureConversationBootstrap().orElseThrow();
        boolean sp12 = e.messageSecurityVersion().isSecurityPolicy12();
        boolean cancel = e.requireSecurityContextCancellation();
        Driver d = new Driver(s, sp12);
        XmlOut out = s.out();
        d.transportBinding(https, e.defaultAlgorithmSuite(), e.securityHeaderLayout(), e.includeTimestamp());
        d.top("EndorsingSupportingTokens").start("wsp:Policy").start("sp:SecureConversationToken")
                .attr("sp:IncludeToken", d.ns + "/IncludeToken/" + ALWAYS_TO_RECIPIENT).start("wsp:Policy");
        if (e.requireDerivedKeys()) {
            out.empty("sp:RequireDerivedKeys");
        }
        if (!cancel) {
            d.mustNotSendCancel(false);
        }
        out.start("sp:BootstrapPolicy").start("wsp:Policy");
        out.start("sp:SignedParts").empty("sp:Body");
        for (Header h : signedHeaders(List.of(), s.context().addressing(), new ArrayList<>())) {
            out.empty("sp:Header", "Name", h.name(), "Namespace", h.namespace());
        }
        out.end().start("sp:EncryptedParts").empty("sp:Body").end();
        Driver b = new Driver(s, boot.messageSecurityVersion().isSecurityPolicy12());
        b.transportBinding(https, boot.defaultAlgorithmSuite(), boot.securityHeaderLayout(), boot.includeTimestamp());
        if (b.supportingTokens(shape(boot).orElseThrow(), s.context().addressing())) {
            b.wssAndTrust(boot, false);
        }
        out.end().end();
        if (sp12) {
            out.empty("sp:MustNotSendAmend");
            if (!cancel || !e.canRenewSecurityContextToken()) {
                out.empty("sp:MustNotSendRenew");
            }
        }
        out.end().end().end().end();
        d.wssAndTrust(e, false);
    }

    /**
     * A net.tcp stream upgrade's {@code sp:TransportBinding} (WCF's {@code ExportPolicyForTransportTokenAssertionProviders}):
     * its token {@code msf:WindowsTransportSecurity} (with the protection level) or {@code msf:SslTransportSecurity}
     * (with {@code msf:RequireClientCertificate} when required), then, as over HTTPS, the transport security element's
     * suite, layout, timestamp and supporting tokens, or Basic256 and Strict without one.
     */
    static void streamTransport(StreamSecurityBindingElement upgrade, Optional<SecurityBindingElement> security,
            PolicyAssertions.Step s) {
        Optional<Shape> shape = security.flatMap(SecurityPolicy::shape);
        if (security.isPresent() && (shape.isEmpty() || shape.get().kind() != Kind.TRANSPORT)) {
            return;
        }
        if (shape.isPresent()) {
            SecurityBindingElement e = security.get();
            Driver d = new Driver(s, e.messageSecurityVersion().isSecurityPolicy12());
            d.transportBinding(() -> framingToken(upgrade, s.out()), e.defaultAlgorithmSuite(),
                    e.securityHeaderLayout(), e.includeTimestamp());
            if (d.supportingTokens(shape.get(), s.context().addressing())) {
                d.wssAndTrust(e, false);
            }
            return;
        }
        new Driver(s, false).transportBinding(() -> framingToken(upgrade, s.out()), SecurityAlgorithmSuite.DEFAULT,
                SecurityHeaderLayout.Strict, false);
    }

    /** RS {@code WindowsStreamSecurityBindingElement}/{@code SslStreamSecurityBindingElement.GetTransportTokenAssertion}. */
    private static void framingToken(StreamSecurityBindingElement upgrade, XmlOut out) {
        if (upgrade instanceof WindowsStreamSecurityBindingElement w) {
            out.start("msf:WindowsTransportSecurity").xmlns("msf", MSF).start("msf:ProtectionLevel")
                    .text(w.protectionLevel().name()).end().end();
        } else if (((SslStreamSecurityBindingElement) upgrade).requireClientCertificate()) {
            out.start("msf:SslTransportSecurity").xmlns("msf", MSF).empty("msf:RequireClientCertificate").end();
        } else {
            out.start("msf:SslTransportSecurity").xmlns("msf", MSF).end();
        }
    }

    /**
     * The headers every secured message signs, in WCF's order (each element's {@code ChannelProtectionRequirements},
     * top to bottom): reliable-messaging headers, the transaction context, composite duplex's
     * {@code ChannelInstance}, one-way's {@code PacketRoutable}, then the transport's addressing headers.
     *
     * @param encrypted collects the headers also encrypted (the transaction context)
     */
    static List<Header> signedHeaders(List<BindingElement> stack, AddressingVersion addressing,
            List<Header> encrypted) {
        List<Header> signed = new ArrayList<>();
        for (BindingElement e : stack) {
            if (e instanceof ReliableSessionBindingElement rm) {
                boolean feb2005 = rm.reliableMessagingVersion()
                        == ReliableMessagingVersion.WS_RELIABLE_MESSAGING_FEBRUARY_2005;
                String ns = feb2005 ? "http://schemas.xmlsoap.org/ws/2005/02/rm"
                        : "http://docs.oasis-open.org/ws-rx/wsrm/200702";
                for (String h : List.of("Sequence", "SequenceAcknowledgement", "AckRequested")) {
                    signed.add(new Header(h, ns));
                }
                if (!feb2005) {
                    signed.add(new Header("UsesSequenceSTR", ns));
                }
            } else if (e instanceof TransactionFlowBindingElement t && t.transactionFlow()) {
                List<Header> context = List.of(
                        new Header("CoordinationContext", "http://schemas.xmlsoap.org/ws/2004/10/wscoor"),
                        new Header("CoordinationContext", "http://docs.oasis-open.org/ws-tx/wscoor/2006/06"),
                        new Header("OleTxTransaction", "http://schemas.microsoft.com/ws/2006/02/transactions"));
                signed.addAll(context);
                encrypted.addAll(context);
            } else if (e instanceof CompositeDuplexBindingElement) {
                signed.add(new Header("ChannelInstance", "http://schemas.microsoft.com/ws/2005/02/duplex"));
            } else if (e instanceof OneWayBindingElement o && o.packetRoutable()) {
                signed.add(new Header("PacketRoutable", "http://schemas.microsoft.com/ws/2005/05/routing"));
            }
        }
        if (addressing != AddressingVersion.NONE) {
            String ns = addressing == AddressingVersion.WS_ADDRESSING_10 ? WSA10 : WSA2004;
            for (String h : List.of("To", "From", "FaultTo", "ReplyTo", "MessageID", "RelatesTo", "Action")) {
                signed.add(new Header(h, ns));
            }
        }
        return signed;
    }

    /**
     * A message's {@code sp:SignedParts} (the body and {@code signed}) and {@code sp:EncryptedParts} (the body and
     * {@code encrypted}), as the contract's default protection level (EncryptAndSign) asks.
     */
    static String messageParts(SecurityBindingElement e, List<Header> signed, List<Header> encrypted) {
        String ns = e.messageSecurityVersion().isSecurityPolicy12() ? SP12 : SP11;
        XmlOut out = new XmlOut();
        parts(out, "sp:SignedParts", ns, signed);
        parts(out, "sp:EncryptedParts", ns, encrypted);
        return out.toString();
    }

    private static void parts(XmlOut out, String name, String ns, List<Header> headers) {
        out.start(name).xmlns("sp", ns).empty("sp:Body");
        for (Header h : headers) {
            out.empty("sp:Header", "Name", h.name(), "Namespace", h.namespace());
        }
        out.end();
    }

    /**
     * One export's writer, as WCF's per-export {@code WSSecurityPolicy} driver: the dialect, and which key references
     * the tokens written so far require ({@code sp:Wss10|11} lists them).
     */
    private static final class Driver {
        private final PolicyAssertions.Step step;
        private final boolean sp12;
        private final String ns;
        private boolean keyIdentifier;
        private boolean issuerSerial;
        private boolean thumbprint;
        private boolean protectionTokenAsymmetric;

        Driver(PolicyAssertions.Step step, boolean sp12) {
            this.step = step;
            this.sp12 = sp12;
            this.ns = sp12 ? SP12 : SP11;
        }

        /** A top-level assertion, which declares {@code sp}. */
        XmlOut top(String localName) {
            return step.out().start("sp:" + localName).xmlns("sp", ns);
        }

        void transportBinding(HttpsTransportBindingElement https, String suite, SecurityHeaderLayout layout,
                boolean includeTimestamp) {
            transportBinding(() -> httpsToken(https), suite, layout, includeTimestamp);
        }

        void transportBinding(Runnable token, String suite, SecurityHeaderLayout layout, boolean includeTimestamp) {
            XmlOut out = step.out();
            top("TransportBinding").start("wsp:Policy").start("sp:TransportToken").start("wsp:Policy");
            token.run();
            out.end().end();
            suiteAndLayout(suite, layout);
            if (includeTimestamp) {
                out.empty("sp:IncludeTimestamp");
            }
            out.end().end();
        }

        /** SP 1.1: a {@code RequireClientCertificate} attribute; SP 1.2: nested assertions only when needed. */
        private void httpsToken(HttpsTransportBindingElement https) {
            XmlOut out = step.out();
            if (!sp12) {
                out.empty("sp:HttpsToken", "RequireClientCertificate", Boolean.toString(https.requireClientCertificate()));
                return;
            }
            Set<AuthenticationScheme> scheme = https.http().authenticationScheme();
            boolean basic = scheme.equals(Set.of(AuthenticationScheme.Basic));
            boolean digest = scheme.equals(Set.of(AuthenticationScheme.Digest));
            if (!https.requireClientCertificate() && !basic && !digest) {
                out.empty("sp:HttpsToken");
                return;
            }
            out.start("sp:HttpsToken").start("wsp:Policy");
            if (https.requireClientCertificate()) {
                out.empty("sp:RequireClientCertificate");
            }
            if (basic) {
                out.empty("sp:HttpBasicAuthentication");
            } else if (digest) {
                out.empty("sp:HttpDigestAuthentication");
            }
            out.end().end();
        }

        void suiteAndLayout(SecurityBindingElement e) {
            suiteAndLayout(e.defaultAlgorithmSuite(), e.securityHeaderLayout());
        }

        /**
         * The rest of a symmetric or asymmetric binding assertion after its tokens: suite, layout, timestamp, the
         * order of protection ({@code EncryptSignature} only when something is encrypted), {@code ProtectTokens},
         * {@code OnlySignEntireHeadersAndBody}; closes the assertion.
         */
        void protection(SecurityBindingElement e, boolean encrypts) {
            XmlOut out = step.out();
            suiteAndLayout(e);
            if (e.includeTimestamp()) {
                out.empty("sp:IncludeTimestamp");
            }
            if (e.messageProtectionOrder() == MessageProtectionOrder.EncryptBeforeSign) {
                out.empty("sp:EncryptBeforeSigning");
            }
            if (e.messageProtectionOrder() == MessageProtectionOrder.SignBeforeEncryptAndEncryptSignature && encrypts) {
                out.empty("sp:EncryptSignature");
            }
            if (e.protectTokens()) {
                out.empty("sp:ProtectTokens");
            }
            out.empty("sp:OnlySignEntireHeadersAndBody").end().end();
        }

        private void suiteAndLayout(String suite, SecurityHeaderLayout layout) {
            String name = SecurityAlgorithmSuite.DEFAULT.equals(suite) ? "Basic256" : suite;
            step.out().start("sp:AlgorithmSuite").start("wsp:Policy").empty("sp:" + name).end().end()
                    .start("sp:Layout").start("wsp:Policy").empty("sp:" + layoutName(layout)).end().end();
        }

        private static String layoutName(SecurityHeaderLayout layout) {
            switch (layout) {
                case Lax: return "Lax";
                case LaxTimestampFirst: return "LaxTsFirst";
                case LaxTimestampLast: return "LaxTsLast";
                default: return "Strict";
            }
        }

        void token(Token t) {
            if (t instanceof X509 x) {
                x509(x);
            } else if (t instanceof Negotiated n) {
                negotiated(n);
            } else {
                kerberos((Kerberos) t);
            }
        }

        /**
         * {@code mssp:SslContextToken} or {@code sp:SpnegoContextToken}, included always to the recipient (RS
         * {@code CreateMsspSslContextTokenAssertion}, {@code CreateWsspSpnegoContextTokenAssertion}): derived keys if
         * asked, {@code MustNotSendCancel} when the token is not cancelled, the client certificate TLSNEGO requires;
         * SP 1.2's driver always writes {@code MustNotSendCancel}, then {@code MustNotSendAmend} and
         * {@code MustNotSendRenew}.
         */
        private void negotiated(Negotiated t) {
            XmlOut out = step.out();
            if (t.ssl()) {
                out.start("mssp:SslContextToken").attr("sp:IncludeToken", ns + "/IncludeToken/" + ALWAYS_TO_RECIPIENT)
                        .xmlns("mssp", MSSP);
            } else {
                out.start("sp:SpnegoContextToken").attr("sp:IncludeToken", ns + "/IncludeToken/"
                        + ALWAYS_TO_RECIPIENT);
            }
            out.start("wsp:Policy");
            if (t.derivedKeys()) {
                out.empty("sp:RequireDerivedKeys");
            }
            if (sp12 || !t.requireCancellation()) {
                mustNotSendCancel(t.ssl());
            }
            if (t.requireClientCertificate()) {
                out.start("mssp:RequireClientCertificate");
                if (!t.ssl()) {
                    out.xmlns("mssp", MSSP);
                }
                out.end();
            }
            if (sp12) {
                out.empty("sp:MustNotSendAmend").empty("sp:MustNotSendRenew");
            }
            out.end().end();
        }

        /**
         * {@code MustNotSendCancel}: in the {@code mssp} namespace under WS-SecurityPolicy 1.1 (RS
         * {@code WSSecurityPolicy11.CreateWsspMustNotSendCancelAssertion}), declared unless an enclosing element
         * ({@code msspDeclared}) already declares it; {@code sp} under 1.2.
         */
        void mustNotSendCancel(boolean msspDeclared) {
            XmlOut out = step.out();
            if (sp12) {
                out.empty("sp:MustNotSendCancel");
                return;
            }
            out.start("mssp:MustNotSendCancel");
            if (!msspDeclared) {
                out.xmlns("mssp", MSSP);
            }
            out.end();
        }

        /** {@code sp:KerberosToken}, included once, with derived keys if asked, GSS-framed AP-REQ (WSS 1.1 profile). */
        private void kerberos(Kerberos t) {
            XmlOut out = step.out();
            out.start("sp:KerberosToken").attr("sp:IncludeToken", ns + "/IncludeToken/Once").start("wsp:Policy");
            if (t.derivedKeys()) {
                out.empty("sp:RequireDerivedKeys");
            }
            out.empty("sp:WssGssKerberosV5ApReqToken11").end().end();
        }

        /** {@code sp:X509Token} with its inclusion, derived keys, reference style and token type. */
        void x509(X509 t) {
            XmlOut out = step.out();
            out.start("sp:X509Token").attr("sp:IncludeToken", ns + "/IncludeToken/" + t.inclusion())
                    .start("wsp:Policy");
            if (t.derivedKeys()) {
                out.empty("sp:RequireDerivedKeys");
            }
            if (t.thumbprint()) {
                thumbprint = true;
                out.empty("sp:RequireThumbprintReference");
            } else {
                keyIdentifier = true;
                issuerSerial = true;
                thumbprint = true;
            }
            out.empty("sp:WssX509V3Token10").end().end();
        }

        private void userName() {
            step.out().start("sp:UsernameToken").attr("sp:IncludeToken", ns + "/IncludeToken/" + ALWAYS_TO_RECIPIENT)
                    .start("wsp:Policy").empty("sp:WssUsernameToken10").end().end();
        }

        /**
         * The endpoint's supporting tokens: the user name signed (SP 1.1) or signed and encrypted (SP 1.2), an
         * endorsing certificate, which over a transport also signs {@code wsa:To}.
         *
         * @return whether any was written
         */
        boolean supportingTokens(Shape sh, AddressingVersion addressing) {
            XmlOut out = step.out();
            if (sh.signedEncryptedUserName()) {
                top(sp12 ? "SignedEncryptedSupportingTokens" : "SignedSupportingTokens").start("wsp:Policy");
                userName();
                out.end().end();
            }
            if (sh.endorsing().isPresent()) {
                top("EndorsingSupportingTokens").start("wsp:Policy");
                token(sh.endorsing().get());
                // WCF signs To only when an endorsing key is asymmetric (CreateWsspiSupportingTokensAssertion)
                if (addressing != AddressingVersion.NONE && sh.endorsing().get() instanceof X509) {
                    out.start("sp:SignedParts").empty("sp:Header", "Name", "To", "Namespace",
                            addressing == AddressingVersion.WS_ADDRESSING_10 ? WSA10 : WSA2004).end();
                }
                out.end().end();
            }
            return sh.signedEncryptedUserName() || sh.endorsing().isPresent();
        }

        /** {@code sp:Wss10} or {@code sp:Wss11}, then {@code sp:Trust10|13} unless the binding is a basic HTTP one. */
        void wssAndTrust(SecurityBindingElement e, boolean messageSecurity) {
            XmlOut out = step.out();
            boolean wss11 = e.messageSecurityVersion().isWsSecurity11();
            top(wss11 ? "Wss11" : "Wss10").start("wsp:Policy");
            if (keyIdentifier) {
                out.empty("sp:MustSupportRefKeyIdentifier");
            }
            if (issuerSerial) {
                out.empty("sp:MustSupportRefIssuerSerial");
            }
            if (wss11) {
                if (thumbprint) {
                    out.empty("sp:MustSupportRefThumbprint");
                }
                if (protectionTokenAsymmetric) {
                    out.empty("sp:MustSupportRefEncryptedKey");
                }
                if (messageSecurity && e.requireSignatureConfirmation()) {
                    out.empty("sp:RequireSignatureConfirmation");
                }
            }
            out.end().end();
            if (!step.context().emitTrust()) {
                return;
            }
            top(sp12 ? "Trust13" : "Trust10").start("wsp:Policy").empty("sp:MustSupportIssuedTokens");
            SecurityKeyEntropyMode entropy = e.keyEntropyMode();
            if (entropy != SecurityKeyEntropyMode.ServerEntropy) {
                out.empty("sp:RequireClientEntropy");
            }
            if (entropy != SecurityKeyEntropyMode.ClientEntropy) {
                out.empty("sp:RequireServerEntropy");
            }
            out.end().end();
        }
    }
}
