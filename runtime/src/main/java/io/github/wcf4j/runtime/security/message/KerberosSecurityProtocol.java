package io.github.wcf4j.runtime.security.message;

import static io.github.wcf4j.runtime.security.message.WsSecurityNames.BASE64_BINARY;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.SECURITY;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSSE;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSSE_PREFIX;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSU;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSU_PREFIX;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.github.wcf4j.runtime.message.EnvelopeProtection;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.security.ExpectedServiceIdentity;
import io.github.wcf4j.runtime.security.KerberosCredentials;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What {@code authenticationMode="Kerberos"} does to each message (WCF {@code CreateKerberosBindingElement}: a
 * {@code SymmetricSecurityBindingElement} whose protection token is {@code KerberosSecurityTokenParameters}, inclusion
 * {@code Once}, derived keys, suite {@code KerberosDefault} = Basic128 unless configured): the WS-Security Kerberos
 * Token Profile 1.1.
 *
 * <pre>
 * request  o:Security  u:Timestamp  o:BinarySecurityToken (ValueType ...#GSS_Kerberosv5_AP_REQ, a fresh AP-REQ)
 *                      c:DerivedKeyToken (signing) c:DerivedKeyToken (encryption), both from that token
 *                      e:ReferenceList  e:EncryptedData (the ds:Signature)
 * reply    o:Security  u:Timestamp  c:DerivedKeyToken x2, their source the KeyIdentifier
 *                      ValueType="...#Kerberosv5APREQSHA1" (the SHA-1 of the request's token)  e:ReferenceList ...
 * </pre>
 *
 * Each request carries a new AP-REQ for the endpoint's service principal ({@link ExpectedServiceIdentity#kerberosTarget}:
 * the identity's SPN or UPN, else {@code host/<address host>}), as WCF's {@code KerberosSecurityTokenProvider} makes one
 * per token; the key is the Kerberos context's session key ({@link KerberosApRequest}). The service accepts the
 * AP-REQ with its own keys (a ticket for a principal it holds no key of is refused; a replayed authenticator is
 * refused by the acceptor's replay cache, and a replayed message by the signature-value replay cache), verifies and
 * decrypts with that key and secures the reply with it; the caller is the Kerberos client principal (WCF's
 * {@code WindowsIdentity} of the ticket: its groups, in the ticket's PAC, are not readable through JGSS).
 *
 * <p>The service keeps no state between requests, as {@link SymmetricSecurityProtocol}: the key travels in each
 * request's ticket and is held only for its reply.
 */
final class KerberosSecurityProtocol implements SecurityProtocol {
    private final SecurityBindingElement element;
    private final SymmetricHeaderWriter.Settings settings;
    private final Clock clock;
    private final TextMessageEncoder encoder;
    private final ExpectedServiceIdentity identity;
    private final Optional<KerberosCredentials> kerberos;
    private final WindowsCredentials windows;
    private final Optional<ReplayCache> replays;
    private final MessageFreshness freshness;

    KerberosSecurityProtocol(SecurityBindingElement element, Clock clock, TextMessageEncoder encoder,
            ExpectedServiceIdentity identity, Optional<KerberosCredentials> kerberos, WindowsCredentials windows) {
        this.element = element;
        this.settings = new SymmetricHeaderWriter.Settings(AlgorithmSuite.forName(element.defaultAlgorithmSuite()),
                SymmetricSecurityProtocol.secureConversationNamespace(element.messageSecurityVersion()),
                element.securityHeaderLayout(),
                TransportSecurityProtocol.basicSecurityProfile(element.messageSecurityVersion())).protection(element);
        this.clock = clock;
        this.encoder = encoder;
        this.identity = identity;
        this.kerberos = kerberos;
        this.windows = windows;
        this.replays = MessageFreshness.replayCache(element.localServiceSettings(), clock);
        this.freshness = new MessageFreshness(element.includeTimestamp(), clock);
    }

    /** The mode this protocol runs. */
    static boolean runs(AuthenticationMode mode) {
        return mode == AuthenticationMode.Kerberos;
    }

    /** The {@code k:TokenType} of references to the Kerberos token: WCF writes it under the Basic Security Profile. */
    private String tokenType() {
        return settings.bspAttributes() ? KerberosApRequest.VALUE_TYPE : null;
    }

    // ---- client

    @Override
    public void checkClientCredentials(ClientCredentials credentials) {
        windows.checkKerberosToken();
        kerberos.orElseThrow(() -> KerberosCredentials.notConfigured("client")).subject(true);
    }

    @Override
    public ReplyVerification secureRequest(Message request, EndpointAddress to, ClientCredentials credentials) {
        return secureRequest(request, to, credentials, Optional.empty());
    }

    /**
     * Secures a request as {@link #secureRequest(Message, EndpointAddress, ClientCredentials)} does, endorsed by a
     * session's context token when {@code context} is given (a renew request over a Kerberos bootstrap, WCF's way).
     */
    ReplyVerification secureRequest(Message request, EndpointAddress to, ClientCredentials credentials,
            Optional<SymmetricHeaderWriter.ContextEndorsement> context) {
        KerberosCredentials own = kerberos.orElseThrow(() -> KerberosCredentials.notConfigured("client"));
        KerberosApRequest.Requested ticket = KerberosApRequest.request(own, identity.kerberosTarget(to.uri()), false);
        if (request.headers().to() == null) {
            request.headers().to(to);
        }
        Optional<SecurityTimestamp> ts = freshness.issue(element.localClientSettings().timestampValidityDuration());
        AtomicReference<List<byte[]>> sent = new AtomicReference<>();
        request.properties().put(EnvelopeProtection.class, SecurityHeaderProtection.writing(doc -> {
            Element token = binarySecurityToken(doc, ticket.token());
            sent.set(SymmetricHeaderWriter.protect(doc, settings, ts, ticket.key(),
                    new TokenReference.Local(token.getAttributeNS(WSU, "Id"),
                            settings.localValueType(KerberosApRequest.VALUE_TYPE)),
                    tokenType(), Optional.of(token), Optional.empty(), Optional.empty(), List.of(), true,
                    context));
        }));
        return reply -> verifyReply(reply, ticket, sent);
    }

    /** The token as WCF's {@code KerberosTokenEntry} writes it: its id, ValueType, EncodingType under the BSP. */
    private Element binarySecurityToken(Document doc, byte[] token) {
        Element bst = doc.createElementNS(WSSE, WSSE_PREFIX + ":BinarySecurityToken");
        bst.setAttributeNS(WSU, WSU_PREFIX + ":Id", "uuid-" + UUID.randomUUID() + "-1");
        bst.setIdAttributeNS(WSU, "Id", true);
        bst.setAttribute("ValueType", KerberosApRequest.VALUE_TYPE);
        if (settings.bspAttributes()) {
            bst.setAttribute("EncodingType", BASE64_BINARY);
        }
        bst.setTextContent(Base64.getEncoder().encodeToString(token));
        return bst;
    }

    private Message verifyReply(Message reply, KerberosApRequest.Requested ticket,
            AtomicReference<List<byte[]>> sent) {
        if (reply == null) {
            return null;
        }
        if (UnsecuredReply.acceptedAsIs(reply, element.enableUnsecuredResponse())) {
            return reply;
        }
        if (sent.get() == null) {
            throw new MessageSecurityException("A reply arrived for a request that was never written.");
        }
        Document doc = SymmetricSecurityProtocol.envelope(reply);
        SymmetricHeaderReader.Received r = SymmetricHeaderReader.readKerberosReply(doc, settings, ticket.key(),
                ticket.sha1());
        freshness.check(r.timestamp(), element.localClientSettings().replayWindow(),
                element.localClientSettings().maxClockSkew());
        if (element.requireSignatureConfirmation()) {
            SymmetricHeaderReader.checkConfirmations(sent.get(), r.confirmations());
        }
        return SymmetricSecurityProtocol.decrypted(encoder, doc, reply);
    }

    // ---- service

    @Override
    public void checkServiceCredentials(ServiceCredentials credentials) {
        SpnegoHandshake.acceptorCredentials(kerberos.orElseThrow(() -> KerberosCredentials.notConfigured("service")));
    }

    @Override
    public VerifiedRequest verifyRequest(Message request, ServiceCredentials credentials) {
        return verifyRequest(request, credentials, null);
    }

    /**
     * Verifies a request as {@link #verifyRequest(Message, ServiceCredentials)} does; with {@code session} its primary
     * signature must also be endorsed by a security session's context token, whose key {@code session} gives (a renew
     * request secured WCF's way).
     */
    VerifiedRequest verifyRequest(Message request, ServiceCredentials credentials,
            SymmetricHeaderReader.ContextKeys session) {
        if (request.headers().count(SECURITY) == 0) {
            throw new MessageSecurityException(WcfText.UnableToFindSecurityHeaderInMessage.format(""));
        }
        KerberosCredentials own = kerberos.orElseThrow(() -> KerberosCredentials.notConfigured("service"));
        Document doc = SymmetricSecurityProtocol.envelope(request);
        AtomicReference<KerberosApRequest.Accepted> accepted = new AtomicReference<>();
        Function<byte[], byte[]> acceptor = token -> {
            KerberosApRequest.Accepted a = KerberosApRequest.accept(own, token);
            accepted.set(a);
            return a.key();
        };
        SymmetricHeaderReader.Received r = session == null
                ? SymmetricHeaderReader.readKerberosRequest(doc, settings, acceptor)
                : SymmetricHeaderReader.readEndorsedKerberosRequest(doc, settings, acceptor, session);
        freshness.check(r.timestamp(), element.localServiceSettings().replayWindow(),
                element.localServiceSettings().maxClockSkew());
        replays.ifPresent(cache -> cache.check(r.signatureValue()));
        if (r.userName().isPresent()) {
            throw new MessageSecurityException(WcfText.TokenNotExpectedInSecurityHeader.format(
                    "UserNameSecurityToken"));
        }
        Message decrypted = SymmetricSecurityProtocol.decrypted(encoder, doc, request);
        decrypted.properties().put(ServiceSecurityContext.class,
                windows.caller(accepted.get().client()));
        List<byte[]> confirmations = element.requireSignatureConfirmation() ? r.signatureValues() : List.of();
        return VerifiedRequest.securingReplies(decrypted, freshness,
                element.localServiceSettings().timestampValidityDuration(),
                (out, ts) -> SymmetricHeaderWriter.protect(out, settings, ts, r.key(),
                        new TokenReference.KeyIdentifier(KerberosApRequest.SHA1_VALUE_TYPE,
                                r.encryptedKeySha1(), settings.bspAttributes()),
                        tokenType(), Optional.empty(), Optional.empty(), Optional.empty(), confirmations, true));
    }
}
