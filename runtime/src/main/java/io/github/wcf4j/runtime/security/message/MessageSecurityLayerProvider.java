package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.credentials.WindowsClientCredential;
import io.github.wcf4j.binding.credentials.WindowsServiceCredential;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.github.wcf4j.runtime.metrics.EndpointMetrics;
import io.github.wcf4j.runtime.security.ExpectedServiceIdentity;
import io.github.wcf4j.runtime.security.KerberosCredentials;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.InnerStack;
import io.github.wcf4j.runtime.stack.LayerProvider;
import io.github.wcf4j.runtime.stack.RefusalRule;
import io.github.wcf4j.runtime.time.Scheduler;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

/**
 * {@code <security>} (WCF {@code SecurityBindingElement}) for the families it runs, over request/reply:
 *
 * <ul>
 * <li>{@code TransportSecurityBindingElement}: {@code authenticationMode="UserNameOverTransport"} and
 * {@code "CertificateOverTransport"} ({@link TransportSecurityProtocol}), and the standard bindings'
 * {@code TransportWithMessageCredential} modes that expand to them;</li>
 * <li>{@code SymmetricSecurityBindingElement} with the service's X.509 certificate as its protection token:
 * {@code "AnonymousForCertificate"}, {@code "UserNameForCertificate"} and {@code "MutualCertificate"} under WS-Security
 * 1.1, with derived keys and WCF's default protection order ({@link SymmetricSecurityProtocol}); under WS-Security 1.0
 * these are refused with WCF's {@code SecurityVersionDoesNotSupportEncryptedKeyBinding};</li>
 * <li>{@code AsymmetricSecurityBindingElement}: {@code "MutualCertificate"} under WS-Security 1.0 (also
 * {@code basicHttpBinding}'s {@code Message} security) and {@code "MutualCertificateDuplex"}, without derived keys
 * ({@link AsymmetricSecurityProtocol});</li>
 * <li>SSL negotiation as the message protection itself, a {@code SymmetricSecurityBindingElement} with WCF's
 * {@code SslSecurityTokenParameters}: {@code "AnonymousForSslNegotiated"}, {@code "UserNameForSslNegotiated"} and
 * {@code "MutualSslNegotiated"} as the outer mode (also {@code wsHttpBinding}'s {@code Message} security with
 * {@code establishSecurityContext="false"}), the TLSNEGO token securing each message ({@link NegotiatedTokenProtocol});
 * and SSPI negotiation the same way ({@code "SspiNegotiated"} as the outer mode, {@code wsHttpBinding}'s
 * {@code Message}/{@code Windows} with negotiation and {@code establishSecurityContext="false"}): one SPNEGO exchange
 * per channel, its token securing each message;</li>
 * <li>{@code "SecureConversation"} over those X.509 bootstraps or the SSL-negotiated ones
 * {@code "AnonymousForSslNegotiated"}, {@code "UserNameForSslNegotiated"} and {@code "MutualSslNegotiated"} (TLSNEGO,
 * {@link NegotiationProtocol}), and {@code "SspiNegotiated"} (SPNEGO over Kerberos, the same protocol; the Kerberos
 * identity from the {@link KerberosCredentials} binding parameter, else the {@code wcf4j.kerberos} setting):
 * cookie mode over request/reply, security sessions over request and duplex session channels
 * ({@link SecureConversationProtocol}).</li>
 * </ul>
 *
 * <pre>
 * client  IRequestChannel ← IRequestChannel   requests secured, replies verified
 * service IReplyChannel   ← IReplyChannel     requests verified (else WCF's security fault), replies secured
 * </pre>
 *
 * <p>Credentials are binding parameters: {@link ClientCredentials} on a client (with the service's certificate for the
 * symmetric modes, checked against the {@link ExpectedServiceIdentity}), {@link ServiceCredentials} on a service,
 * checked when the factory or listener opens, as WCF checks them; the clock ({@link Clock}, the system's UTC clock by
 * default) dates and checks timestamps. Cryptography runs on the scheduler's executor, never on a transport's event
 * loop. A transport-security service's transport must protect the messages (WCF's
 * {@code TransportDoesNotProtectMessage} is one of the model's {@code BuildChecks}). Everything else of
 * {@code <security>} (issued tokens, settings the symmetric and asymmetric engines do not
 * apply) and the other channel shapes are refused by
 * name, as data ({@link #refusals()}).
 */
