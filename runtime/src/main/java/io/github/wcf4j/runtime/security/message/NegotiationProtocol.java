package io.github.wcf4j.runtime.security.message;

import static io.github.wcf4j.runtime.security.message.WsSecurityNames.SECURITY;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.github.wcf4j.runtime.message.EnvelopeProtection;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.MessageFault;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.security.ExpectedServiceIdentity;
import io.github.wcf4j.runtime.security.KerberosCredentials;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
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
 * The negotiated bootstraps of a secure conversation: before the outer {@code RST/SCT} the client runs a handshake
 * with the service, its {@link NegotiationMechanism}'s (TLS for WCF's {@code SslSecurityTokenParameters}, TLSNEGO:
 * {@code AnonymousForSslNegotiated}, {@code UserNameForSslNegotiated}, {@code MutualSslNegotiated}; SPNEGO over
 * Kerberos
 * for {@code SspiSecurityTokenParameters}: {@code SspiNegotiated}), carried in unsecured WS-Trust legs
 * ({@link NegotiationMessages}); on the last leg the service issues a security context token whose key travels
 * wrapped by the handshake, and proves the exchange with its authenticator. The {@code RST/SCT} is then secured with
 * that negotiated token as a symmetric protection token (included, derived keys, body signed and encrypted), and under
 * {@code UserNameForSslNegotiated} carries the caller's {@code UsernameToken}, signed and encrypted; the service
 * answers it secured with the same token. The caller of the negotiated token, and of the context issued under it, is
 * the one the handshake proved (the client's certificate under {@code MutualSslNegotiated}, the Kerberos client
 * principal under {@code SspiNegotiated}), else the user name, else anonymous.
 *
 * <p>The service keeps a negotiation's state between legs (at most {@code maxStatefulNegotiations}, each for
 * {@code negotiationTimeout}) and each negotiated token for the bootstrap's {@code issuedCookieLifetime}: a
 * session-mode bootstrap token, never cancelled, it expires.
 */
final class NegotiationProtocol {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_LEGS = 8;

    private final SecurityBindingElement element;
    private final SymmetricHeaderWriter.Settings settings;
    private final NegotiationMechanism mechanism;
    private final NegotiationMessages messages;
    private final ContextTokenIssuance issuance;
    private final Clock clock;
    private final TextMessageEncoder encoder;
    private final int keyBits;
    private final Optional<ReplayCache> replays;
    private final MessageFreshness freshness;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Negotiated> negotiated = new ConcurrentHashMap<>();
    private final ContextCookies cookies = new ContextCookies();

    NegotiationProtocol(SecurityBindingElement element, NegotiationMechanism mechanism, Clock clock,
            TextMessageEncoder encoder) {
        this.element = element;
        this.mechanism = mechanism;
        AlgorithmSuite suite = AlgorithmSuite.forName(element.defaultAlgorithmSuite());
        this.settings = new SymmetricHeaderWriter.Settings(suite,
                SymmetricSecurityProtocol.secureConversationNamespace(element.messageSecurityVersion()),
                element.securityHeaderLayout(),
                TransportSecurityProtocol.basicSecurityProfile(element.messageSecurityVersion())).protection(element);
        this.messages = new NegotiationMessages(element.messageSecurityVersion(), mechanism.profile());
        this.issuance = new ContextTokenIssuance(element.messageSecurityVersion());
        this.clock = clock;
        this.encoder = encoder;
        this.keyBits = suite.keyBits();
        var service = element.localServiceSettings();
        this.replays = MessageFreshness.replayCache(service, clock);
        this.freshness = new MessageFreshness(element.includeTimestamp(), clock);
    }

    /** The bootstrap modes this protocol runs. */
    static boolean runs(AuthenticationMode mode) {
        return SslNegotiation.runs(mode) || SspiNegotiation.runs(mode);
    }

    /**
     * The protocol of the negotiated bootstrap {@code element}.
     *
     * @param kerberos the Kerberos identity SPNEGO runs with, when one is configured
     */
    static NegotiationProtocol of(SecurityBindingElement element, Clock clock, TextMessageEncoder encoder,
            ExpectedServiceIdentity identity, Optional<KerberosCredentials> kerberos) {
        return of(element, clock, encoder, identity, kerberos, WindowsCredentials.defaults());
    }

