package io.github.wcf4j.binding.standard;

import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.BindingValidationException;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.MtomMessageEncodingBindingElement;
import io.github.wcf4j.binding.encoding.ReaderQuotas;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.LocalServiceSecuritySettings;
import io.github.wcf4j.binding.security.MessageSecurityVersion;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.security.SecurityAlgorithmSuite;
import io.github.wcf4j.binding.security.SecurityHeaderLayout;
import io.github.wcf4j.binding.transport.AuthenticationScheme;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.binding.transport.HttpsTransportBindingElement;
import io.github.wcf4j.binding.transport.WebSocketTransportUsage;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How standard bindings turn their settings into elements: the encoder, the HTTP(S) transport and the message-security
 * element, as WCF's {@code HttpTransportSecurity}, {@code MessageSecurityOverHttp}, {@code BasicHttpSecurity} and
 * {@code NetTcpSecurity} do.
 *
 * <p>The security element is chosen by the {@code SecurityBindingElement.Create*} factory WCF calls for each credential
 * type; that choice only affects the channel shapes and the description here, as wcf4j's runtime refuses message
 * security with a clear error.
 */
final class StandardElements {
    private StandardElements() {
    }

    /** Text or MTOM with the binding's message version, text encoding and reader quotas. */
    static BindingElement encoder(WsMessageEncoding encoding, MessageVersion version, Charset textEncoding,
            ReaderQuotas quotas) {
        if (encoding == WsMessageEncoding.Mtom) {
            MtomMessageEncodingBindingElement m = MtomMessageEncodingBindingElement.of(version, textEncoding);
            return new MtomMessageEncodingBindingElement(m.maxReadPoolSize(), m.maxWritePoolSize(), version,
                    textEncoding, m.maxBufferSize(), quotas);
        }
        return TextMessageEncodingBindingElement.of(version, textEncoding).withReaderQuotas(quotas);
    }

    /**
     * The stack of {@code basicHttpBinding} and {@code basicHttpsBinding} ({@code HttpBindingBase}): {@code [security],
     * textMessageEncoding(Soap11) | mtom, http(s)Transport}.
     */
    static List<BindingElement> basicHttp(HttpBindingSettings http, StandardSecurity security) {
        List<BindingElement> elements = new ArrayList<>(3);
        basicMessageSecurity(security).ifPresent(elements::add);
        elements.add(encoder(http.messageEncoding(), MessageVersion.SOAP11, http.textEncoding(), http.readerQuotas()));
        elements.add(httpTransport(http, security));
        return List.copyOf(elements);
    }

    /** HTTP, or HTTPS when the mode secures the transport; transport credentials become the authentication scheme. */
    static BindingElement httpTransport(HttpBindingSettings http, StandardSecurity security) {
        return httpTransport(http, security, WebSocketTransportUsage.Never);
    }

    /** As {@link #httpTransport(HttpBindingSettings, StandardSecurity)}, with WebSockets used as {@code usage} says. */
    static BindingElement httpTransport(HttpBindingSettings http, StandardSecurity security,
            WebSocketTransportUsage usage) {
        TransportSecurity t = security.transport();
        boolean usesTransportCredential = security.mode() == SecurityMode.Transport
                || security.mode() == SecurityMode.TransportCredentialOnly;
        Set<AuthenticationScheme> scheme = usesTransportCredential
                ? authenticationScheme(t.clientCredentialType()) : Set.of(AuthenticationScheme.Anonymous);
        HttpTransportBindingElement plain = http.toTransport(scheme, usesTransportCredential ? t.realm() : "", usage);
        if (security.securesTransport()) {
            boolean clientCertificate = usesTransportCredential
                    && t.clientCredentialType() == TransportCredentialType.Certificate;
            return new HttpsTransportBindingElement(plain, clientCertificate);
        }
        return plain;
    }

