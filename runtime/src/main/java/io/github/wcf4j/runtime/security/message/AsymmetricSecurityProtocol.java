package io.github.wcf4j.runtime.security.message;

import static io.github.wcf4j.runtime.security.message.WsSecurityNames.SECURITY;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.github.wcf4j.runtime.message.EnvelopeProtection;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.security.ExpectedServiceIdentity;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;

/**
 * The asymmetric binding ({@code AsymmetricSecurityBindingElement}, WCF's {@code AsymmetricSecurityProtocol}) over
 * request/reply: {@code MutualCertificate} under WS-Security 1.0 ({@code CreateMutualCertificateBindingElement}, also
 * {@code basicHttpBinding}'s {@code Message} security) and {@code MutualCertificateDuplex}
 * ({@code CreateMutualCertificateDuplexBindingElement}), with WCF's defaults for them: no derived keys,
 * {@code SignBeforeEncryptAndEncryptSignature} or {@code SignBeforeEncrypt} (the signature in the clear).
 *
 * <pre>
 * client  request  signed with the client's key (its certificate included), encrypted to the service's certificate
 * service reply    signed with the service's key (its certificate included only for MutualCertificateDuplex, the
 *                  recipient token's AlwaysToInitiator), encrypted to the certificate that signed the request
 * </pre>
 *
 * Certificates that do not travel are named as the version's token parameters say ({@link X509Reference}: WS-Security
 * 1.0 {@code Any}, 1.1 {@code Thumbprint}). The service authenticates the client's certificate with its
 * {@link X509CertificateValidator} ({@link ServiceCredentials#clientCertificateAuthentication()}); the client accepts
 * a reply signed only by the service certificate it encrypted to (by reference, or included when
 * {@code allowSerializedSigningTokenOnReply} or the mode allows it: then it must be that same certificate). Timestamps
 * and the replay cache are {@link MessageFreshness}'s; signature confirmation (WS-Security 1.1 only) as WCF's.
 */
final class AsymmetricSecurityProtocol implements SecurityProtocol {
    private final SecurityBindingElement element;
    private final SymmetricHeaderWriter.Settings settings;
    private final X509Reference references;
    private final TextMessageEncoder encoder;
    private final ExpectedServiceIdentity identity;
    private final Optional<ReplayCache> replays;
    private final MessageFreshness freshness;

    AsymmetricSecurityProtocol(SecurityBindingElement element, Clock clock, TextMessageEncoder encoder,
            ExpectedServiceIdentity identity) {
        this.element = element;
        this.settings = new SymmetricHeaderWriter.Settings(AlgorithmSuite.forName(element.defaultAlgorithmSuite()),
                SymmetricSecurityProtocol.secureConversationNamespace(element.messageSecurityVersion()),
                element.securityHeaderLayout(),
                TransportSecurityProtocol.basicSecurityProfile(element.messageSecurityVersion())).protection(element);
        this.references = element.messageSecurityVersion().isWsSecurity11() ? X509Reference.THUMBPRINT
                : X509Reference.ANY;
        this.encoder = encoder;
        this.identity = identity;
        this.replays = MessageFreshness.replayCache(element.localServiceSettings(), clock);
        this.freshness = new MessageFreshness(element.includeTimestamp(), clock);
    }

    /** The elements this protocol runs: the asymmetric elements of the two mutual-certificate modes. */
    static boolean runs(SecurityBindingElement e) {
        return e.family() == AuthenticationMode.Family.ASYMMETRIC
                && (e.authenticationMode() == AuthenticationMode.MutualCertificate
                || e.authenticationMode() == AuthenticationMode.MutualCertificateDuplex);
    }

    /** MutualCertificateDuplex's recipient token is {@code AlwaysToInitiator}: the service's certificate travels. */
    private boolean serviceTokenIncluded() {
        return element.authenticationMode() == AuthenticationMode.MutualCertificateDuplex;
    }

    // ---- client

    @Override
    public void checkClientCredentials(ClientCredentials credentials) {
        if (credentials.clientCertificate().isEmpty()) {
            throw new IllegalStateException(WcfText.ClientCertificateNotProvidedOnClientCredentials.format());
        }
    }