public final class MessageSecurityLayerProvider implements LayerProvider<SecurityBindingElement> {

    @Override
    public Class<SecurityBindingElement> elementType() {
        return SecurityBindingElement.class;
    }

    private static boolean runs(SecurityBindingElement e) {
        return TransportSecurityProtocol.runs(e.authenticationMode()) || symmetricMode(e)
                || AsymmetricSecurityProtocol.runs(e) || SecureConversationProtocol.runs(e)
                || NegotiatedTokenProtocol.runs(e) || kerberosMode(e)
                || KerberosOverTransportProtocol.runs(e.authenticationMode()) || SspiOverTransportProtocol.runs(e);
    }

    /** {@code authenticationMode="Kerberos"}: the Kerberos token profile, under WS-Security 1.1. */
    private static boolean kerberosMode(SecurityBindingElement e) {
        return KerberosSecurityProtocol.runs(e.authenticationMode())
                && SymmetricSecurityProtocol.runs(e.messageSecurityVersion());
    }

    /** A symmetric X.509 mode's element (MutualCertificate is one under WS-Security 1.1 only). */
    private static boolean symmetricMode(SecurityBindingElement e) {
        return SymmetricSecurityProtocol.runs(e.authenticationMode())
                && e.family() == AuthenticationMode.Family.SYMMETRIC;
    }

    /** WCF's {@code SecurityVersionSupportForEncryptedKeyBindingRule}: a symmetric X.509 element under WSS 1.0. */
    private static boolean encryptedKeyUnderWss10(SecurityBindingElement e) {
        return symmetricMode(e) && !e.messageSecurityVersion().isWsSecurity11();
    }

    /**
     * The elements whose messages the symmetric engine protects: a symmetric mode's element; a cookie-mode secure
     * conversation's element and its bootstrap.
     */
    private static Stream<SecurityBindingElement> symmetric(SecurityBindingElement e) {
        if (symmetricMode(e) || NegotiationProtocol.runs(e.authenticationMode())
                || KerberosSecurityProtocol.runs(e.authenticationMode())) {
            return Stream.of(e);
        }
        if (secureConversation(e)) {
            return Stream.concat(Stream.of(e), e.secureConversationBootstrap()
                    .filter(b -> SymmetricSecurityProtocol.runs(b.authenticationMode())
                            || NegotiationProtocol.runs(b.authenticationMode())
                            || KerberosSecurityProtocol.runs(b.authenticationMode())).stream());
        }
        return Stream.empty();
    }

    /**
     * Whether the service's key rollover outlasts its key renewal interval, which WCF refuses when the service opens
     * ({@code SecuritySessionServerSettings.OnOpen}: {@code KeyRolloverGreaterThanKeyRenewal}).
     */
    private static boolean rolloverOutlastsRenewal(SecurityBindingElement e) {
        return e.localServiceSettings().sessionKeyRenewalInterval()
                .compareTo(e.localServiceSettings().sessionKeyRolloverInterval()) < 0;
    }

    /** A secure conversation with a security session ({@code requireSecurityContextCancellation="true"}). */
    private static boolean session(SecurityBindingElement e) {
        return secureConversation(e) && e.requireSecurityContextCancellation();
    }

    /** A secure conversation bootstrapped by {@code UserNameOverTransport} or {@code CertificateOverTransport}. */
    private static boolean overTransport(SecurityBindingElement e) {
        return secureConversation(e) && e.secureConversationBootstrap()
                .map(b -> TransportSecurityProtocol.runs(b.authenticationMode())
                        || b.authenticationMode() == AuthenticationMode.SspiNegotiatedOverTransport).orElse(false);
    }

    private static boolean secureConversation(SecurityBindingElement e) {
        return e.authenticationMode() == AuthenticationMode.SecureConversation;
    }

