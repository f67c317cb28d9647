package io.github.wcf4j.runtime.security.message;

import static io.github.wcf4j.runtime.security.message.WsSecurityNames.SECURITY;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSSE;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.MessageSecurityVersion;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.github.wcf4j.runtime.message.EnvelopeProtection;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.ReceivedEnvelope;
import io.github.wcf4j.runtime.security.CertificateFind;
import io.github.wcf4j.runtime.security.ExpectedServiceIdentity;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What a {@code SymmetricSecurityBindingElement} with an X.509 protection token does to each message (WCF
 * {@code SymmetricSecurityProtocol} as {@code CreateAnonymousForCertificateBindingElement},
 * {@code CreateUserNameForCertificateBindingElement} and {@code CreateMutualCertificateBindingElement} configure it for
 * WS-Security 1.1): the client makes a fresh key
 * for each request, wraps it to the service's certificate, and signs and encrypts the request with keys derived from
 * it ({@link SymmetricHeaderWriter}); the service unwraps it with its private key, verifies and decrypts
 * ({@link SymmetricHeaderReader}) and secures the reply with the same key, confirming the request's signature. Under
 * {@code UserNameForCertificate} the request carries the caller's {@code UsernameToken}, signed and encrypted, which
 * the service's validator checks; under {@code MutualCertificate} the client's certificate, included, endorses the
 * request's signature and the service's certificate trust checks it; under {@code AnonymousForCertificate} the caller
 * is anonymous.
 *
 * <p>Messages are secured as they are written ({@link EnvelopeProtection}), so the headers the layers below add are
 * signed too, and verified from the envelope as it arrived ({@link ReceivedEnvelope}); the decrypted envelope is read
 * again by the stack's encoder, with its quotas. The service keeps no state between requests: the key travels wrapped
 * in each request and is held only for its reply.
 */
final class SymmetricSecurityProtocol implements SecurityProtocol {
    private final SecurityBindingElement element;
    private final SymmetricHeaderWriter.Settings settings;
    private final boolean signatureConfirmation;
    private final Clock clock;
    private final TextMessageEncoder encoder;
    private final ExpectedServiceIdentity identity;
    private final Optional<ReplayCache> replays;
    private final MessageFreshness freshness;

    SymmetricSecurityProtocol(SecurityBindingElement element, Clock clock, TextMessageEncoder encoder,
            ExpectedServiceIdentity identity) {
        this.element = element;
        this.settings = new SymmetricHeaderWriter.Settings(AlgorithmSuite.forName(element.defaultAlgorithmSuite()),
                secureConversationNamespace(element.messageSecurityVersion()), element.securityHeaderLayout(),
                TransportSecurityProtocol.basicSecurityProfile(element.messageSecurityVersion())).protection(element);
        // WCF's factories ask for confirmation under WS-Security 1.1, the only version this protocol runs
        this.signatureConfirmation = element.requireSignatureConfirmation();
        this.clock = clock;
        this.encoder = encoder;
        this.identity = identity;
        var service = element.localServiceSettings();
        this.replays = MessageFreshness.replayCache(service, clock);
        this.freshness = new MessageFreshness(element.includeTimestamp(), clock);
    }

    /** The modes this protocol runs. */
    static boolean runs(AuthenticationMode mode) {
        return mode == AuthenticationMode.AnonymousForCertificate || mode == AuthenticationMode.UserNameForCertificate
                || mode == AuthenticationMode.MutualCertificate;
    }

    /** Whether {@code version} is one this protocol writes (WS-Security 1.1: thumbprints, EncryptedKeySHA1). */
    static boolean runs(MessageSecurityVersion version) {
        return version.name().startsWith("WSSecurity11");
    }

    private boolean userNameMode() {
        return element.authenticationMode() == AuthenticationMode.UserNameForCertificate;
    }

    private boolean certificateMode() {
        return element.authenticationMode() == AuthenticationMode.MutualCertificate;
    }

    static String secureConversationNamespace(MessageSecurityVersion version) {
        return version.name().contains("WSSecureConversation13") ? WsSecurityNames.SC_13 : WsSecurityNames.SC_FEB2005;
    }

    // ---- client