    /** As {@link #of(SecurityBindingElement, Clock, TextMessageEncoder, ExpectedServiceIdentity, Optional)}, with the
     * client's {@code <clientCredentials><windows>} (SPNEGO's impersonation level). */
    static NegotiationProtocol of(SecurityBindingElement element, Clock clock, TextMessageEncoder encoder,
            ExpectedServiceIdentity identity, Optional<KerberosCredentials> kerberos, WindowsCredentials windows) {
        NegotiationMechanism mechanism = SspiNegotiation.runs(element.authenticationMode())
                || element.authenticationMode() == AuthenticationMode.SspiNegotiatedOverTransport
                ? new SspiNegotiation(identity, kerberos, windows)
                : new SslNegotiation(element.authenticationMode(), identity);
        return new NegotiationProtocol(element, mechanism, clock, encoder);
    }

    // ---- client

    void checkClientCredentials(ClientCredentials credentials) {
        mechanism.checkClientCredentials(credentials);
    }

    /** The client's negotiation over {@code exchange}: its state between legs. */
    private final class ClientNegotiation {
        final String context = "uuid-" + UUID.randomUUID() + "-1";
        final NegotiationMessages.Digest digest = new NegotiationMessages.Digest();
        final NegotiationHandshake handshake;
        final Function<Message, CompletableFuture<Message>> exchange;
        final EndpointAddress to;
        final MessageVersion version;
        int legs;

        ClientNegotiation(Function<Message, CompletableFuture<Message>> exchange, EndpointAddress to,
                ClientCredentials credentials, MessageVersion version) {
            this.exchange = exchange;
            this.to = to;
            this.version = version;
            this.handshake = mechanism.initiator(to, credentials);
        }

        CompletableFuture<SecurityContext> send(String body, String action) {
            if (++legs > MAX_LEGS) {
                throw new MessageSecurityException("The " + mechanism.profile().name() + " negotiation did not end"
                        + " within " + MAX_LEGS + " legs.");
            }
            digest.add(DomXml.parse(body));
            Message leg = Message.create(version, action, new XmlFragment(body));
            leg.headers().messageId("urn:uuid:" + UUID.randomUUID());
            leg.headers().to(to);
            return exchange.apply(leg).thenCompose(this::received);
        }

        private CompletableFuture<SecurityContext> received(Message reply) {
            if (reply == null) {
                throw new MessageSecurityException("The service did not answer the " + mechanism.profile().name()
                        + " negotiation.");
            }
            if (reply.isFault()) {
                // SspiNegotiationTokenProvider.GetNextOutgoingMessageBody: FailedAuthentication is the caller's
                MessageFault fault = reply.fault().orElseThrow();
                boolean failedAuthentication = fault.subcode().map(WsSecurityNames.FAILED_AUTHENTICATION::equals)
                        .orElse(false);
                throw new MessageSecurityException((failedAuthentication ? WcfText.AuthenticationOfClientFailed
                        : WcfText.FailedSspiNegotiation).format(), new SecurityFaultException(fault));
            }
            Element body = DomXml.parse(reply.body().xml());
            if (messages.isCollection(body)) {
                return CompletableFuture.completedFuture(completed(body));
            }
            if (!messages.isResponse(body)) {
                throw new MessageSecurityException("The negotiation's reply is not a RequestSecurityTokenResponse.");
            }
            checkContext(body);
            digest.add(body);
            byte[] blob = messages.exchange(body).orElseThrow(() -> new MessageSecurityException(
                    "The negotiation's reply carries no BinaryExchange.")).blob();
            byte[] next = handshake.step(blob);
            if (next.length == 0) {
                throw new MessageSecurityException("The " + mechanism.profile().name() + " negotiation has nothing"
                        + " more to send, yet no token was issued.");
            }
            return send(messages.leg(context, messages.valueType(), next), messages.responseAction());
        }