    private static String refused(SecurityBindingElement e) {
        return "The binding element '" + e.configName() + "' (authenticationMode=" + e.authenticationMode() + ") ";
    }

    @Override
    public List<RefusalRule<SecurityBindingElement>> refusals() {
        return List.of(
                RefusalRule.when("", e -> secureConversation(e) && !runs(e),
                        e -> refused(e) + "runs in wcf4j over the bootstraps UserNameOverTransport,"
                                + " CertificateOverTransport, AnonymousForCertificate,"
                                + " UserNameForCertificate, MutualCertificate, AnonymousForSslNegotiated,"
                                + " UserNameForSslNegotiated, MutualSslNegotiated, SspiNegotiated (Kerberos) and"
                                + " Kerberos, SspiNegotiatedOverTransport under WS-Security 1.1 only (issued"
                                + " tokens are not implemented); this"
                                + " binding's <secureConversationBootstrap> (authenticationMode="
                                + e.secureConversationBootstrap().map(b -> b.authenticationMode().name())
                                        .orElse("none") + ", messageSecurityVersion="
                                + e.secureConversationBootstrap().map(b -> b.messageSecurityVersion().name())
                                        .orElse("none") + ") is not one of them, so this binding cannot be opened."),
                RefusalRule.when("", e -> !secureConversation(e) && !runs(e),
                        e -> refused(e) + "is not supported by the wcf4j runtime: of WS-Security it runs"
                                + " UserNameOverTransport, CertificateOverTransport, KerberosOverTransport,"
                                + " AnonymousForCertificate, UserNameForCertificate, MutualCertificate,"
                                + " MutualCertificateDuplex, Kerberos (the Kerberos token profile, WS-Security 1.1),"
                                + " AnonymousForSslNegotiated, UserNameForSslNegotiated, MutualSslNegotiated,"
                                + " SspiNegotiated (SPNEGO over Kerberos), SspiNegotiatedOverTransport, and"
                                + " SecureConversation over the symmetric X.509 modes, Kerberos,"
                                + " UserNameOverTransport/CertificateOverTransport/SspiNegotiatedOverTransport or"
                                + " AnonymousForSslNegotiated/"
                                + "UserNameForSslNegotiated/MutualSslNegotiated/SspiNegotiated only (issued tokens are"
                                + " not implemented yet), so this binding cannot be opened."),
                RefusalRule.<SecurityBindingElement>when("", MessageSecurityLayerProvider::overTransport,
                        e -> refused(e) + "over the transport bootstrap " + e.secureConversationBootstrap()
                                .map(b -> b.authenticationMode().name()).orElse("") + " runs in wcf4j as a security"
                                + " session over request/reply session channels (HTTPS: wsHttpBinding's"
                                + " TransportWithMessageCredential) or duplex session channels (netTcpBinding's);"
                                + " this endpoint needs another channel shape, so it is refused.")
                        .onlyFor(ChannelShape.OUTPUT, ChannelShape.OUTPUT_SESSION, ChannelShape.INPUT,
                                ChannelShape.INPUT_SESSION, ChannelShape.DUPLEX, ChannelShape.REQUEST,
                                ChannelShape.REPLY),
                RefusalRule.when("messageSecurityVersion", MessageSecurityLayerProvider::encryptedKeyUnderWss10,
                        e -> WcfText.SecurityVersionDoesNotSupportEncryptedKeyBinding.format("CustomBinding",
                                "http://tempuri.org/", "<contract>", "<contract namespace>", "WSSecurity11")
                                + " (authenticationMode=" + e.authenticationMode() + ": its symmetric element names"
                                + " the request's EncryptedKey by EncryptedKeySHA1 in the reply, which WS-Security 1.0"
                                + " cannot express; WCF's SecurityValidationBehavior refuses it at open.)"),
                RefusalRule.when("messageSecurityVersion", e -> !encryptedKeyUnderWss10(e) && symmetric(e).anyMatch(
                        x -> !SymmetricSecurityProtocol.runs(x.messageSecurityVersion())),
                        e -> refused(e) + "runs under WS-Security 1.1 only in wcf4j; messageSecurityVersion="
                                + e.messageSecurityVersion() + " (WS-Security 1.0: issuer-serial references, no"
                                + " EncryptedKeySHA1 or signature confirmation) is not implemented, so this binding"
                                + " cannot be opened."),
                RefusalRule.when("requireSignatureConfirmation", e -> AsymmetricSecurityProtocol.runs(e)
                        && e.requireSignatureConfirmation() && !e.messageSecurityVersion().isWsSecurity11(),
                        e -> WcfText.SignatureConfirmationNotSupported.format()),
                RefusalRule.when("sessionKeyRolloverInterval", e -> session(e) && rolloverOutlastsRenewal(e),
                        e -> WcfText.KeyRolloverGreaterThanKeyRenewal.format()),
                RefusalRule.<SecurityBindingElement>when("", e -> AsymmetricSecurityProtocol.runs(e)
                        && !AsymmetricSecurityProtocol.runsOverDuplex(e),
                        e -> refused(e) + "runs over request/reply, one-way and duplex session channels (a"
                                + " transport session, such as net.tcp's) only in wcf4j: over duplex channels"
                                + " (compositeDuplex) wcf4j runs the asymmetric binding of MutualCertificateDuplex"
                                + " only, and the other session channels not at all; this endpoint's contract or stack"
                                + " needs one, so it is refused.")
                        .onlyFor(ChannelShape.OUTPUT_SESSION, ChannelShape.INPUT_SESSION, ChannelShape.DUPLEX,
                                ChannelShape.REQUEST_SESSION, ChannelShape.REPLY_SESSION),
                RefusalRule.<SecurityBindingElement>when("", AsymmetricSecurityProtocol::runsOverDuplex,
                        e -> refused(e) + "runs over request/reply channels, over duplex channels"
                                + " (compositeDuplex: each direction signed by its sender and encrypted to its"
                                + " receiver, as WCF's DuplexSecurityProtocolFactory) and duplex session channels (a"
                                + " transport session), and one-way channels in wcf4j; the other session channels are"
                                + " not implemented, and this endpoint's contract or stack needs one, so it is"
                                + " refused.")
                        .onlyFor(ChannelShape.OUTPUT_SESSION, ChannelShape.INPUT_SESSION,
                                ChannelShape.REQUEST_SESSION, ChannelShape.REPLY_SESSION),
                RefusalRule.<SecurityBindingElement>when("", e -> runs(e) && !session(e)
                        && !AsymmetricSecurityProtocol.runs(e),
                        e -> refused(e) + "runs over request/reply channels only in wcf4j so far;"
                                + " this endpoint's contract or stack needs another channel shape, so it is refused.")
                        .onlyFor(ChannelShape.OUTPUT, ChannelShape.OUTPUT_SESSION, ChannelShape.INPUT,
                                ChannelShape.INPUT_SESSION, ChannelShape.DUPLEX, ChannelShape.DUPLEX_SESSION,
                                ChannelShape.REQUEST_SESSION, ChannelShape.REPLY_SESSION),
                RefusalRule.<SecurityBindingElement>when("", e -> runs(e) && session(e),
                        e -> refused(e) + "with requireSecurityContextCancellation=\"true\" runs as a security"
                                + " session over request/reply or duplex session channels in wcf4j; this endpoint"
                                + " needs another channel shape, so it is refused.")
                        .onlyFor(ChannelShape.OUTPUT, ChannelShape.OUTPUT_SESSION, ChannelShape.INPUT,
                                ChannelShape.INPUT_SESSION, ChannelShape.DUPLEX, ChannelShape.REQUEST,
                                ChannelShape.REPLY));
    }

