package io.github.wcf4j.runtime.security.message;

import static io.github.wcf4j.runtime.security.message.WsSecurityNames.SECURITY;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.LocalClientSecuritySettings;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.security.SecurityHeaderLayout;
import io.github.wcf4j.binding.security.SecurityKeyEntropyMode;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.RequestChannel;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.github.wcf4j.runtime.message.BufferedHeader;
import io.github.wcf4j.runtime.message.EnvelopeProtection;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.MessageHeader;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.metrics.EndpointMetrics;
import io.github.wcf4j.runtime.security.ExpectedServiceIdentity;
import io.github.wcf4j.runtime.security.KerberosCredentials;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code authenticationMode="SecureConversation"} in WCF's cookie mode ({@code requireSecurityContextCancellation=
 * "false"}, RS {@code CreateSecureConversationBindingElement(bootstrap, false)}) over an X.509 bootstrap
 * ({@code AnonymousForCertificate}, {@code UserNameForCertificate}, {@code MutualCertificate}):
 *
 * <ol>
 * <li>before a client channel's first request it asks for a security context token, {@code RST/SCT} with its entropy,
 * secured by the bootstrap ({@link SymmetricSecurityProtocol}); the service authenticates the caller as the bootstrap
 * does and answers {@code RSTR/SCT} itself: a token whose cookie seals the key, the lifetime
 * ({@code issuedCookieLifetime}) and the caller ({@link ContextCookies}), the key computed from both entropies;</li>
 * <li>every application request then carries that token and is signed and encrypted with keys derived from the
 * context's key; the service opens the cookie, so it keeps no state, and sees the caller the token was issued to;
 * replies name the context by its identifier.</li>
 * </ol>
 *
 * There is no session and nothing to cancel: a token lasts its lifetime. The outer element's suite, layout, timestamp
 * and version secure the application messages; the bootstrap's secure the token exchange. The same protocol serves
 * the security sessions ({@link SecuritySessionListener} and its channels), and a negotiated bootstrap
 * ({@link NegotiationProtocol}: TLSNEGO, or SPNEGO for {@code SspiNegotiated}) first negotiates the token that secures
 * the {@code RST/SCT}.
 */
final class SecureConversationProtocol implements SecurityProtocol {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecurityBindingElement element;
    /** The X.509 or Kerberos bootstrap's protocol; null when the bootstrap is negotiated. */
    private final SecurityProtocol bootstrap;
    /**
     * The transport bootstrap's protocol ({@code UserNameOverTransport}, {@code CertificateOverTransport}), also in
     * {@link #bootstrap}; null otherwise. With it the conversation is WCF's transport one: messages carry the context
     * token endorsing their timestamp ({@link TransportContextHeader}), the transport protects them.
     */
    private final TransportSecurityProtocol transport;
    /** The negotiated bootstrap's protocol (TLSNEGO, SPNEGO); null for an X.509 bootstrap. */
    private final NegotiationProtocol negotiation;
    private final SymmetricHeaderWriter.Settings settings;
    private final ContextTokenIssuance issuance;
    private final Clock clock;
    private final TextMessageEncoder encoder;
    private final ContextCookies cookies = new ContextCookies();
    private final Optional<ReplayCache> replays;
    private final MessageFreshness freshness;
    private final int keyBits;
    private final ContextRenewal renewal;
    /** Told each context token's issuance (the negotiation, if any, included), on either side. */
    private final EndpointMetrics metrics;
    /**
     * A client's negotiated bootstrap tokens by the identifier of the session context issued under them: a renew goes
     * under the same token while it may be cached (WCF's per-channel {@code IssuanceTokenProviderBase} cache), else a
     * new one is negotiated. Forgotten at the session's cancel, or once expired.
     */
    private final Map<String, SecurityContext> bootstrapTokens = new ConcurrentHashMap<>();

    SecureConversationProtocol(SecurityBindingElement element, Clock clock, TextMessageEncoder encoder,
            ExpectedServiceIdentity identity) {
        this(element, clock, encoder, identity, Optional.empty());
    }

    /** @param kerberos the Kerberos identity an SSPI-negotiated bootstrap runs with, when one is configured */
    SecureConversationProtocol(SecurityBindingElement element, Clock clock, TextMessageEncoder encoder,
            ExpectedServiceIdentity identity, Optional<KerberosCredentials> kerberos) {
        this(element, clock, encoder, identity, kerberos, WindowsCredentials.defaults(), EndpointMetrics.NONE);
    }