        private void checkContext(Element rstr) {
            if (!context.equals(NegotiationMessages.context(rstr))) {
                throw new MessageSecurityException(WcfText.BadSecurityNegotiationContext.format());
            }
        }

        /** The final collection: the last flight, the key, the authenticator. */
        private SecurityContext completed(Element collection) {
            List<Element> items = NegotiationMessages.items(collection);
            if (items.size() < 2) {
                throw new MessageSecurityException(WcfText.AuthenticatorNotPresentInRSTRCollection.format());
            }
            Element issued = items.get(0);
            Element authenticator = items.get(1);
            checkContext(issued);
            if (!NegotiationMessages.context(authenticator).equals(context)) {
                throw new MessageSecurityException(WcfText.BadSecurityNegotiationContext.format());
            }
            digest.add(messages.withoutToken(issued));
            messages.exchange(issued).ifPresent(x -> {
                if (handshake.step(x.blob()).length != 0) {
                    throw new MessageSecurityException("The " + mechanism.profile().name() + " negotiation wants"
                            + " another leg after its token.");
                }
            });
            if (!handshake.complete()) {
                throw new MessageSecurityException("The token was issued before the " + mechanism.profile().name()
                        + " handshake completed.");
            }
            byte[] key = handshake.unwrap(messages.wrappedKey(issued));
            if (key.length * 8 != keyBits) {
                throw new MessageSecurityException("The negotiated key is " + key.length * 8 + " bits, not the"
                        + " suite's " + keyBits + ".");
            }
            if (!MessageDigest.isEqual(digest.authenticator(key), messages.combinedHash(authenticator))) {
                throw new MessageSecurityException(WcfText.RSTRAuthenticatorIncorrect.format());
            }
            Element token = messages.issuedToken(issued);
            String contextId = NegotiationMessages.child(token, settings.scNamespace(), "Identifier")
                    .map(i -> i.getTextContent().strip()).orElseThrow(() -> new MessageSecurityException(
                            "The security context token has no Identifier."));
            return new SecurityContext(contextId, ContextTokenIssuance.standalone(token), key,
                    messages.expires(issued), Optional.empty(), messages.created(issued));
        }
    }