    @Override
    public <C extends Channel> ChannelFactory<C> factory(SecurityBindingElement e, ChannelType<C> type,
            InnerStack inner, BindingParameters p) {
        ClientCredentials credentials = p.find(ClientCredentials.class).orElse(ClientCredentials.none());
        if (type == ChannelType.REQUEST_SESSION) {
            TextMessageEncoder encoder = encoder(p);
            return new SecuritySessionRequestChannelFactory<>(type, inner.factory(), conversation(e, p), credentials,
                    encoder.messageVersion(), verifier(e, p));
        }
        if ((type == ChannelType.DUPLEX && AsymmetricSecurityProtocol.runsOverDuplex(e))
                || ((type == ChannelType.OUTPUT || type == ChannelType.DUPLEX_SESSION)
                        && AsymmetricSecurityProtocol.runs(e))) {
            return new SecurityDuplexChannelFactory<>(type, inner.factory(), asymmetric(e, p), credentials,
                    verifier(e, p));
        }
        if (type == ChannelType.DUPLEX_SESSION) {
            return new SecuritySessionDuplexChannelFactory<>(type, inner.factory(), conversation(e, p), credentials,
                    encoder(p).messageVersion(), p.require(Scheduler.class));
        }
        SecurityProtocol protocol = protocol(e, type, p);
        return new SecurityRequestChannelFactory<>(type, inner.factory(), protocol, credentials, verifier(e, p));
    }

