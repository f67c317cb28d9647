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
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.security.ExpectedServiceIdentity;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The SSL-negotiated bootstraps of a secure conversation, {@code AnonymousForSslNegotiated},
 * {@code UserNameForSslNegotiated} and {@code MutualSslNegotiated} (WCF's {@code SslSecurityTokenParameters}, TLSNEGO,
 * with {@code requireClientCertificate} for the last): before the outer
 * {@code RST/SCT} the client runs a TLS 1.2 handshake with the service ({@link TlsHandshake}, the service's
 * certificate as the server's) carried in unsecured WS-Trust legs ({@link TlsnegoMessages}); on the last leg the
 * service issues a security context token whose key travels as TLS application data, and proves the exchange with
 * its authenticator. The {@code RST/SCT} is then secured with that negotiated token as a symmetric protection token
 * (included, derived keys, body signed and encrypted), and under {@code UserNameForSslNegotiated} carries the
 * caller's {@code UsernameToken}, signed and encrypted; the service answers it secured with the same token. Under
 * {@code MutualSslNegotiated} the service requests the client's certificate in the handshake, the client sends its
 * credentials' certificate, and the service validates it with its client certificate authentication once the
 * handshake completes; that certificate is the caller of the negotiated token and of the context issued under it.
 *
 * <p>The service keeps a negotiation's state between legs (at most {@code maxStatefulNegotiations}, each for
 * {@code negotiationTimeout}) and each negotiated token for the bootstrap's {@code issuedCookieLifetime}: a
 * session-mode bootstrap token, never cancelled, it expires.
 */
final class SslNegotiationProtocol {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_LEGS = 8;

    private final SecurityBindingElement element;
    private final SymmetricHeaderWriter.Settings settings;
    private final TlsnegoMessages messages;
    private final ContextTokenIssuance issuance;
    private final Clock clock;
    private final TextMessageEncoder encoder;
    private final ExpectedServiceIdentity identity;
    private final int keyBits;
    private final Optional<ReplayCache> replays;
    private final MessageFreshness freshness;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Negotiated> negotiated = new ConcurrentHashMap<>();

    SslNegotiationProtocol(SecurityBindingElement element, Clock clock, TextMessageEncoder encoder,
            ExpectedServiceIdentity identity) {
        this.element = element;
        AlgorithmSuite suite = AlgorithmSuite.forName(element.defaultAlgorithmSuite());
        this.settings = new SymmetricHeaderWriter.Settings(suite,
                SymmetricSecurityProtocol.secureConversationNamespace(element.messageSecurityVersion()),
                element.securityHeaderLayout(),
                TransportSecurityProtocol.basicSecurityProfile(element.messageSecurityVersion()));
        this.messages = new TlsnegoMessages(element.messageSecurityVersion());
        this.issuance = new ContextTokenIssuance(element.messageSecurityVersion());
        this.clock = clock;
        this.encoder = encoder;
        this.identity = identity;
        this.keyBits = suite.keyBits();
        var service = element.localServiceSettings();
        this.replays = MessageFreshness.replayCache(service, clock);
        this.freshness = new MessageFreshness(element.includeTimestamp(), clock);
    }

    /** The bootstrap modes this protocol runs. */
    static boolean runs(AuthenticationMode mode) {
        return mode == AuthenticationMode.AnonymousForSslNegotiated
                || mode == AuthenticationMode.UserNameForSslNegotiated
                || mode == AuthenticationMode.MutualSslNegotiated;
    }

    /** {@code MutualSslNegotiated}: the client's certificate is requested and sent in the handshake. */
    private boolean mutualMode() {
        return element.authenticationMode() == AuthenticationMode.MutualSslNegotiated;
    }

    private boolean userNameMode() {
        return element.authenticationMode() == AuthenticationMode.UserNameForSslNegotiated;
    }

    // ---- client

    void checkClientCredentials(ClientCredentials credentials) {
        if (mutualMode() && credentials.clientCertificate().isEmpty()) {
            throw new IllegalStateException(WcfText.ClientCertificateNotProvidedOnClientCredentials.format());
        }
        if (userNameMode()) {
            String user = credentials.userName().map(UserNameCredential::userName).orElse(null);
            if (user == null) {
                throw new IllegalStateException(WcfText.UserNamePasswordNotProvidedOnClientCredentials.format());
            }
            if (user.isEmpty()) {
                throw new IllegalArgumentException(WcfText.UserNameCannotBeEmpty.format());
            }
        }
    }

    /** The client's negotiation over {@code exchange}: its state between legs. */
    private final class ClientNegotiation {
        final String context = "uuid-" + UUID.randomUUID() + "-1";
        final TlsnegoMessages.Digest digest = new TlsnegoMessages.Digest();
        final TlsHandshake tls;
        final Function<Message, CompletableFuture<Message>> exchange;
        final EndpointAddress to;
        final MessageVersion version;
        int legs;