    /** WCF {@code HttpTransportSecurity.MapToAuthenticationScheme}. */
    static Set<AuthenticationScheme> authenticationScheme(TransportCredentialType type) {
        switch (type) {
            case Basic: return Set.of(AuthenticationScheme.Basic);
            case Digest: return Set.of(AuthenticationScheme.Digest);
            case Ntlm: return Set.of(AuthenticationScheme.Ntlm);
            case Windows: return Set.of(AuthenticationScheme.Negotiate);
            case InheritedFromHost: return Set.of();
            default: return Set.of(AuthenticationScheme.Anonymous);
        }
    }

    /**
     * The message-security element of {@code wsHttpBinding}, {@code ws2007HttpBinding} and {@code wsDualHttpBinding}
     * (WCF {@code MessageSecurityOverHttp.CreateSecurityBindingElement}).
     */
    static Optional<BindingElement> wsMessageSecurity(StandardSecurity security, boolean reliableSession,
            boolean secureConversation, MessageSecurityVersion version) {
        if (!security.securesMessages()) {
            return Optional.empty();
        }
        if (reliableSession && !secureConversation) {
            throw new BindingValidationException(WcfText.SecureConversationRequiredByReliableSession, null);
        }
        MessageSecurity m = security.message();
        AuthenticationMode mode = security.mode() == SecurityMode.TransportWithMessageCredential
                // TransportWithMessageCredential + Windows is CreateSspiNegotiationOverTransportBindingElement whatever
                // negotiateServiceCredential says (MessageSecurityOverHttp.CreateSecurityBindingElement)
                ? overTransport(m.clientCredentialType(), true)
                : overMessage(m.clientCredentialType(), m.negotiateServiceCredential());
        // MessageSecurityOverHttp.CreateSecurityBindingElement: a Kerberos element gets KerberosDefault (Basic128),
        // on both levels, unless algorithmSuite was set
        String suite = mode == AuthenticationMode.Kerberos && !m.algorithmSuiteSet()
                ? SecurityAlgorithmSuite.KERBEROS_DEFAULT : m.algorithmSuite();
        return Optional.of(wrap(mode, suite, version, secureConversation));
    }

    /** The message-security element of {@code netTcpBinding}: always a secure conversation (WCF {@code MessageSecurityOverTcp}). */
    static Optional<BindingElement> tcpMessageSecurity(StandardSecurity security, MessageSecurityVersion version) {
        if (!security.securesMessages()) {
            return Optional.empty();
        }
        MessageSecurity m = security.message();
        AuthenticationMode mode = security.mode() == SecurityMode.TransportWithMessageCredential
                // Windows is CreateSspiNegotiationOverTransportBindingElement(true) under the secure conversation, as
                // over HTTPS (MessageSecurityOverTcp.CreateSecurityBindingElement), never KerberosOverTransport
                ? overTransport(m.clientCredentialType(), true)
                : overMessage(m.clientCredentialType(), false);
        return Optional.of(wrap(mode, m.algorithmSuite(), version, true));
    }

    /** The message-security element of {@code basicHttpBinding} (WCF {@code BasicHttpSecurity.CreateMessageSecurity}). */
    static Optional<BindingElement> basicMessageSecurity(StandardSecurity security) {
        if (!security.securesMessages()) {
            return Optional.empty();
        }
        MessageSecurityVersion version = MessageSecurityVersion
                .WSSecurity10WSTrustFebruary2005WSSecureConversationFebruary2005WSSecurityPolicy11BasicSecurityProfile10;
        AuthenticationMode mode = security.mode() == SecurityMode.TransportWithMessageCredential
                ? overTransport(security.message().clientCredentialType(), false)
                : AuthenticationMode.MutualCertificate;
        // WCF sets Lax and no key derivation on basicHttp's element, whatever the mode (BasicHttpMessageSecurity);
        // Message is CreateMutualCertificateBindingElement(WSS 1.0 BSP, allowSerializedSigningTokenOnReply: true)
        return Optional.of(wrap(mode, security.message().algorithmSuite(), version, false).toBuilder()
                .securityHeaderLayout(SecurityHeaderLayout.Lax).requireDerivedKeys(false)
                .allowSerializedSigningTokenOnReply(mode == AuthenticationMode.MutualCertificate).build());
    }