    @Override
    public <C extends Channel> ChannelListener<C> listener(SecurityBindingElement e, ChannelType<C> type,
            InnerStack inner, BindingParameters p) {
        ServiceCredentials credentials = p.find(ServiceCredentials.class).orElse(ServiceCredentials.defaults());
        Scheduler scheduler = p.require(Scheduler.class);
        if (type == ChannelType.REPLY_SESSION) {
            return new SecuritySessionReplyChannelListener<>(type, inner.listener(), conversation(e, p), credentials,
                    scheduler, e.localServiceSettings().maxPendingSessions(),
                    e.localServiceSettings().inactivityTimeout());
        }
        if ((type == ChannelType.DUPLEX && AsymmetricSecurityProtocol.runsOverDuplex(e))
                || ((type == ChannelType.INPUT || type == ChannelType.DUPLEX_SESSION)
                        && AsymmetricSecurityProtocol.runs(e))) {
            return new SecurityDuplexChannelListener<>(type, inner.listener(), asymmetric(e, p), credentials,
                    verifier(e, p));
        }
        if (type == ChannelType.DUPLEX_SESSION) {
            return new SecuritySessionDuplexChannelListener<>(type, inner.listener(), conversation(e, p), credentials,
                    scheduler, e.localServiceSettings().maxPendingSessions(),
                    e.localServiceSettings().inactivityTimeout());
        }
        SecurityProtocol protocol = protocol(e, type, p);
        return new SecurityReplyChannelListener<>(type, inner.listener(), protocol, credentials,
                scheduler.executor(), verifier(e, p));
    }

    /** The Kerberos identity: the binding parameter, else the {@code wcf4j.kerberos} setting, else none. */
    private static Optional<KerberosCredentials> kerberos(BindingParameters p) {
        return p.find(KerberosCredentials.class).or(KerberosCredentials::fromSetting);
    }

    private static EndpointMetrics metrics(BindingParameters p) {
        return p.find(EndpointMetrics.class).orElse(EndpointMetrics.NONE);
    }

    /**
     * The {@code <clientCredentials><windows>} and {@code <serviceCredentials><windowsAuthentication>}: the binding
     * parameters, else WCF's defaults.
     */
    private static WindowsCredentials windows(BindingParameters p) {
        return new WindowsCredentials(
                p.find(WindowsClientCredential.class).orElseGet(WindowsClientCredential::defaults),
                p.find(WindowsServiceCredential.class).orElseGet(WindowsServiceCredential::defaults));
    }

    private static TextMessageEncoder encoder(BindingParameters p) {
        return p.find(TextMessageEncoder.class).orElseGet(TextMessageEncoder::defaultEncoder);
    }