    @Override
    public ReplyVerification secureRequest(Message request, EndpointAddress to, ClientCredentials credentials) {
        X509Certificate service = credentials.serviceCertificateFor(to.uri()).or(identity::certificate)
                .orElseThrow(() -> new IllegalStateException(
                        WcfText.ServiceCertificateNotProvidedOnClientCredentials.format(to.uri())));
        identity.ensureOutgoing(to.uri(), service);
        if (request.headers().to() == null) {
            request.headers().to(to);
        }
        X509Credential own = credentials.clientCertificate().orElseThrow();
        Optional<SecurityTimestamp> ts = freshness.issue(element.localClientSettings().timestampValidityDuration());
        AsymmetricHeaderWriter.Parties parties = new AsymmetricHeaderWriter.Parties(own, true, service, references);
        SentRequest sent = new SentRequest();
        request.properties().put(EnvelopeProtection.class, SecurityHeaderProtection.writing(doc -> {
            sent.value = AsymmetricHeaderWriter.write(doc, settings, ts, parties, List.of());
        }));
        return reply -> verifyReply(reply, sent, own, service);
    }

    /** What was sent with a request, once it was written: the signature its reply may confirm. */
    private static final class SentRequest {
        volatile AsymmetricHeaderWriter.Sent value;
    }

    private Message verifyReply(Message reply, SentRequest request, X509Credential own, X509Certificate service) {
        if (reply == null) {
            return null;
        }
        if (UnsecuredReply.acceptedAsIs(reply, element.enableUnsecuredResponse())) {
            return reply;
        }
        AsymmetricHeaderWriter.Sent sent = request.value;
        if (sent == null) {
            throw new MessageSecurityException("A reply arrived for a request that was never written.");
        }
        Document doc = SymmetricSecurityProtocol.envelope(reply);
        AsymmetricHeaderReader.Received r = AsymmetricHeaderReader.read(doc, settings, own,
                new AsymmetricHeaderReader.Signer.Known(service,
                        element.allowSerializedSigningTokenOnReply() || serviceTokenIncluded()));
        freshness.check(r.timestamp(), element.localClientSettings().replayWindow(),
                element.localClientSettings().maxClockSkew());
        if (element.requireSignatureConfirmation()) {
            SymmetricHeaderReader.checkConfirmations(List.of(sent.signatureValue()), r.confirmations());
        }
        return SymmetricSecurityProtocol.decrypted(encoder, doc, reply);
    }

    // ---- service

    @Override
    public void checkServiceCredentials(ServiceCredentials credentials) {
        if (credentials.serviceCertificate().isEmpty()) {
            throw new IllegalStateException(WcfText.ServiceCertificateNotProvidedOnServiceCredentials.format());
        }
    }

    @Override
    public VerifiedRequest verifyRequest(Message request, ServiceCredentials credentials) {
        if (request.headers().count(SECURITY) == 0) {
            throw new MessageSecurityException(WcfText.UnableToFindSecurityHeaderInMessage.format(""));
        }
        X509Credential own = credentials.serviceCertificate().orElseThrow();
        Document doc = SymmetricSecurityProtocol.envelope(request);
        AsymmetricHeaderReader.Received r = AsymmetricHeaderReader.read(doc, settings, own,
                new AsymmetricHeaderReader.Signer.Included());
        noConfirmations(r);
        freshness.check(r.timestamp(), element.localServiceSettings().replayWindow(),
                element.localServiceSettings().maxClockSkew());
        replays.ifPresent(cache -> cache.check(r.signatureValue()));
        X509Certificate client = r.signer();
        credentials.clientCertificateAuthentication().validate(client);
        ServiceSecurityContext caller = ServiceSecurityContext.certificate(client);
        Message decrypted = SymmetricSecurityProtocol.decrypted(encoder, doc, request);
        decrypted.properties().put(ServiceSecurityContext.class, caller);
        List<byte[]> confirmations = element.requireSignatureConfirmation() ? List.of(r.signatureValue()) : List.of();
        AsymmetricHeaderWriter.Parties parties = new AsymmetricHeaderWriter.Parties(own, serviceTokenIncluded(),
                client, references);
        return VerifiedRequest.securingReplies(decrypted, freshness,
                element.localServiceSettings().timestampValidityDuration(),
                (out, ts) -> AsymmetricHeaderWriter.write(out, settings, ts, parties, confirmations));
    }

    // ---- duplex channels (MutualCertificateDuplex over compositeDuplex, WCF's DuplexSecurityProtocolFactory)

    /** Whether this protocol runs {@code e} over duplex channels: MutualCertificateDuplex, as WCF designs it. */
    static boolean runsOverDuplex(SecurityBindingElement e) {
        return runs(e) && e.authenticationMode() == AuthenticationMode.MutualCertificateDuplex;
    }