    @Override
    public void checkClientCredentials(ClientCredentials credentials) {
        if (certificateMode() && credentials.clientCertificate().isEmpty()) {
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

    @Override
    public ReplyVerification secureRequest(Message request, EndpointAddress to, ClientCredentials credentials) {
        return secureRequest(request, to, credentials, Optional.empty());
    }

    /**
     * Secures a request as {@link #secureRequest(Message, EndpointAddress, ClientCredentials)} does, endorsed by a
     * session's context token when {@code context} is given (a renew request, WCF's way).
     */
    ReplyVerification secureRequest(Message request, EndpointAddress to, ClientCredentials credentials,
            Optional<SymmetricHeaderWriter.ContextEndorsement> context) {
        X509Certificate service = credentials.serviceCertificateFor(to.uri()).or(identity::certificate)
                .orElseThrow(() -> new IllegalStateException(
                        WcfText.ServiceCertificateNotProvidedOnClientCredentials.format(to.uri())));
        identity.ensureOutgoing(to.uri(), service);
        if (request.headers().to() == null) {
            request.headers().to(to);
        }
        Optional<UserNameCredential> user = userNameMode() ? credentials.userName() : Optional.empty();
        Optional<X509Credential> own = certificateMode() ? credentials.clientCertificate() : Optional.empty();
        Optional<SecurityTimestamp> ts = freshness.issue(element.localClientSettings().timestampValidityDuration());
        SentRequest sent = new SentRequest();
        request.properties().put(EnvelopeProtection.class, SecurityHeaderProtection.writing(doc -> {
            sent.value = SymmetricHeaderWriter.writeRequest(doc, settings, ts, service, user, own, context);
        }));
        return reply -> verifyReply(reply, sent);
    }

    /** What was sent with a request, once it was written: the key its reply must use. */
    private static final class SentRequest {
        volatile SymmetricHeaderWriter.Sent value;
    }

    private Message verifyReply(Message reply, SentRequest request) {
        if (reply == null) {
            return null;
        }
        if (UnsecuredReply.acceptedAsIs(reply, element.enableUnsecuredResponse())) {
            return reply;
        }
        SymmetricHeaderWriter.Sent sent = request.value;
        if (sent == null) {
            throw new MessageSecurityException("A reply arrived for a request that was never written.");
        }
        Document doc = envelope(reply);
        SymmetricHeaderReader.Received r = SymmetricHeaderReader.readReply(doc, settings, sent.key(),
                sent.encryptedKeySha1());
        freshness.check(r.timestamp(), element.localClientSettings().replayWindow(), element.localClientSettings().maxClockSkew());
        if (signatureConfirmation) {
            SymmetricHeaderReader.checkConfirmations(sent.signatureValues(), r.confirmations());
        }
        return decrypted(doc, reply);
    }

    // ---- service

    @Override
    public void checkServiceCredentials(ServiceCredentials credentials) {
        if (credentials.serviceCertificate().isEmpty()) {
            throw new IllegalStateException(WcfText.ServiceCertificateNotProvidedOnServiceCredentials.format());
        }
        if (userNameMode() && credentials.userNameValidator().isEmpty()) {
            throw new IllegalStateException("UserNameForCertificate needs a UserNamePasswordValidator in the service's"
                    + " credentials (WCF's userNamePasswordValidationMode=\"Custom\"): WCF's default, Windows"
                    + " accounts, is not run by wcf4j, so the endpoint is not opened.");
        }
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
        X509Credential own = credentials.serviceCertificate().orElseThrow();
        Document doc = envelope(request);
        String thumbprint = Base64.getEncoder().encodeToString(CertificateFind.thumbprint(own.certificate()));
        SymmetricHeaderReader.Received r = session != null
                ? SymmetricHeaderReader.readEndorsedRequest(doc, settings, own.privateKey(), thumbprint,
                        certificateMode() ? SymmetricHeaderReader.EndorsingToken.X509
                                : SymmetricHeaderReader.EndorsingToken.NONE, session)
                : SymmetricHeaderReader.readRequest(doc, settings, own.privateKey(), thumbprint,
                        certificateMode() ? SymmetricHeaderReader.EndorsingToken.X509
                                : SymmetricHeaderReader.EndorsingToken.NONE);
        freshness.check(r.timestamp(), element.localServiceSettings().replayWindow(),
                element.localServiceSettings().maxClockSkew());
        replays.ifPresent(cache -> cache.check(r.signatureValue()));
        ServiceSecurityContext caller;
        if (userNameMode()) {
            caller = credentials.authenticate(r.userName());
        } else if (certificateMode()) {
            X509Certificate client = r.clientCertificate().orElseThrow(() -> new MessageSecurityException(
                    "The client's certificate was not found in the request."));
            credentials.clientCertificateAuthentication().validate(client);
            caller = ServiceSecurityContext.certificate(client);
        } else {
            if (r.userName().isPresent()) {
                throw new MessageSecurityException(WcfText.TokenNotExpectedInSecurityHeader.format(
                        "UserNameSecurityToken"));
            }
            caller = ServiceSecurityContext.anonymous();
        }
        Message decrypted = decrypted(doc, request);
        decrypted.properties().put(ServiceSecurityContext.class, caller);
        List<byte[]> confirmations = signatureConfirmation ? r.signatureValues() : List.of();
        return VerifiedRequest.securingReplies(decrypted, freshness,
                element.localServiceSettings().timestampValidityDuration(),
                (out, ts) -> SymmetricHeaderWriter.writeReply(out, settings, ts, r.key(), r.encryptedKeySha1(),
                        confirmations));
    }

    // ---- both

    /** The envelope of a received message as it arrived. */
    static Document envelope(Message m) {
        ReceivedEnvelope received = m.properties().get(ReceivedEnvelope.class).orElseThrow(() ->
                new MessageSecurityException("The security header was not received."));
        return DomXml.parse(received.xml()).getOwnerDocument();
    }

    /**
     * The verified envelope, its security header removed and its body decrypted, read again by the stack's encoder
     * (its reader quotas apply to what was encrypted); the received message's properties carry over.
     */
    private Message decrypted(Document doc, Message received) {
        return decrypted(encoder, doc, received);
    }

    /** As {@link #decrypted(Document, Message)}, read by {@code encoder}. */
    static Message decrypted(TextMessageEncoder encoder, Document doc, Message received) {
        Element envelope = doc.getDocumentElement();
        Element header = SymmetricHeaderWriter.child(envelope, envelope.getNamespaceURI(), "Header").orElseThrow();
        SymmetricHeaderWriter.child(header, WSSE, "Security").ifPresent(header::removeChild);
        byte[] plain = XmlEncryption.serialize(envelope).getBytes(StandardCharsets.UTF_8);
        Message m = encoder.read(plain, encoder.contentType());
        if (m.headers().action() == null && received.headers().action() != null) {
            // without WS-Addressing the action came beside the envelope (SOAPAction), as the transport set it
            m.headers().action(received.headers().action());
        }
        m.properties().putAll(received.properties());
        m.properties().remove(ReceivedEnvelope.class);
        return m;
    }
}