    /**
     * @param kerberos the Kerberos identity an SSPI-negotiated or Kerberos bootstrap runs with, when one is configured
     * @param windows  the client's {@code <clientCredentials><windows>}
     * @param metrics  told each security negotiation's outcome
     */
    SecureConversationProtocol(SecurityBindingElement element, Clock clock, TextMessageEncoder encoder,
            ExpectedServiceIdentity identity, Optional<KerberosCredentials> kerberos, WindowsCredentials windows,
            EndpointMetrics metrics) {
        this.metrics = metrics;
        this.element = element;
        SecurityBindingElement boot = element.secureConversationBootstrap().orElseThrow();
        // SspiNegotiatedOverTransport: negotiated (SPNEGO) and over a transport at once
        boolean sspiOverTransport = boot.authenticationMode() == AuthenticationMode.SspiNegotiatedOverTransport;
        boolean negotiated = NegotiationProtocol.runs(boot.authenticationMode()) || sspiOverTransport;
        this.transport = TransportSecurityProtocol.runs(boot.authenticationMode()) || sspiOverTransport
                ? new TransportSecurityProtocol(boot, clock) : null;
        this.bootstrap = negotiated ? null : transport != null ? transport
                : KerberosSecurityProtocol.runs(boot.authenticationMode())
                ? new KerberosSecurityProtocol(boot, clock, encoder, identity, kerberos, windows)
                : new SymmetricSecurityProtocol(boot, clock, encoder, identity);
        this.negotiation = negotiated ? NegotiationProtocol.of(boot, clock, encoder, identity, kerberos, windows)
                : null;
        AlgorithmSuite suite = AlgorithmSuite.forName(element.defaultAlgorithmSuite());
        this.settings = new SymmetricHeaderWriter.Settings(suite,
                SymmetricSecurityProtocol.secureConversationNamespace(element.messageSecurityVersion()),
                element.securityHeaderLayout()).protection(element);
        this.issuance = new ContextTokenIssuance(element.messageSecurityVersion());
        this.clock = clock;
        this.encoder = encoder;
        this.keyBits = suite.keyBits();
        var service = element.localServiceSettings();
        // no replay detection over a transport: CreateSecureConversationBindingElement sets DetectReplays=false there
        this.replays = transport != null ? Optional.empty() : MessageFreshness.replayCache(service, clock);
        this.freshness = new MessageFreshness(element.includeTimestamp(), clock);
        this.renewal = new ContextRenewal(this);
    }

    /**
     * Whether this protocol runs {@code e}: a secure conversation (cookie mode, or a security session with
     * {@link SecuritySessionChannels}) over a bootstrap the symmetric protocol runs.
     */
    static boolean runs(SecurityBindingElement e) {
        return e.authenticationMode() == AuthenticationMode.SecureConversation
                && e.secureConversationBootstrap().map(b -> (SymmetricSecurityProtocol.runs(b.authenticationMode())
                        || NegotiationProtocol.runs(b.authenticationMode())
                        || KerberosSecurityProtocol.runs(b.authenticationMode())
                        || TransportSecurityProtocol.runs(b.authenticationMode())
                        || b.authenticationMode() == AuthenticationMode.SspiNegotiatedOverTransport)
                        && SymmetricSecurityProtocol.runs(b.messageSecurityVersion())).orElse(false)
                && SymmetricSecurityProtocol.runs(e.messageSecurityVersion());
    }

    // ---- client

    @Override
    public void checkClientCredentials(ClientCredentials credentials) {
        if (negotiation != null) {
            negotiation.checkClientCredentials(credentials);
            return;
        }
        bootstrap.checkClientCredentials(credentials);
    }

    @Override
    public ClientChannel clientChannel(RequestChannel inner, EndpointAddress to, ClientCredentials credentials) {
        return new ContextClient(inner, to, credentials);
    }

    @Override
    public ReplyVerification secureRequest(Message request, EndpointAddress to, ClientCredentials credentials) {
        throw new IllegalStateException("a secure conversation secures requests through its client channel");
    }

    /** One client channel's context: obtained before its first request, used until it expires, then again. */
    private final class ContextClient implements ClientChannel {
        private final RequestChannel inner;
        private final EndpointAddress to;
        private final ClientCredentials credentials;
        private CompletableFuture<SecurityContext> context;

        ContextClient(RequestChannel inner, EndpointAddress to, ClientCredentials credentials) {
            this.inner = inner;
            this.to = to;
            this.credentials = credentials;
        }

        @Override
        public CompletableFuture<ReplyVerification> secure(Message request, Duration timeout) {
            return context(request, timeout).thenApply(c -> secureWithContext(request, c));
        }

        private synchronized CompletableFuture<SecurityContext> context(Message request, Duration timeout) {
            boolean stale = context != null && context.isDone() && !context.isCompletedExceptionally()
                    && !cached(context.join(), element.localClientSettings(), clock.instant());
            if (context == null || context.isCompletedExceptionally() || stale) {
                context = issue(request, timeout);
            }
            return context;
        }

        private CompletableFuture<SecurityContext> issue(Message application, Duration timeout) {
            return issueContext(inner, to, credentials, application.version(), timeout);
        }
    }