    /**
     * Negotiates a bootstrap token with the service over {@code exchange} (unsecured legs, each answered).
     */
    CompletableFuture<SecurityContext> negotiate(Function<Message, CompletableFuture<Message>> exchange,
            EndpointAddress to, ClientCredentials credentials, MessageVersion version) {
        try {
            ClientNegotiation n = new ClientNegotiation(exchange, to, credentials, version);
            byte[] hello = n.handshake.step(new byte[0]);
            return n.send(messages.firstRequest(n.context, keyBits, hello), messages.requestAction());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Secures the outer {@code RST/SCT} with the negotiated {@code token}; the reply must come back under it. */
    SecurityProtocol.ReplyVerification secureRequest(Message request, EndpointAddress to, SecurityContext token,
            ClientCredentials credentials) {
        return secureRequest(request, to, token, credentials, Optional.empty());
    }

    /**
     * As {@link #secureRequest(Message, EndpointAddress, SecurityContext, ClientCredentials)}, endorsed by a security
     * session's current token when {@code context} is given: a renew request secured by the negotiated bootstrap
     * token, WCF's way ({@code SecuritySessionSecurityTokenProvider.CreateRenewRequest}).
     */
    SecurityProtocol.ReplyVerification secureRequest(Message request, EndpointAddress to, SecurityContext token,
            ClientCredentials credentials, Optional<SymmetricHeaderWriter.ContextEndorsement> context) {
        if (request.headers().to() == null) {
            request.headers().to(to);
        }
        Optional<UserNameCredential> user = mechanism.carriesUserName() ? credentials.userName() : Optional.empty();
        Optional<SecurityTimestamp> ts = freshness.issue(element.localClientSettings().timestampValidityDuration());
        request.properties().put(EnvelopeProtection.class, SecurityHeaderProtection.writing(doc -> {
            SymmetricHeaderWriter.writeWithContext(doc, settings, ts, token.key(), token.contextId(),
                    Optional.empty(), Optional.of(token.tokenXml()), true, user, context);
        }));
        return reply -> verifyReply(reply, token);
    }

    /**
     * Secures {@code request} over a secure transport with the negotiated {@code token}
     * ({@code SspiNegotiatedOverTransport}: WCF's transport element whose endorsing token is the negotiated one):
     * the timestamp, the token, and the token's key signing the timestamp ({@link TransportContextHeader}); nothing
     * encrypted, the transport protects the message. The reply carries a timestamp only.
     */
    SecurityProtocol.ReplyVerification secureOverTransport(Message request, EndpointAddress to, SecurityContext token,
            TransportSecurityProtocol transport) {
        if (request.headers().to() == null) {
            request.headers().to(to);
        }
        Optional<SecurityTimestamp> ts = freshness.issue(element.localClientSettings().timestampValidityDuration());
        request.properties().put(EnvelopeProtection.class, SecurityHeaderProtection.writing(doc ->
                TransportContextHeader.write(doc, element.securityHeaderLayout(), settings.suite(),
                        settings.scNamespace(), ts, token.tokenXml(), token.key())));
        return reply -> {
            transport.verifyReply(reply);
            return reply;
        };
    }

    private Message verifyReply(Message reply, SecurityContext token) {
        if (reply == null) {
            return null;
        }
        if (reply.headers().count(SECURITY) == 0) {
            if (reply.isFault()) {
                throw new MessageSecurityException(WcfText.UnsecuredMessageFaultReceived.format(),
                        new SecurityFaultException(reply.fault().orElseThrow()));
            }
            throw new MessageSecurityException(WcfText.UnableToFindSecurityHeaderInMessage.format(""));
        }
        Document doc = SymmetricSecurityProtocol.envelope(reply);
        SymmetricHeaderReader.Received r = SymmetricHeaderReader.readWithContext(doc, settings,
                new SymmetricHeaderReader.ContextKeys() {
                    @Override
                    public byte[] keyOf(Element securityContextToken) {
                        throw new MessageSecurityException("A reply does not carry the security context token.");
                    }

                    @Override
                    public byte[] keyOf(String contextId) {
                        if (!contextId.equals(token.contextId())) {
                            throw new MessageSecurityException("The reply is not secured with the negotiated token.");
                        }
                        return token.key();
                    }
                });
        freshness.check(r.timestamp(), element.localClientSettings().replayWindow(), element.localClientSettings().maxClockSkew());
        return SymmetricSecurityProtocol.decrypted(encoder, doc, reply);
    }

    // ---- service

    void checkServiceCredentials(ServiceCredentials credentials) {
        mechanism.checkServiceCredentials(credentials);
    }

    /** Whether {@code action} is a leg of a negotiation. */
    boolean isLeg(String action) {
        return messages.requestAction().equals(action) || messages.responseAction().equals(action);
    }

    /** A service-side negotiation between legs. */
    private record Pending(NegotiationHandshake handshake, NegotiationMessages.Digest digest, String valueType,
            Instant expires) {
    }

    /** A negotiated token the service holds, and the caller its handshake proved. */
    private record Negotiated(byte[] key, ServiceSecurityContext caller, Instant expires) {
    }

    /**
     * A leg of a negotiation as the security layer answers it: its unsecured answer ({@link #answerLeg}), the leg not
     * handed on.
     *
     * @throws MessageSecurityException when the leg is refused
     */
    SecurityProtocol.VerifiedRequest answeredLeg(Message leg, ServiceCredentials credentials) {
        Message answer = answerLeg(leg, credentials);
        return new SecurityProtocol.VerifiedRequest() {
            @Override
            public Message request() {
                return leg;
            }

            @Override
            public void secureReply(Message reply) {
                // negotiation legs travel unsecured
            }

            @Override
            public Optional<Message> answer() {
                return Optional.of(answer);
            }
        };
    }

    /**
     * Answers one leg of a negotiation: its next flight, or, once the handshake is done, the issued token, its
     * TLS-wrapped key and the authenticator. The answer is unsecured.
     *
     * @throws MessageSecurityException when the leg is refused
     */
    Message answerLeg(Message leg, ServiceCredentials credentials) {
        Element body = DomXml.parse(leg.body().xml());
        String context = NegotiationMessages.context(body);
        Instant now = clock.instant();
        pending.values().removeIf(p -> !now.isBefore(p.expires()));
        Pending state;
        if (messages.requestAction().equals(leg.headers().action())) {
            if (!messages.isRequest(body)) {
                throw new MessageSecurityException("The negotiation's first leg is not a RequestSecurityToken.");
            }
            Optional<String> requestType = messages.requestType(body);
            if (requestType.isPresent() && !requestType.get().equals(messages.issueRequestType())) {
                throw new MessageSecurityException("The RequestSecurityToken's RequestType '" + requestType.get()
                        + "' is not supported.");
            }
            int bits = messages.keySize(body);
            if (bits != 0 && bits != keyBits) {
                throw new MessageSecurityException("The requested key size " + bits + " is not the suite's " + keyBits
                        + ".");
            }
            if (pending.size() >= element.localServiceSettings().maxStatefulNegotiations()) {
                throw new MessageSecurityException("The service has " + pending.size() + " negotiations under way"
                        + " (maxStatefulNegotiations); this one is refused.");
            }
            NegotiationMessages.Exchange x = messages.exchange(body).orElseThrow(() -> new MessageSecurityException(
                    "The negotiation's first leg carries no BinaryExchange."));
            state = new Pending(mechanism.acceptor(credentials),
                    new NegotiationMessages.Digest(), x.valueType(),
                    now.plus(element.localServiceSettings().negotiationTimeout()));
            if (pending.putIfAbsent(context, state) != null) {
                throw new MessageSecurityException("A negotiation with this Context is already under way.");
            }
        } else {
            state = pending.get(context);
            if (state == null || !messages.isResponse(body)) {
                throw new MessageSecurityException(WcfText.BadSecurityNegotiationContext.format());
            }
        }
        try {
            state.digest().add(body);
            byte[] out = state.handshake().step(messages.exchange(body).orElseThrow(() -> new MessageSecurityException(
                    "The negotiation's leg carries no BinaryExchange.")).blob());
            Message answer;
            if (state.handshake().complete()) {
                pending.remove(context);
                ServiceSecurityContext caller = mechanism.caller(state.handshake(), credentials);
                answer = Message.create(leg.version(), messages.finalAction(), new XmlFragment(
                        issue(context, state, caller, out, now)));
            } else {
                if (out.length == 0) {
                    throw new MessageSecurityException("The " + mechanism.profile().name() + " negotiation has"
                            + " nothing to answer.");
                }
                String rstr = messages.leg(context, state.valueType(), out);
                state.digest().add(DomXml.parse(rstr));
                answer = Message.create(leg.version(), messages.responseAction(), new XmlFragment(rstr));
            }
            if (leg.headers().messageId() != null) {
                answer.headers().relatesTo(leg.headers().messageId());
            }
            return answer;
        } catch (RuntimeException e) {
            pending.remove(context);
            throw e;
        }
    }

    private String issue(String context, Pending state, ServiceSecurityContext caller, byte[] lastFlight,
            Instant now) {
        byte[] key = new byte[keyBits / 8];
        RANDOM.nextBytes(key);
        Instant expires = now.plus(element.localServiceSettings().issuedCookieLifetime());
        String contextId = "urn:uuid:" + UUID.randomUUID();
        String tokenId = "uuid-" + UUID.randomUUID() + "-1";
        negotiated.values().removeIf(n -> !now.isBefore(n.expires()));
        String token;
        if (element.requireSecurityContextCancellation()) {
            negotiated.put(contextId, new Negotiated(key, caller, expires));
            token = issuance.sessionToken(tokenId, contextId);
        } else {
            // requireCancellation=false: the token carries its state in its cookie and the service keeps none, as
            // WCF's negotiation authenticators do (ServiceCredentialsSecurityTokenManager: EncryptStateInServiceToken)
            token = issuance.token(tokenId, contextId, cookies.seal(new ContextCookies.State(contextId, key, now,
                    expires, caller)));
        }
        String issued = messages.issued(context, state.valueType(), token, tokenId,
                contextId, state.handshake().wrap(key), now, expires, keyBits, lastFlight);
        String collection = messages.collection(issued, "");
        Element parsed = (Element) DomXml.children(DomXml.parse(collection)).get(0);
        state.digest().add(messages.withoutToken(parsed));
        return messages.collection(issued, messages.authenticator(context, state.digest().authenticator(key)));
    }

    /**
     * Verifies the outer {@code RST/SCT}: secured with a token this service negotiated (and, under
     * {@code UserNameForSslNegotiated}, carrying a valid UsernameToken); its reply is secured with the same token.
     */
    SecurityProtocol.VerifiedRequest verifyRequest(Message request, ServiceCredentials credentials) {
        return verifyRequest(request, credentials, null);
    }

    /**
     * As {@link #verifyRequest(Message, ServiceCredentials)}; with {@code session} the primary signature must also be
     * endorsed by a security session's context token, whose key {@code session} gives (a renew request secured by the
     * negotiated bootstrap token, WCF's way).
     */
    SecurityProtocol.VerifiedRequest verifyRequest(Message request, ServiceCredentials credentials,
            SymmetricHeaderReader.ContextKeys session) {
        if (request.headers().count(SECURITY) == 0) {
            throw new MessageSecurityException(WcfText.UnableToFindSecurityHeaderInMessage.format(""));
        }
        Document doc = SymmetricSecurityProtocol.envelope(request);
        String[] used = new String[1];
        Negotiated[] usedToken = new Negotiated[1];
        byte[][] usedKey = new byte[1][];
        SymmetricHeaderReader.ContextKeys negotiatedKeys = new SymmetricHeaderReader.ContextKeys() {
                    @Override
                    public byte[] keyOf(Element token) {
                        String id = NegotiationMessages.child(token, settings.scNamespace(), "Identifier")
                                .map(i -> i.getTextContent().strip()).orElse("");
                        Optional<Element> cookie = NegotiationMessages.child(token, ContextTokenIssuance.COOKIE_NS,
                                "Cookie");
                        Negotiated n = cookie.map(c -> {
                            ContextCookies.State state = cookies.open(DerivedKeyToken.base64(
                                    c.getTextContent().strip()), id, clock.instant());
                            return new Negotiated(state.key(), state.caller(), state.expires());
                        }).orElseGet(() -> negotiated.get(id));
                        if (n == null || !clock.instant().isBefore(n.expires())) {
                            throw new MessageSecurityException("The security context token is expired or is not"
                                    + " valid. The message was not processed.");
                        }
                        used[0] = id;
                        usedKey[0] = n.key();
                        usedToken[0] = n;
                        return n.key();
                    }

                    @Override
                    public byte[] keyOf(String contextId) {
                        throw new MessageSecurityException("A token request must carry its negotiated token.");
                    }
                };
        SymmetricHeaderReader.Received r = session == null
                ? SymmetricHeaderReader.readWithContext(doc, settings, false, true, negotiatedKeys)
                : SymmetricHeaderReader.readEndorsedWithContext(doc, settings, negotiatedKeys, session);
        if (used[0] == null) {
            throw new MessageSecurityException("A token request must carry its negotiated token.");
        }
        freshness.check(r.timestamp(), element.localServiceSettings().replayWindow(),
                element.localServiceSettings().maxClockSkew());
        replays.ifPresent(cache -> cache.check(r.signatureValue()));
        ServiceSecurityContext caller;
        if (mechanism.carriesUserName()) {
            caller = credentials.authenticate(r.userName());
        } else {
            if (r.userName().isPresent()) {
                throw new MessageSecurityException(WcfText.TokenNotExpectedInSecurityHeader.format(
                        "UserNameSecurityToken"));
            }
            caller = usedToken[0].caller();
        }
        Message decrypted = SymmetricSecurityProtocol.decrypted(encoder, doc, request);
        decrypted.properties().put(ServiceSecurityContext.class, caller);
        String contextId = used[0];
        byte[] key = usedKey[0];
        return SecurityProtocol.VerifiedRequest.securingReplies(decrypted, freshness,
                element.localServiceSettings().timestampValidityDuration(),
                (out, ts) -> SymmetricHeaderWriter.writeWithContext(out, settings, ts, key, contextId,
                        Optional.empty()));
    }


    /**
     * Verifies a request over a secure transport ({@code SspiNegotiatedOverTransport}): the negotiated token it
     * carries must be one this service negotiated (or a cookie it sealed), and its key must have signed the timestamp;
     * the caller is the one the negotiation proved. No replay detection (WCF's over-transport factories set
     * {@code DetectReplays=false}); the reply carries a timestamp only.
     */
    SecurityProtocol.VerifiedRequest verifyOverTransport(Message request, TransportSecurityProtocol transport) {
        return verifyOverTransport(request, securityOverTransport(request), transport);
    }

    /**
     * Verifies a security session's renew request over a secure transport ({@code SspiNegotiatedOverTransport}): the
     * session's context token endorsing it (its key as {@code keys} finds it), after the negotiated token's
     * endorsement, which is verified as any request's; the caller is the one the negotiation proved.
     */
    SecurityProtocol.VerifiedRequest verifyRenewOverTransport(Message request, TransportSecurityProtocol transport,
            Function<Element, byte[]> keys) {
        Element security = securityOverTransport(request);
        TransportContextHeader.takeEndorsement(security, settings.suite(), settings.scNamespace(), Optional.empty(),
                keys);
        return verifyOverTransport(request, security, transport);
    }

    /** The one security header of a request over a transport, in its received envelope. */
    private static Element securityOverTransport(Message request) {
        if (request.headers().count(SECURITY) == 0) {
            throw new MessageSecurityException(WcfText.UnableToFindSecurityHeaderInMessage.format(""));
        }
        if (request.headers().count(SECURITY) > 1) {
            throw new MessageSecurityException("The message has more than one security header for the same actor.");
        }
        Element envelope = SymmetricSecurityProtocol.envelope(request).getDocumentElement();
        return SymmetricHeaderWriter.child(envelope, envelope.getNamespaceURI(), "Header")
                .flatMap(h -> SymmetricHeaderWriter.child(h, SECURITY.getNamespaceURI(), SECURITY.getLocalPart()))
                .orElseThrow(() -> new MessageSecurityException(
                        WcfText.UnableToFindSecurityHeaderInMessage.format("")));
    }

    private SecurityProtocol.VerifiedRequest verifyOverTransport(Message request, Element security,
            TransportSecurityProtocol transport) {
        Negotiated[] used = new Negotiated[1];
        TransportContextHeader.Received r = TransportContextHeader.read(security, settings.suite(),
                settings.scNamespace(), token -> {
                    used[0] = held(token);
                    return used[0].key();
                });
        freshness.check(r.timestamp(), element.localServiceSettings().replayWindow(),
                element.localServiceSettings().maxClockSkew());
        request.headers().understood(SECURITY);
        request.properties().put(ServiceSecurityContext.class, used[0].caller());
        return new SecurityProtocol.VerifiedRequest() {
            @Override
            public Message request() {
                return request;
            }

            @Override
            public void secureReply(Message reply) {
                transport.secureReply(reply);
            }
        };
    }

    /** The negotiated token {@code token} names: held by this service, or sealed in its cookie; unexpired. */
    private Negotiated held(Element token) {
        String id = NegotiationMessages.child(token, settings.scNamespace(), "Identifier")
                .map(i -> i.getTextContent().strip()).orElse("");
        Optional<Element> cookie = NegotiationMessages.child(token, ContextTokenIssuance.COOKIE_NS, "Cookie");
        Negotiated n = cookie.map(c -> {
            ContextCookies.State state = cookies.open(DerivedKeyToken.base64(c.getTextContent().strip()), id,
                    clock.instant());
            return new Negotiated(state.key(), state.caller(), state.expires());
        }).orElseGet(() -> negotiated.get(id));
        if (n == null || !clock.instant().isBefore(n.expires())) {
            throw new MessageSecurityException("The security context token is expired or is not valid. The message"
                    + " was not processed.");
        }
        return n;
    }
}
