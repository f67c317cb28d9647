package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.binding.security.AuthenticationMode;
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
 * {@code authenticationMode="SspiNegotiatedOverTransport"}, and wsHttpBinding's {@code TransportWithMessageCredential}
 * with {@code clientCredentialType="Windows"} and {@code establishSecurityContext="false"}: WCF's
 * {@code CreateSspiNegotiationOverTransportBindingElement}, a {@code TransportSecurityBindingElement} whose endorsing
 * supporting token is an {@code SspiSecurityTokenParameters} without derived keys. A client channel runs the SPNEGO
 * negotiation once over the secure transport (the same unsecured {@code RST/Issue} legs as {@code SspiNegotiated},
 * {@link NegotiationProtocol}; no channel binding token, as wcf4j's {@code extendedProtectionPolicy} says), then
 * every request carries the negotiated token endorsing its timestamp with the token's own key
 * ({@link TransportContextHeader}); the service's replies carry a timestamp only. The caller is the Kerberos client
 * principal the negotiation proved. No replay detection, as WCF's over-transport factories.
 */
final class SspiOverTransportProtocol implements SecurityProtocol {
    private final SecurityBindingElement element;
    private final NegotiationProtocol negotiation;
    private final TransportSecurityProtocol transport;
    private final Clock clock;

    SspiOverTransportProtocol(SecurityBindingElement element, Clock clock, TextMessageEncoder encoder,
            ExpectedServiceIdentity identity, Optional<KerberosCredentials> kerberos, WindowsCredentials windows) {
        this.element = element;
        this.negotiation = NegotiationProtocol.of(element, clock, encoder, identity, kerberos, windows);
        this.transport = new TransportSecurityProtocol(element, clock);
        this.clock = clock;
    }

    /** Whether this protocol runs {@code e}. */
    static boolean runs(SecurityBindingElement e) {
        return e.authenticationMode() == AuthenticationMode.SspiNegotiatedOverTransport;
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
        return new ClientChannel() {
            private CompletableFuture<SecurityContext> token;

            @Override
            public CompletableFuture<ReplyVerification> secure(Message request, Duration timeout) {
                return token(request, timeout).thenApply(t -> negotiation.secureOverTransport(request, to, t,
                        transport));
            }

            private synchronized CompletableFuture<SecurityContext> token(Message request, Duration timeout) {
                boolean stale = token != null && token.isDone() && !token.isCompletedExceptionally()
                        && !SecureConversationProtocol.cached(token.join(), element.localClientSettings(),
                                clock.instant());
                if (token == null || token.isCompletedExceptionally() || stale) {
                    token = negotiation.negotiate(m -> inner.request(m, timeout), to, credentials,
                            request.version());
                }
                return token;
            }
        };
    }

    @Override
    public VerifiedRequest verifyRequest(Message request, ServiceCredentials credentials) {
        if (negotiation.isLeg(request.headers().action())) {
            return negotiation.answeredLeg(request, credentials);
        }
        return negotiation.verifyOverTransport(request, transport);
    }
}
