package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.RequestChannel;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.security.ExpectedServiceIdentity;
import io.github.wcf4j.runtime.security.KerberosCredentials;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * SSL or SSPI negotiation as the message protection itself: {@code authenticationMode}
 * {@code AnonymousForSslNegotiated}, {@code UserNameForSslNegotiated}, {@code MutualSslNegotiated} or
 * {@code SspiNegotiated} as the outer {@code <security>}, and {@code wsHttpBinding}'s {@code Message} security with
 * {@code negotiateServiceCredential="true"} and {@code establishSecurityContext="false"} (clientCredentialType
 * None/UserName/Certificate: TLSNEGO; Windows: SPNEGO). WCF builds these as a {@code SymmetricSecurityBindingElement}
 * whose protection token is an {@code SslSecurityTokenParameters} ({@code SecurityBindingElement
 * .CreateSslNegotiationBindingElement}, {@code CreateUserNameForSslBindingElement}) or an
 * {@code SspiSecurityTokenParameters} ({@code CreateSspiNegotiationBindingElement}): the TLSNEGO or SPNEGO exchange
 * ({@link NegotiationProtocol}) yields a security context token, and that token then secures every message directly,
 * with no {@code RST/SCT} and no session on top. Under SPNEGO the caller is the Kerberos client principal.
 *
 * <ul>
 * <li>A client channel negotiates before its first request, once, and keeps the token while
 * {@link SecureConversationProtocol#cached} allows (WCF's {@code IssuanceTokenProviderBase} caches a negotiated token
 * per channel's protocol); each request carries the token (included, {@code AlwaysToRecipient}), is signed and
 * encrypted with keys derived from its key and, under {@code UserNameForSslNegotiated}, carries the caller's
 * {@code UsernameToken} signed and encrypted (WCF's endpoint supporting token). The token is never cancelled: it
 * expires (WCF's {@code IssuanceTokenProviderBase.CancelTokenCore} only forgets it).</li>
 * <li>The service answers the negotiation's legs unsecured, then accepts requests secured with a token it
 * negotiated: kept for {@code issuedCookieLifetime} ({@code requireSecurityContextCancellation="true"}, the default
 * of the configured modes and of {@code wsHttpBinding}), or sealed in the token's cookie (false). The caller is the
 * one the handshake proved (the client's certificate under {@code MutualSslNegotiated}), else the request's user
 * name, else anonymous; replies name the token by its identifier.</li>
 * </ul>
 */
final class NegotiatedTokenProtocol implements SecurityProtocol {
    private final SecurityBindingElement element;
    private final NegotiationProtocol negotiation;
    private final Clock clock;

    /**
     * @param kerberos the Kerberos identity SPNEGO runs with ({@code SspiNegotiated}), when one is configured
     * @param windows the {@code <clientCredentials><windows>} and {@code <windowsAuthentication>} SPNEGO honours
     */
    NegotiatedTokenProtocol(SecurityBindingElement element, Clock clock, TextMessageEncoder encoder,
            ExpectedServiceIdentity identity, Optional<KerberosCredentials> kerberos, WindowsCredentials windows) {
        this.element = element;
        this.negotiation = NegotiationProtocol.of(element, clock, encoder, identity, kerberos, windows);
        this.clock = clock;
    }

    /** The SSL-negotiated outer modes, which need no Kerberos identity. */
    NegotiatedTokenProtocol(SecurityBindingElement element, Clock clock, TextMessageEncoder encoder,
            ExpectedServiceIdentity identity) {
        this(element, clock, encoder, identity, Optional.empty(), WindowsCredentials.defaults());
    }

    /**
     * Whether this protocol runs {@code e}: SSL or SSPI negotiation as the outer mode (under WS-Security 1.1 only,
     * which the layer's refusal of the other versions sees to).
     */
    static boolean runs(SecurityBindingElement e) {
        return NegotiationProtocol.runs(e.authenticationMode());
    }

    @Override
    public void checkClientCredentials(ClientCredentials credentials) {
        negotiation.checkClientCredentials(credentials);
    }

    @Override
    public void checkServiceCredentials(ServiceCredentials credentials) {
        negotiation.checkServiceCredentials(credentials);
    }

    @Override
    public ReplyVerification secureRequest(Message request, EndpointAddress to, ClientCredentials credentials) {
        throw new IllegalStateException("a negotiated token secures requests through its client channel");
    }

    @Override
    public ClientChannel clientChannel(RequestChannel inner, EndpointAddress to, ClientCredentials credentials) {
        return new NegotiatingClient(inner, to, credentials);
    }

    /** One client channel's negotiated token: negotiated before its first request, used until it is stale. */
    private final class NegotiatingClient implements ClientChannel {
        private final RequestChannel inner;
        private final EndpointAddress to;
        private final ClientCredentials credentials;
        private CompletableFuture<SecurityContext> token;

        NegotiatingClient(RequestChannel inner, EndpointAddress to, ClientCredentials credentials) {
            this.inner = inner;
            this.to = to;
            this.credentials = credentials;
        }

        @Override
        public CompletableFuture<ReplyVerification> secure(Message request, Duration timeout) {
            return token(request, timeout).thenApply(t -> negotiation.secureRequest(request, to, t, credentials));
        }

        private synchronized CompletableFuture<SecurityContext> token(Message request, Duration timeout) {
            boolean stale = token != null && token.isDone() && !token.isCompletedExceptionally()
                    && !SecureConversationProtocol.cached(token.join(), element.localClientSettings(),
                            clock.instant());
            if (token == null || token.isCompletedExceptionally() || stale) {
                token = negotiation.negotiate(m -> inner.request(m, timeout), to, credentials, request.version());
            }
            return token;
        }
    }

    @Override
    public VerifiedRequest verifyRequest(Message request, ServiceCredentials credentials) {
        if (negotiation.isLeg(request.headers().action())) {
            return negotiation.answeredLeg(request, credentials);
        }
        return negotiation.verifyRequest(request, credentials);
    }
}