    /** WCF's {@code defaultServerIssuedTransitionTokenLifetime}: a standard binding's bootstrap token lives 15 minutes. */
    static final Duration TRANSITION_TOKEN_LIFETIME = Duration.ofMinutes(15);

    private static SecurityBindingElement wrap(AuthenticationMode mode, String algorithmSuite,
            MessageSecurityVersion version, boolean secureConversation) {
        SecurityBindingElement.Builder oneShot = SecurityBindingElement.builder()
                .authenticationMode(mode)
                .defaultAlgorithmSuite(algorithmSuite)
                .messageSecurityVersion(version);
        if (!secureConversation) {
            return oneShot.build();
        }
        // "issue the transition SCT for a short duration only" (MessageSecurityOverHttp, MessageSecurityOverTcp:
        // the bootstrap's IssuedCookieLifetime = NegotiationTokenAuthenticator.defaultServerIssuedTransitionTokenLifetime)
        LocalServiceSecuritySettings d = LocalServiceSecuritySettings.defaults();
        SecurityBindingElement inner = oneShot.localServiceSettings(new LocalServiceSecuritySettings(d.detectReplays(),
                d.inactivityTimeout(), TRANSITION_TOKEN_LIFETIME, d.maxCachedCookies(), d.maxClockSkew(),
                d.maxPendingSessions(), d.maxStatefulNegotiations(), d.negotiationTimeout(),
                d.reconnectTransportOnFailure(), d.replayCacheSize(), d.replayWindow(), d.sessionKeyRenewalInterval(),
                d.sessionKeyRolloverInterval(), d.timestampValidityDuration())).build();
        return SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.SecureConversation)
                // over a transport bootstrap WCF's secure conversation is a TransportSecurityBindingElement whose
                // context token endorses with its own key (CreateSecureConversationBindingElement:
                // RequireDerivedKeys = false)
                .requireDerivedKeys(mode.family() != AuthenticationMode.Family.TRANSPORT)
                .requireSecurityContextCancellation(true)
                .defaultAlgorithmSuite(algorithmSuite)
                .messageSecurityVersion(version)
                .bootstrap(inner)
                .build();
    }

    private static AuthenticationMode overMessage(MessageCredentialType type, boolean negotiate) {
        switch (type) {
            case None: return negotiate ? AuthenticationMode.AnonymousForSslNegotiated
                    : AuthenticationMode.AnonymousForCertificate;
            case UserName: return negotiate ? AuthenticationMode.UserNameForSslNegotiated
                    : AuthenticationMode.UserNameForCertificate;
            case Certificate: return negotiate ? AuthenticationMode.MutualSslNegotiated
                    : AuthenticationMode.MutualCertificate;
            case IssuedToken: return negotiate ? AuthenticationMode.IssuedTokenForSslNegotiated
                    : AuthenticationMode.IssuedTokenForCertificate;
            default: return negotiate ? AuthenticationMode.SspiNegotiated : AuthenticationMode.Kerberos;
        }
    }

    private static AuthenticationMode overTransport(MessageCredentialType type, boolean negotiate) {
        switch (type) {
            // MessageSecurityOverHttp/MessageSecurityOverTcp.CreateSecurityBindingElement throw it for None
            case None: throw new BindingValidationException(WcfText.ClientCredentialTypeMustBeSpecifiedForMixedMode,
                    "clientCredentialType");
            case UserName: return AuthenticationMode.UserNameOverTransport;
            case Certificate: return AuthenticationMode.CertificateOverTransport;
            case IssuedToken: return AuthenticationMode.IssuedTokenOverTransport;
            default: return negotiate ? AuthenticationMode.SspiNegotiatedOverTransport
                    : AuthenticationMode.KerberosOverTransport;
        }
    }
}