    /** The duplex service's check when it opens: its own certificate, and the client's to encrypt to (WCF's texts). */
    void checkDuplexServiceCredentials(ServiceCredentials credentials) {
        checkServiceCredentials(credentials);
        if (credentials.clientCertificate().isEmpty()) {
            throw new IllegalStateException(WcfText.ClientCertificateNotProvidedOnServiceCredentials.format());
        }
    }

    /**
     * Secures a message a duplex client sends to {@code to}: signed with its key (its certificate included), encrypted
     * to the service's certificate, as a request.
     */
    void secureFromClient(Message m, EndpointAddress to, ClientCredentials credentials) {
        X509Certificate service = serviceCertificate(to, credentials);
        if (m.headers().to() == null) {
            m.headers().to(to);
        }
        secureOutgoing(m, new AsymmetricHeaderWriter.Parties(credentials.clientCertificate().orElseThrow(), true,
                service, references), element.localClientSettings().timestampValidityDuration());
    }

    /** The service's certificate a client encrypts to, checked against the endpoint's identity. */
    private X509Certificate serviceCertificate(EndpointAddress to, ClientCredentials credentials) {
        X509Certificate service = credentials.serviceCertificateFor(to.uri()).or(identity::certificate)
                .orElseThrow(() -> new IllegalStateException(
                        WcfText.ServiceCertificateNotProvidedOnClientCredentials.format(to.uri())));
        identity.ensureOutgoing(to.uri(), service);
        return service;
    }

    /**
     * Verifies a message a duplex client received: signed by the service's certificate (included, as the recipient
     * token's {@code AlwaysToInitiator} sends it, or referenced), encrypted to the client's; returns it decrypted.
     */
    Message verifyAtClient(Message m, EndpointAddress from, ClientCredentials credentials) {
        X509Certificate service = serviceCertificate(from, credentials);
        if (m.headers().count(SECURITY) == 0) {
            throw new MessageSecurityException(WcfText.UnableToFindSecurityHeaderInMessage.format(""));
        }
        Document doc = SymmetricSecurityProtocol.envelope(m);
        AsymmetricHeaderReader.Received r = AsymmetricHeaderReader.read(doc, settings,
                credentials.clientCertificate().orElseThrow(), new AsymmetricHeaderReader.Signer.Known(service, true));
        // over duplex channels nothing correlates a message with one it could confirm, so none carries confirmations
        noConfirmations(r);
        freshness.check(r.timestamp(), element.localClientSettings().replayWindow(),
                element.localClientSettings().maxClockSkew());
        return SymmetricSecurityProtocol.decrypted(encoder, doc, m);
    }

    /**
     * Verifies a message a duplex service received, as a request: signed by a client certificate it trusts (the
     * caller, in its {@link ServiceSecurityContext}), encrypted to the service's; returns it decrypted.
     */
    Message verifyAtService(Message m, ServiceCredentials credentials) {
        return verifyRequest(m, credentials).request();
    }

    /**
     * Secures a message a duplex service sends (a reply or a callback): signed with its key, its certificate included
     * (WCF's reverse protocol factory for duplex channels and duplex sessions: {@code CryptoTokenParameters} the
     * recipient token's, {@code InclusionMode AlwaysToRecipient}, whichever the mode), encrypted to the client's
     * certificate of its credentials (the initiator token's, {@code External}, {@code Never}).
     */
    void secureFromService(Message m, ServiceCredentials credentials) {
        m.headers().remove(SECURITY);
        secureOutgoing(m, new AsymmetricHeaderWriter.Parties(credentials.serviceCertificate().orElseThrow(),
                true, credentials.clientCertificate().orElseThrow(), references),
                element.localServiceSettings().timestampValidityDuration());
    }

    /**
     * A message received as a responder (a request, or any message over duplex channels, where WCF's
     * {@code DuplexSecurityProtocolFactory} keeps no correlation) carries no signature confirmation (WCF's
     * {@code ReceiveSecurityHeader}: only an initiator reading a reply expects one).
     */
    private static void noConfirmations(AsymmetricHeaderReader.Received r) {
        if (!r.confirmations().isEmpty()) {
            throw new MessageSecurityException(WcfText.SignatureConfirmationsNotExpected.format());
        }
    }

    private void secureOutgoing(Message m, AsymmetricHeaderWriter.Parties parties, Duration validity) {
        Optional<SecurityTimestamp> ts = freshness.issue(validity);
        m.properties().put(EnvelopeProtection.class, SecurityHeaderProtection.writing(doc ->
                AsymmetricHeaderWriter.write(doc, settings, ts, parties, List.of())));
    }
}