        ClientNegotiation(Function<Message, CompletableFuture<Message>> exchange, EndpointAddress to,
                ClientCredentials credentials, MessageVersion version) {
            this.exchange = exchange;
            this.to = to;
            this.version = version;
            this.tls = TlsHandshake.client(chain -> checkService(chain[0], to, credentials),
                    mutualMode() ? credentials.clientCertificate() : Optional.empty());
        }

        CompletableFuture<SecurityContext> send(String body, String action) {
            if (++legs > MAX_LEGS) {
                throw new MessageSecurityException("The TLS negotiation did not end within " + MAX_LEGS + " legs.");
            }
            digest.add(DomXml.parse(body));
            Message leg = Message.create(version, action, new XmlFragment(body));
            leg.headers().messageId("urn:uuid:" + UUID.randomUUID());
            leg.headers().to(to);
            return exchange.apply(leg).thenCompose(this::received);
        }

        private CompletableFuture<SecurityContext> received(Message reply) {
            if (reply == null) {
                throw new MessageSecurityException("The service did not answer the TLS negotiation.");
            }
            if (reply.isFault()) {
                throw new MessageSecurityException("The service refused the TLS negotiation: "
                        + reply.fault().orElseThrow().reason(), new SecurityFaultException(reply.fault().get()));
            }
            Element body = DomXml.parse(reply.body().xml());
            if (messages.isCollection(body)) {
                return CompletableFuture.completedFuture(completed(body));
            }
            if (!messages.isResponse(body)) {
                throw new MessageSecurityException("The TLS negotiation's reply is not a RequestSecurityTokenResponse.");
            }
            checkContext(body);
            digest.add(body);
            byte[] blob = messages.exchange(body).orElseThrow(() -> new MessageSecurityException(
                    "The TLS negotiation's reply carries no BinaryExchange.")).blob();
            byte[] next = tls.step(blob);
            if (next.length == 0) {
                throw new MessageSecurityException("The TLS negotiation has nothing more to send, yet no token was"
                        + " issued.");
            }
            return send(messages.leg(context, messages.valueType(), next), messages.responseAction());
        }

        private void checkContext(Element rstr) {
            if (!context.equals(TlsnegoMessages.context(rstr))) {
                throw new MessageSecurityException("The security negotiation message has an incorrect Context.");
            }
        }

        /** The final collection: the last flight, the key, the authenticator. */
        private SecurityContext completed(Element collection) {
            List<Element> items = TlsnegoMessages.items(collection);
            if (items.size() < 2) {
                throw new MessageSecurityException("The RequestSecurityTokenResponseCollection has no authenticator.");
            }
            Element issued = items.get(0);
            Element authenticator = items.get(1);
            checkContext(issued);
            if (!TlsnegoMessages.context(authenticator).equals(context)) {
                throw new MessageSecurityException("The authenticator's Context is not the negotiation's.");
            }
            digest.add(messages.withoutToken(issued));
            messages.exchange(issued).ifPresent(x -> {
                if (tls.step(x.blob()).length != 0) {
                    throw new MessageSecurityException("The TLS negotiation wants another leg after its token.");
                }
            });
            if (!tls.complete()) {
                throw new MessageSecurityException("The token was issued before the TLS handshake completed.");
            }
            byte[] key = tls.unwrap(messages.wrappedKey(issued));
            if (key.length * 8 != keyBits) {
                throw new MessageSecurityException("The negotiated key is " + key.length * 8 + " bits, not the"
                        + " suite's " + keyBits + ".");
            }
            if (!MessageDigest.isEqual(digest.authenticator(key), messages.combinedHash(authenticator))) {
                throw new MessageSecurityException("The RequestSecurityTokenResponse CombinedHash is incorrect.");
            }
            Element token = messages.issuedToken(issued);
            String contextId = TlsnegoMessages.child(token, settings.scNamespace(), "Identifier")
                    .map(i -> i.getTextContent().strip()).orElseThrow(() -> new MessageSecurityException(
                            "The security context token has no Identifier."));
            return new SecurityContext(contextId, ContextTokenIssuance.standalone(token), key,
                    messages.expires(issued));
        }
    }