    /**
     * Whether a client may still use a token it obtained (a cookie-mode context, or a negotiated token) (WCF's
     * {@code IssuanceTokenProviderBase.IsServiceTokenTimeValid}, for its {@code AcceleratedTokenProvider} and its
     * negotiation providers alike): only with {@code cacheCookies}, and until {@code cookieRenewalThresholdPercentage}
     * of its lifetime or {@code maxCookieCachingTime} from its start, whichever comes first; then a new one is obtained
     * (such tokens are never renewed: no RST/SCT/Renew).
     */
    static boolean cached(SecurityContext c, LocalClientSecuritySettings settings, Instant now) {
        if (!settings.cacheCookies()) {
            return false;
        }
        if (c.expires().equals(Instant.MAX) || c.validFrom() == null || c.expires().isBefore(c.validFrom())) {
            return now.isBefore(c.expires());
        }
        Duration lifetime = Duration.between(c.validFrom(), c.expires());
        Instant byThreshold = c.validFrom().plus(lifetime.multipliedBy(settings.cookieRenewalThresholdPercentage())
                .dividedBy(100));
        Instant byCaching = settings.maxCookieCachingTime().compareTo(lifetime) >= 0 ? c.expires()
                : c.validFrom().plus(settings.maxCookieCachingTime());
        return !now.isAfter(byThreshold.isBefore(byCaching) ? byThreshold : byCaching);
    }

    /** Asks the service over {@code inner} for a context token, the request secured by the bootstrap. */
    CompletableFuture<SecurityContext> issueContext(RequestChannel inner, EndpointAddress to,
            ClientCredentials credentials, MessageVersion version, Duration timeout) {
        return issueContext(m -> inner.request(m, timeout), to, credentials, version);
    }

    /** As {@link #issueContext(RequestChannel, EndpointAddress, ClientCredentials, MessageVersion, Duration)}, over any
     * {@code exchange} of a request for its reply (a duplex channel's correlation). */
    CompletableFuture<SecurityContext> issueContext(Function<Message, CompletableFuture<Message>> exchange,
            EndpointAddress to, ClientCredentials credentials, MessageVersion version) {
        return requestIssuance(exchange, to, credentials, version)
                .whenComplete((issued, failed) -> metrics.securityNegotiation(failed == null));
    }