    private static SecureConversationProtocol conversation(SecurityBindingElement e, BindingParameters p) {
        if (!SecureConversationProtocol.runs(e) || !e.requireSecurityContextCancellation()) {
            throw new IllegalStateException("the refusal rules admit security sessions of secure conversations only");
        }
        return new SecureConversationProtocol(e, p.find(Clock.class).orElse(Clock.systemUTC()), encoder(p),
                p.find(ExpectedServiceIdentity.class).orElseGet(ExpectedServiceIdentity::ofAddress), kerberos(p),
                windows(p), metrics(p));
    }

    private static SecurityProtocol protocol(SecurityBindingElement e, ChannelType<?> type, BindingParameters p) {
        if (type != ChannelType.REQUEST && type != ChannelType.REPLY) {
            throw new IllegalStateException("the refusal rules admit request/reply only, not " + type);
        }
        Clock clock = p.find(Clock.class).orElse(Clock.systemUTC());
        if (SecureConversationProtocol.runs(e)) {
            return new SecureConversationProtocol(e, clock,
                    p.find(TextMessageEncoder.class).orElseGet(TextMessageEncoder::defaultEncoder),
                    p.find(ExpectedServiceIdentity.class).orElseGet(ExpectedServiceIdentity::ofAddress), kerberos(p),
                    windows(p), metrics(p));
        }
        if (AsymmetricSecurityProtocol.runs(e)) {
            return asymmetric(e, p);
        }
        if (NegotiatedTokenProtocol.runs(e)) {
            return new NegotiatedTokenProtocol(e, clock,
                    p.find(TextMessageEncoder.class).orElseGet(TextMessageEncoder::defaultEncoder),
                    p.find(ExpectedServiceIdentity.class).orElseGet(ExpectedServiceIdentity::ofAddress), kerberos(p),
                    windows(p));
        }
        if (kerberosMode(e)) {
            return new KerberosSecurityProtocol(e, clock,
                    p.find(TextMessageEncoder.class).orElseGet(TextMessageEncoder::defaultEncoder),
                    p.find(ExpectedServiceIdentity.class).orElseGet(ExpectedServiceIdentity::ofAddress), kerberos(p),
                    windows(p));
        }
        if (symmetricMode(e)) {
            return new SymmetricSecurityProtocol(e, clock,
                    p.find(TextMessageEncoder.class).orElseGet(TextMessageEncoder::defaultEncoder),
                    p.find(ExpectedServiceIdentity.class).orElseGet(ExpectedServiceIdentity::ofAddress));
        }
        if (SspiOverTransportProtocol.runs(e)) {
            return new SspiOverTransportProtocol(e, clock,
                    p.find(TextMessageEncoder.class).orElseGet(TextMessageEncoder::defaultEncoder),
                    p.find(ExpectedServiceIdentity.class).orElseGet(ExpectedServiceIdentity::ofAddress), kerberos(p),
                    windows(p));
        }
        if (KerberosOverTransportProtocol.runs(e.authenticationMode())) {
            return new KerberosOverTransportProtocol(e, clock,
                    p.find(ExpectedServiceIdentity.class).orElseGet(ExpectedServiceIdentity::ofAddress), kerberos(p),
                    windows(p));
        }
        return new TransportSecurityProtocol(e, clock);
    }

    private static AsymmetricSecurityProtocol asymmetric(SecurityBindingElement e, BindingParameters p) {
        return new AsymmetricSecurityProtocol(e, p.find(Clock.class).orElse(Clock.systemUTC()),
                p.find(TextMessageEncoder.class).orElseGet(TextMessageEncoder::defaultEncoder),
                p.find(ExpectedServiceIdentity.class).orElseGet(ExpectedServiceIdentity::ofAddress));
    }

    /** Where messages are verified: cryptography off the transport's threads; a timestamp check where it lands. */
    private static Executor verifier(SecurityBindingElement e, BindingParameters p) {
        return symmetricMode(e) || kerberosMode(e) || KerberosOverTransportProtocol.runs(e.authenticationMode())
                || SspiOverTransportProtocol.runs(e)
                || AsymmetricSecurityProtocol.runs(e) || SecureConversationProtocol.runs(e)
                || NegotiatedTokenProtocol.runs(e) ? p.require(Scheduler.class).executor() : Runnable::run;
    }
}