    /**
     * Negotiates a bootstrap token with the service over {@code exchange} (unsecured legs, each answered).
     */
    CompletableFuture<SecurityContext> negotiate(Function<Message, CompletableFuture<Message>> exchange,
            EndpointAddress to, ClientCredentials credentials, MessageVersion version) {
        try {
            ClientNegotiation n = new ClientNegotiation(exchange, to, credentials, version);
            byte[] hello = n.tls.step(new byte[0]);
            return n.send(messages.firstRequest(n.context, keyBits, hello), messages.requestAction());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * The client's check of the service's certificate: the one its credentials name for {@code to}, if any, else the
     * JDK's default trust; then the endpoint's identity.
     */
    private void checkService(X509Certificate presented, EndpointAddress to, ClientCredentials credentials) {
        Optional<X509Certificate> expected = credentials.serviceCertificateFor(to.uri()).or(identity::certificate);
        if (expected.isPresent()) {
            if (!expected.get().equals(presented)) {
                throw new MessageSecurityException("The service's TLS certificate '"
                        + presented.getSubjectX500Principal() + "' is not the service certificate this client"
                        + " expects.");
            }
        } else {
            try {
                TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                f.init((KeyStore) null);
                for (var m : f.getTrustManagers()) {
                    if (m instanceof X509TrustManager x) {
                        x.checkServerTrusted(new X509Certificate[] {presented}, presented.getPublicKey()
                                .getAlgorithm());
                    }
                }
            } catch (GeneralSecurityException e) {
                throw new MessageSecurityException("The service's TLS certificate '"
                        + presented.getSubjectX500Principal() + "' is not trusted: " + e.getMessage(), e);
            }
        }
        identity.ensureOutgoing(to.uri(), presented);
    }

    /** Secures the outer {@code RST/SCT} with the negotiated {@code token}; the reply must come back under it. */
    SecurityProtocol.ReplyVerification secureRequest(Message request, EndpointAddress to, SecurityContext token,
            ClientCredentials credentials) {
        if (request.headers().to() == null) {
            request.headers().to(to);
        }
        Optional<UserNameCredential> user = userNameMode() ? credentials.userName() : Optional.empty();
        Optional<SecurityTimestamp> ts = freshness.issue(element.localClientSettings().timestampValidityDuration());
        request.properties().put(EnvelopeProtection.class, envelope -> {
            Document doc = DomXml.parse(envelope).getOwnerDocument();
            SymmetricHeaderWriter.writeWithContext(doc, settings, ts, token.key(), token.contextId(),
                    Optional.of(token.tokenXml()), true, user);
            return XmlEncryption.serialize(doc.getDocumentElement());
        });
        return reply -> verifyReply(reply, token);
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
        if (credentials.serviceCertificate().isEmpty()) {
            throw new IllegalStateException(WcfText.ServiceCertificateNotProvidedOnServiceCredentials.format());
        }
        if (userNameMode() && credentials.userNameValidator().isEmpty()) {
            throw new IllegalStateException("UserNameForSslNegotiated needs a UserNamePasswordValidator in the"
                    + " service's credentials (WCF's userNamePasswordValidationMode=\"Custom\"): WCF's default,"
                    + " Windows accounts, is not run by wcf4j, so the endpoint is not opened.");
        }
    }

    /** Whether {@code action} is a leg of a negotiation. */
    boolean isLeg(String action) {
        return messages.requestAction().equals(action) || messages.responseAction().equals(action);
    }

    /** A service-side negotiation between legs. */
    private record Pending(TlsHandshake tls, TlsnegoMessages.Digest digest, String valueType, Instant expires) {
    }

    /** A negotiated token the service holds, and the client certificate it was negotiated with (MutualSslNegotiated). */
    private record Negotiated(byte[] key, Optional<X509Certificate> client, Instant expires) {
    }

    /**
     * Answers one leg of a negotiation: its next flight, or, once the handshake is done, the issued token, its
     * TLS-wrapped key and the authenticator. The answer is unsecured.
     *
     * @throws MessageSecurityException when the leg is refused
     */
    Message answerLeg(Message leg, ServiceCredentials credentials) {
        Element body = DomXml.parse(leg.body().xml());
        String context = TlsnegoMessages.context(body);
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
            TlsnegoMessages.Exchange x = messages.exchange(body).orElseThrow(() -> new MessageSecurityException(
                    "The negotiation's first leg carries no BinaryExchange."));
            state = new Pending(TlsHandshake.server(credentials.serviceCertificate().orElseThrow(), mutualMode()),
                    new TlsnegoMessages.Digest(), x.valueType(),
                    now.plus(element.localServiceSettings().negotiationTimeout()));
            if (pending.putIfAbsent(context, state) != null) {
                throw new MessageSecurityException("A negotiation with this Context is already under way.");
            }
        } else {
            state = pending.get(context);
            if (state == null || !messages.isResponse(body)) {
                throw new MessageSecurityException("The security negotiation message has an incorrect Context.");
            }
        }
        try {
            state.digest().add(body);
            byte[] out = state.tls().step(messages.exchange(body).orElseThrow(() -> new MessageSecurityException(
                    "The negotiation's leg carries no BinaryExchange.")).blob());
            Message answer;
            if (state.tls().complete()) {
                pending.remove(context);
                Optional<X509Certificate> client = mutualMode() ? Optional.of(clientCertificate(state.tls(),
                        credentials)) : Optional.empty();
                answer = Message.create(leg.version(), messages.finalAction(), new XmlFragment(
                        issue(context, state, client, out, now)));
            } else {
                if (out.length == 0) {
                    throw new MessageSecurityException("The TLS negotiation has nothing to answer.");
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

    /**
     * The client's certificate of a completed mutual handshake, validated with the service's client certificate
     * authentication (WCF's {@code TlsnegoTokenAuthenticator} authenticates the client's token once SChannel is done).
     *
     * @throws SecurityTokenValidationException when it is not trusted (WCF's FailedAuthentication fault)
     */
    private static X509Certificate clientCertificate(TlsHandshake tls, ServiceCredentials credentials) {
        X509Certificate client = tls.peerCertificate().orElseThrow(() -> new MessageSecurityException(
                "The TLS negotiation completed without the client's certificate."));
        credentials.clientCertificateAuthentication().validate(client);
        return client;
    }

    private String issue(String context, Pending state, Optional<X509Certificate> client, byte[] lastFlight,
            Instant now) {
        byte[] key = new byte[keyBits / 8];
        RANDOM.nextBytes(key);
        Instant expires = now.plus(element.localServiceSettings().issuedCookieLifetime());
        String contextId = "urn:uuid:" + UUID.randomUUID();
        String tokenId = "uuid-" + UUID.randomUUID() + "-1";
        negotiated.values().removeIf(n -> !now.isBefore(n.expires()));
        negotiated.put(contextId, new Negotiated(key, client, expires));
        String issued = messages.issued(context, state.valueType(), issuance.sessionToken(tokenId, contextId), tokenId,
                contextId, state.tls().wrap(key), now, expires, keyBits, lastFlight);
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
        if (request.headers().count(SECURITY) == 0) {
            throw new MessageSecurityException(WcfText.UnableToFindSecurityHeaderInMessage.format(""));
        }
        Document doc = SymmetricSecurityProtocol.envelope(request);
        String[] used = new String[1];
        Negotiated[] usedToken = new Negotiated[1];
        byte[][] usedKey = new byte[1][];
        SymmetricHeaderReader.Received r = SymmetricHeaderReader.readWithContext(doc, settings,
                new SymmetricHeaderReader.ContextKeys() {
                    @Override
                    public byte[] keyOf(Element token) {
                        String id = TlsnegoMessages.child(token, settings.scNamespace(), "Identifier")
                                .map(i -> i.getTextContent().strip()).orElse("");
                        Negotiated n = negotiated.get(id);
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
                });
        if (used[0] == null) {
            throw new MessageSecurityException("A token request must carry its negotiated token.");
        }
        freshness.check(r.timestamp(), element.localServiceSettings().replayWindow(),
                element.localServiceSettings().maxClockSkew());
        replays.ifPresent(cache -> cache.check(r.signatureValue()));
        ServiceSecurityContext caller;
        if (userNameMode()) {
            caller = credentials.authenticate(r.userName());
        } else if (mutualMode()) {
            if (r.userName().isPresent()) {
                throw new MessageSecurityException(WcfText.TokenNotExpectedInSecurityHeader.format(
                        "UserNameSecurityToken"));
            }
            caller = ServiceSecurityContext.certificate(usedToken[0].client().orElseThrow(() ->
                    new MessageSecurityException("The negotiated token carries no client certificate.")));
        } else {
            if (r.userName().isPresent()) {
                throw new MessageSecurityException(WcfText.TokenNotExpectedInSecurityHeader.format(
                        "UserNameSecurityToken"));
            }
            caller = ServiceSecurityContext.anonymous();
        }
        Message decrypted = SymmetricSecurityProtocol.decrypted(encoder, doc, request);
        decrypted.properties().put(ServiceSecurityContext.class, caller);
        String contextId = used[0];
        byte[] key = usedKey[0];
        return new SecurityProtocol.VerifiedRequest() {
            @Override
            public Message request() {
                return decrypted;
            }

            @Override
            public void secureReply(Message reply) {
                Optional<SecurityTimestamp> ts = freshness.issue(element.localServiceSettings()
                        .timestampValidityDuration());
                reply.headers().remove(SECURITY);
                reply.properties().put(EnvelopeProtection.class, envelope -> {
                    Document out = DomXml.parse(envelope).getOwnerDocument();
                    SymmetricHeaderWriter.writeWithContext(out, settings, ts, key, contextId, Optional.empty());
                    return XmlEncryption.serialize(out.getDocumentElement());
                });
            }
        };
    }

    // ---- both
}