    private CompletableFuture<SecurityContext> requestIssuance(Function<Message, CompletableFuture<Message>> exchange,
            EndpointAddress to, ClientCredentials credentials, MessageVersion version) {
        Optional<byte[]> entropy = Optional.empty();
        if (element.keyEntropyMode() != SecurityKeyEntropyMode.ServerEntropy) {
            byte[] e = new byte[keyBits / 8];
            RANDOM.nextBytes(e);
            entropy = Optional.of(e);
        }
        Optional<byte[]> sent = entropy;
        Message rst = Message.create(version, issuance.requestAction(),
                new XmlFragment(issuance.request(entropy, keyBits)));
        rst.headers().messageId("urn:uuid:" + UUID.randomUUID());
        if (negotiation != null) {
            // TLSNEGO or SPNEGO first; the RST/SCT is then protected by the negotiated token
            return negotiation.negotiate(exchange, to, credentials, version).thenCompose(token ->
                    requestContext(exchange, rst, transport != null
                            ? negotiation.secureOverTransport(rst, to, token, transport)
                            : negotiation.secureRequest(rst, to, token, credentials), sent)
                            .thenApply(issued -> keepBootstrapToken(issued, token)));
        }
        ReplyVerification verification;
        try {
            verification = bootstrap.secureRequest(rst, to, credentials);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return requestContext(exchange, rst, verification, sent);
    }

    /** Keeps a session's negotiated bootstrap {@code token}, under which its renewals go. */
    private SecurityContext keepBootstrapToken(SecurityContext issued, SecurityContext token) {
        if (!cookieMode()) {
            Instant now = clock.instant();
            bootstrapTokens.values().removeIf(t -> !now.isBefore(t.expires()));
            bootstrapTokens.put(issued.contextId(), token);
        }
        return issued;
    }

    /** Sends the secured {@code rst} and reads the context its reply issues. */
    private CompletableFuture<SecurityContext> requestContext(Function<Message, CompletableFuture<Message>> exchange,
            Message rst, ReplyVerification verification, Optional<byte[]> sent) {
        return exchange.apply(rst).thenApply(reply -> {
            Message rstr = verification.verify(reply);
            if (rstr == null) {
                throw new MessageSecurityException("The service did not answer the security token request.");
            }
            if (rstr.isFault()) {
                throw new MessageSecurityException("The security token request was refused: "
                        + rstr.fault().orElseThrow().reason(), new SecurityFaultException(rstr.fault().get()));
            }
            return issuance.readResponse(DomXml.parse(rstr.body().xml()), sent, keyBits);
        });
    }

    /** Cancels {@code context} over {@code inner} (a session's close), the request secured by the context. */
    CompletableFuture<Void> cancelContext(RequestChannel inner, SecurityContext context, MessageVersion version,
            Duration timeout) {
        return cancelContext(m -> inner.request(m, timeout), inner.remoteAddress(), context, version);
    }

    /** As {@link #cancelContext(RequestChannel, SecurityContext, MessageVersion, Duration)}, over any {@code exchange}. */
    CompletableFuture<Void> cancelContext(Function<Message, CompletableFuture<Message>> exchange, EndpointAddress to,
            SecurityContext context, MessageVersion version) {
        Message cancel = Message.create(version, issuance.cancelAction(),
                new XmlFragment(issuance.cancel(context.contextId())));
        cancel.headers().messageId("urn:uuid:" + UUID.randomUUID());
        cancel.headers().to(to);
        ReplyVerification verification = secureWithContext(cancel, context);
        bootstrapTokens.remove(context.contextId());
        return exchange.apply(cancel).thenAccept(reply -> {
            Message answer = verification.verify(reply);
            if (answer == null || answer.isFault() || !issuance.isCancelled(DomXml.parse(answer.body().xml()))) {
                throw new MessageSecurityException("The service did not cancel the security context token.");
            }
        });
    }

    ReplyVerification secureWithContext(Message request, SecurityContext context) {
        EndpointAddress to = request.headers().to();
        Optional<SecurityTimestamp> ts = freshness.issue(element.localClientSettings().timestampValidityDuration());
        // WCF signs a cancel and encrypts nothing of it (SecuritySessionClientSettings: CloseAction NoParts), nor of
        // a WS-RM protocol message (ReliableSessionBindingElement.ProtectProtocolMessage)
        if (transport != null) {
            request.properties().put(EnvelopeProtection.class, SecurityHeaderProtection.writing(doc ->
                    TransportContextHeader.write(doc, element.securityHeaderLayout(), settings.suite(),
                            settings.scNamespace(), ts, context.tokenXml(), context.key())));
            return reply -> verifyReply(reply, context);
        }
        boolean encrypt = !signedOnly(request);
        request.properties().put(EnvelopeProtection.class, SecurityHeaderProtection.writing(doc -> {
            SymmetricHeaderWriter.writeWithContext(doc, settings, ts, context.key(), context.contextId(),
                    Optional.of(context.tokenXml()), encrypt);
        }));
        return reply -> verifyReply(reply, context);
    }

    /** Verifies a message the service sent in {@code context} (a reply, or any message of a duplex session). */
    Message verifyReply(Message reply, SecurityContext context) {
        return verifyReply(reply, (contextId, instance) -> {
            if (!contextId.equals(context.contextId()) || !instance.equals(context.instance())) {
                throw new MessageSecurityException("The reply is not secured with this channel's security context.");
            }
            return context.key();
        });
    }

    /** The key of a context's generation as the client holds it. */
    @FunctionalInterface
    interface ClientKeyLookup {
        /**
         * The key of generation {@code instance} of the context {@code contextId}.
         *
         * @throws MessageSecurityException when the client holds no such key
         */
        byte[] keyOf(String contextId, Optional<String> instance);
    }

    Message verifyReply(Message reply, ClientKeyLookup keys) {
        if (reply == null) {
            return null;
        }
        if (transport != null) {
            // the service's messages carry a timestamp only; the transport authenticated the service
            transport.verifyReply(reply);
            return reply;
        }
        if (reply.headers().count(SECURITY) == 0) {
            if (element.enableUnsecuredResponse()) {
                return reply;
            }
            if (reply.isFault()) {
                throw new MessageSecurityException(WcfText.UnsecuredMessageFaultReceived.format(),
                        new SecurityFaultException(reply.fault().orElseThrow()));
            }
            throw new MessageSecurityException(WcfText.UnableToFindSecurityHeaderInMessage.format(""));
        }
        Document doc = SymmetricSecurityProtocol.envelope(reply);
        SymmetricHeaderReader.Received r = SymmetricHeaderReader.readWithContext(doc, settings,
                signedOnly(reply), new SymmetricHeaderReader.ContextKeys() {
                    @Override
                    public byte[] keyOf(Element securityContextToken) {
                        throw new MessageSecurityException("A reply does not carry the security context token.");
                    }

                    @Override
                    public byte[] keyOf(String contextId) {
                        return keys.keyOf(contextId, Optional.empty());
                    }

                    @Override
                    public byte[] keyOf(String contextId, Optional<String> instance) {
                        return keys.keyOf(contextId, instance);
                    }
                });
        freshness.check(r.timestamp(), element.localClientSettings().replayWindow(), element.localClientSettings().maxClockSkew());
        return SymmetricSecurityProtocol.decrypted(encoder, doc, reply);
    }

    // ---- service

    @Override
    public void checkServiceCredentials(ServiceCredentials credentials) {
        if (negotiation != null) {
            negotiation.checkServiceCredentials(credentials);
            return;
        }
        bootstrap.checkServiceCredentials(credentials);
    }

    /** Whether {@code action} is a leg of the bootstrap's negotiation (TLSNEGO, SPNEGO), answered unsecured. */
    boolean isNegotiationLeg(String action) {
        return negotiation != null && negotiation.isLeg(action);
    }

    /**
     * The unsecured answer to a leg of the bootstrap's negotiation.
     *
     * @throws MessageSecurityException when the leg is refused
     */
    Message answerNegotiationLeg(Message leg, ServiceCredentials credentials) {
        return negotiation.answerLeg(leg, credentials);
    }

    @Override
    public VerifiedRequest verifyRequest(Message request, ServiceCredentials credentials) {
        if (isNegotiationLeg(request.headers().action())) {
            return negotiation.answeredLeg(request, credentials);
        }
        if (issuance.requestAction().equals(request.headers().action())) {
            return issueContext(request, credentials).answer();
        }
        return verifyWithContext(request, token -> {
            String contextId = identifier(token);
            Element cookie = DomXml.children(token).stream()
                    .filter(c -> ContextTokenIssuance.COOKIE_NS.equals(c.getNamespaceURI())
                            && "Cookie".equals(c.getLocalName())).findFirst()
                    .orElseThrow(() -> new MessageSecurityException("The security context token '" + contextId
                            + "' has no cookie, and this service keeps no sessions."));
            ContextCookies.State state = cookies.open(DerivedKeyToken.base64(cookie.getTextContent().strip()),
                    contextId, clock.instant());
            return new ServiceContext(state.contextId(), state.key(), state.caller(), state.expires());
        });
    }

    /**
     * A context as the service knows it: from the cookie, or from its session; {@code expires} is the end of the
     * key's life (in a session, after {@code sessionKeyRenewalInterval}: WCF's {@code KeyExpirationTime}), and
     * {@code instance} the key's generation (empty for the key issued first).
     */
    record ServiceContext(String contextId, byte[] key, ServiceSecurityContext caller, Instant expires,
            Optional<String> instance) {
        ServiceContext(String contextId, byte[] key, ServiceSecurityContext caller, Instant expires) {
            this(contextId, key, caller, expires, Optional.empty());
        }
    }

    /** Finds the context of the token a request carries. */
    @FunctionalInterface
    interface ContextLookup {
        /**
         * The context of {@code token}.
         *
         * @throws MessageSecurityException when this service does not know it
         */
        ServiceContext find(Element token);
    }

    /**
     * Whether {@code message} is a cancel or its response, which WCF signs only and accepts unencrypted
     * ({@code SecuritySessionServerSettings}/{@code SecuritySessionClientSettings}: {@code IncomingEncryptionParts}
     * {@code NoParts} for the {@code CloseAction} and {@code CloseResponseAction}).
     */
    private boolean signedOnly(Message message) {
        String action = message.headers().action();
        return issuance.cancelAction().equals(action) || issuance.cancelResponseAction().equals(action)
                || reliableMessagingProtocol(action);
    }

    /**
     * Whether {@code action} is a WS-RM protocol message's (February 2005 or 1.1), whose body WCF signs and does not
     * encrypt ({@code ReliableSessionBindingElement.ProtectProtocolMessage}: signature {@code BodyOnly}, encryption
     * {@code NoParts}); Metro sends them so, CreateSequence with its reference to the context in the clear.
     */
    static boolean reliableMessagingProtocol(String action) {
        return action != null && (action.startsWith("http://schemas.xmlsoap.org/ws/2005/02/rm/")
                || action.startsWith("http://docs.oasis-open.org/ws-rx/wsrm/200702/"));
    }

    /** The key generation ({@code c:Instance}) a context token names; empty for the key issued first. */
    Optional<String> instance(Element token) {
        return DomXml.children(token).stream().filter(c -> settings.scNamespace().equals(c.getNamespaceURI())
                && "Instance".equals(c.getLocalName())).findFirst().map(c -> c.getTextContent().strip());
    }

    /** The {@code c:Identifier} of a context token. */
    /**
     * The identifiers of the context tokens a request's security header carries, by which WCF routes it to a session
     * before any cryptography ({@code SecuritySessionFilter}): under the {@code Strict} layout only the first counts.
     */
    List<String> contextIds(Message request) {
        Optional<MessageHeader> header = request.headers().find(SECURITY);
        if (header.isEmpty() || !(header.get() instanceof BufferedHeader received)) {
            return List.of();
        }
        List<String> ids = issuance.contextIds(DomXml.parse(received.xml().xml()));
        // WCF's session filter excludes the renewal (it goes to the token authenticator, which finds the session by
        // the endorsing token), so a renewal under a negotiated bootstrap, whose first token is the negotiated one,
        // is routed by any of its tokens
        boolean renewal = issuance.renewAction().equals(request.headers().action());
        return element.securityHeaderLayout() == SecurityHeaderLayout.Strict && ids.size() > 1 && !renewal
                ? ids.subList(0, 1) : ids;
    }

    String identifier(Element token) {
        return DomXml.children(token).stream().filter(c -> "Identifier".equals(c.getLocalName())).findFirst()
                .map(c -> c.getTextContent().strip()).orElse("");
    }

    /**
     * Verifies a request secured with the context of the token it carries ({@code lookup}); its caller is the
     * context's, and its reply is secured with the context.
     */
    VerifiedRequest verifyWithContext(Message request, ContextLookup lookup) {
        if (request.headers().count(SECURITY) == 0) {
            throw new MessageSecurityException(WcfText.UnableToFindSecurityHeaderInMessage.format(""));
        }
        if (transport != null) {
            return verifyOverTransport(request, lookup);
        }
        Document doc = SymmetricSecurityProtocol.envelope(request);
        ServiceContext[] found = new ServiceContext[1];
        SymmetricHeaderReader.Received r = SymmetricHeaderReader.readWithContext(doc, settings,
                signedOnly(request), true, new SymmetricHeaderReader.ContextKeys() {
                    @Override
                    public byte[] keyOf(Element token) {
                        found[0] = lookup.find(token);
                        return found[0].key();
                    }

                    @Override
                    public byte[] keyOf(String contextId) {
                        throw new MessageSecurityException("A request must carry its security context token.");
                    }
                });
        if (found[0] == null) {
            throw new MessageSecurityException("A request must carry its security context token.");
        }
        freshness.check(r.timestamp(), element.localServiceSettings().replayWindow(),
                element.localServiceSettings().maxClockSkew());
        replays.ifPresent(cache -> cache.check(r.signatureValue()));
        Message decrypted = SymmetricSecurityProtocol.decrypted(encoder, doc, request);
        ServiceContext context = found[0];
        decrypted.properties().put(ServiceSecurityContext.class, context.caller());
        return VerifiedRequest.of(decrypted, reply -> secureForClient(reply, context));
    }

    /** {@link #verifyWithContext} over a transport: the token's key must have signed the timestamp. */
    private VerifiedRequest verifyOverTransport(Message request, ContextLookup lookup) {
        if (request.headers().count(SECURITY) > 1) {
            throw new MessageSecurityException("The message has more than one security header for the same actor.");
        }
        Element envelope = SymmetricSecurityProtocol.envelope(request).getDocumentElement();
        Element security = SymmetricHeaderWriter.child(envelope, envelope.getNamespaceURI(), "Header")
                .flatMap(h -> SymmetricHeaderWriter.child(h, SECURITY.getNamespaceURI(), SECURITY.getLocalPart()))
                .orElseThrow(() -> new MessageSecurityException(
                        WcfText.UnableToFindSecurityHeaderInMessage.format("")));
        ServiceContext[] found = new ServiceContext[1];
        TransportContextHeader.Received r = TransportContextHeader.read(security, settings.suite(),
                settings.scNamespace(), token -> {
                    found[0] = lookup.find(token);
                    return found[0].key();
                });
        freshness.check(r.timestamp(), element.localServiceSettings().replayWindow(),
                element.localServiceSettings().maxClockSkew());
        ServiceContext context = found[0];
        request.headers().understood(SECURITY);
        request.properties().put(ServiceSecurityContext.class, context.caller());
        return VerifiedRequest.of(request, reply -> secureForClient(reply, context));
    }

    /** Secures a message the service sends in {@code context}: keys derived from it, the context named by id. */
    void secureForClient(Message m, ServiceContext context) {
        if (transport != null) {
            transport.secureReply(m);
            return;
        }
        Optional<SecurityTimestamp> ts = freshness.issue(element.localServiceSettings().timestampValidityDuration());
        m.headers().remove(SECURITY);
        // the cancel's response is signed only, as WCF's (SecuritySessionServerSettings: NoParts encrypted)
        boolean encrypt = !signedOnly(m);
        m.properties().put(EnvelopeProtection.class, SecurityHeaderProtection.writing(out -> {
            SymmetricHeaderWriter.writeWithContext(out, settings, ts, context.key(), context.contextId(),
                    context.instance(), Optional.empty(), encrypt, Optional.empty());
        }));
    }

    /** A context issued for a token request, and the verified request with its answer (the RSTR). */
    record Issued(VerifiedRequest answer, ServiceContext context) {
    }

    /**
     * A token request: authenticated by the bootstrap, answered with a new context for its caller; in cookie mode
     * the token's cookie holds the context, in a session the caller keeps it ({@link #cookieMode()}).
     */
    Issued issueContext(Message request, ServiceCredentials credentials) {
        try {
            Issued issued = answerIssuance(request, credentials);
            metrics.securityNegotiation(true);
            return issued;
        } catch (RuntimeException refused) {
            metrics.securityNegotiation(false);
            throw refused;
        }
    }

    private Issued answerIssuance(Message request, ServiceCredentials credentials) {
        VerifiedRequest verified = negotiation != null ? transport != null
                ? negotiation.verifyOverTransport(request, transport) : negotiation.verifyRequest(request, credentials)
                : bootstrap.verifyRequest(request, credentials);
        Message rst = verified.request();
        ContextTokenIssuance.Request asked = issuance.readRequest(DomXml.parse(rst.body().xml()));
        if (asked.renewTarget().isPresent()) {
            throw new MessageSecurityException("A renewal must be sent with the RST/SCT/Renew action.");
        }
        Keyed keyed = issueKey(asked);
        byte[] key = keyed.key();
        ContextTokenIssuance.Proof proof = keyed.proof();
        Instant created = clock.instant();
        // a session's token lives on; its key expires after the service's sessionKeyRenewalInterval, the lifetime
        // the RSTR states (SecuritySessionSecurityTokenAuthenticator.IssueToken: SetLifetime(keyEffectiveTime,
        // keyExpirationTime), SessionTokenLifetime infinite); a cookie's token lives issuedCookieLifetime
        Instant expires = created.plus(cookieMode() ? element.localServiceSettings().issuedCookieLifetime()
                : element.localServiceSettings().sessionKeyRenewalInterval());
        String contextId = "urn:uuid:" + UUID.randomUUID();
        String tokenId = "uuid-" + UUID.randomUUID() + "-1";
        ServiceSecurityContext caller = rst.properties().get(ServiceSecurityContext.class)
                .orElse(ServiceSecurityContext.anonymous());
        String token = cookieMode()
                ? issuance.token(tokenId, contextId, cookies.seal(new ContextCookies.State(contextId, key, created,
                        expires, caller)))
                : issuance.sessionToken(tokenId, contextId);
        Message rstr = Message.create(request.version(), issuance.responseAction(), new XmlFragment(
                issuance.response(token, tokenId, contextId, proof, created, expires, keyBits)));
        if (request.headers().messageId() != null) {
            rstr.headers().relatesTo(request.headers().messageId());
        }
        return new Issued(new VerifiedRequest() {
            @Override
            public Message request() {
                return rst;
            }

            @Override
            public void secureReply(Message reply) {
                verified.secureReply(reply);
            }

            @Override
            public Optional<Message> answer() {
                return Optional.of(rstr);
            }
        }, new ServiceContext(contextId, key, caller, expires));
    }

    /** A key issued for a token request and how it reaches the client. */
    record Keyed(byte[] key, ContextTokenIssuance.Proof proof) {
    }

    /** The key for a token request or renewal ({@code asked}), as the service's {@code keyEntropyMode} makes it. */
    Keyed issueKey(ContextTokenIssuance.Request asked) {
        int bits = asked.keyBits() > 0 ? asked.keyBits() : keyBits;
        if (bits != keyBits) {
            throw new MessageSecurityException("The requested key size " + bits + " is not the suite's " + keyBits
                    + ".");
        }
        byte[] key;
        ContextTokenIssuance.Proof proof;
        switch (element.keyEntropyMode()) {
            case ServerEntropy -> {
                key = new byte[keyBits / 8];
                RANDOM.nextBytes(key);
                proof = new ContextTokenIssuance.Proof.Secret(key);
            }
            case ClientEntropy -> {
                key = asked.entropy().orElseThrow(() -> new MessageSecurityException(
                        "The security token request has no entropy, which keyEntropyMode ClientEntropy needs."));
                if (key.length * 8 != keyBits) {
                    throw new MessageSecurityException("The client's entropy is not the suite's key size.");
                }
                proof = new ContextTokenIssuance.Proof.None();
            }
            default -> {
                byte[] clientEntropy = asked.entropy().orElseThrow(() -> new MessageSecurityException(
                        "The security token request has no entropy, which keyEntropyMode CombinedEntropy needs."));
                byte[] serverEntropy = new byte[keyBits / 8];
                RANDOM.nextBytes(serverEntropy);
                key = ContextTokenIssuance.computedKey(clientEntropy, serverEntropy, keyBits);
                proof = new ContextTokenIssuance.Proof.Computed(serverEntropy);
            }
        }
        return new Keyed(key, proof);
    }

    /** The client's entropy for a token request or renewal, when its {@code keyEntropyMode} contributes some. */
    Optional<byte[]> clientEntropy() {
        if (element.keyEntropyMode() == SecurityKeyEntropyMode.ServerEntropy) {
            return Optional.empty();
        }
        byte[] e = new byte[keyBits / 8];
        RANDOM.nextBytes(e);
        return Optional.of(e);
    }

    /**
     * Secures a renew request WCF's way ({@code SecuritySessionSecurityTokenProvider.CreateRenewRequest}): by the
     * bootstrap, endorsed by the session's {@code current} token (included, a key derived from it signing the primary
     * signature). Over an X.509 bootstrap the request carries a new key wrapped to the service (and MutualCertificate's
     * endorsing certificate before the session token's), over Kerberos a new ticket, over a negotiated bootstrap the
     * token negotiated for the session while it may be cached, else one negotiated again over {@code exchange} first.
     */
    CompletableFuture<ReplyVerification> secureRenewWithBootstrap(
            Function<Message, CompletableFuture<Message>> exchange, Message renew, EndpointAddress to,
            ClientCredentials credentials, SecurityContext current) {
        Optional<SymmetricHeaderWriter.ContextEndorsement> endorsement = Optional.of(
                new SymmetricHeaderWriter.ContextEndorsement(current.tokenXml(), current.key()));
        try {
            if (transport != null && negotiation == null) {
                // over a transport the current token endorses the bootstrap's header with its key itself
                transport.secureRenew(renew, credentials, settings.suite(), settings.scNamespace(),
                        current.tokenXml(), current.key());
                return CompletableFuture.completedFuture(reply -> {
                    transport.verifyReply(reply);
                    return reply;
                });
            }
            if (negotiation != null) {
                SecurityContext kept = bootstrapTokens.get(current.contextId());
                CompletableFuture<SecurityContext> token = kept != null
                        && cached(kept, element.localClientSettings(), clock.instant())
                        ? CompletableFuture.completedFuture(kept)
                        : negotiation.negotiate(exchange, to, credentials, renew.version()).thenApply(t -> {
                            bootstrapTokens.put(current.contextId(), t);
                            return t;
                        });
                if (transport != null) {
                    // SspiNegotiatedOverTransport: the negotiated token endorses first, then the session's
                    return token.thenApply(t -> {
                        ReplyVerification v = negotiation.secureOverTransport(renew, to, t, transport);
                        TransportSecurityProtocol.endorseWithContext(renew, settings.suite(), settings.scNamespace(),
                                current.tokenXml(), current.key());
                        return v;
                    });
                }
                return token.thenApply(t -> negotiation.secureRequest(renew, to, t, credentials, endorsement));
            }
            if (bootstrap instanceof KerberosSecurityProtocol kerberos) {
                return CompletableFuture.completedFuture(kerberos.secureRequest(renew, to, credentials, endorsement));
            }
            return CompletableFuture.completedFuture(((SymmetricSecurityProtocol) bootstrap).secureRequest(renew, to,
                    credentials, endorsement));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Verifies a renew request secured WCF's way: by the bootstrap (its caller authenticated as the bootstrap does),
     * endorsed by the session token {@code lookup} finds; its reply is secured by the bootstrap.
     */
    VerifiedRequest verifyRenewWithBootstrap(Message request, ServiceCredentials credentials, ContextLookup lookup) {
        SymmetricHeaderReader.ContextKeys session = new SymmetricHeaderReader.ContextKeys() {
            @Override
            public byte[] keyOf(Element token) {
                return lookup.find(token).key();
            }

            @Override
            public byte[] keyOf(String contextId) {
                throw new MessageSecurityException("A renew request must carry its security context token.");
            }
        };
        if (transport != null) {
            java.util.function.Function<Element, byte[]> keys = token -> lookup.find(token).key();
            return negotiation == null
                    ? transport.verifyRenew(request, credentials, settings.suite(), settings.scNamespace(), keys)
                    : negotiation.verifyRenewOverTransport(request, transport, keys);
        }
        if (negotiation != null) {
            return negotiation.verifyRequest(request, credentials, session);
        }
        if (bootstrap instanceof KerberosSecurityProtocol kerberos) {
            return kerberos.verifyRequest(request, credentials, session);
        }
        return ((SymmetricSecurityProtocol) bootstrap).verifyRequest(request, credentials, session);
    }

    /** Key renewal in this protocol's security sessions. */
    ContextRenewal renewal() {
        return renewal;
    }

    int keyBits() {
        return keyBits;
    }

    SecurityBindingElement element() {
        return element;
    }

    Clock clock() {
        return clock;
    }

    /** Whether contexts live in their tokens' cookies ({@code requireSecurityContextCancellation="false"}). */
    boolean cookieMode() {
        return !element.requireSecurityContextCancellation();
    }

    ContextTokenIssuance issuance() {
        return issuance;
    }

    // ---- both
}
