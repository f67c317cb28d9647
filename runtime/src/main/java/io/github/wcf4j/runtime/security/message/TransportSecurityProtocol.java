package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.runtime.security.MessageSecurityException;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.SECURITY;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.MessageSecurityVersion;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.message.BufferedHeader;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.MessageFault;
import io.github.wcf4j.runtime.message.MessageHeader;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import io.github.wcf4j.binding.encoding.AddressingVersion;
import io.github.wcf4j.runtime.message.EnvelopeProtection;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What a {@code TransportSecurityBindingElement} does to each message (WCF {@code TransportSecurityProtocol} with the
 * factory settings of {@code CreateUserNameOverTransportBindingElement} / {@code CreateCertificateOverTransport...}):
 * the client's requests carry a timestamp and the client's token (a {@code UsernameToken}, or an X.509 token endorsing
 * the timestamp), the service's replies a timestamp. Replay detection is off, as those factories set it. The transport
 * (HTTPS) protects the message; this protocol authenticates the client and bounds the message's age.
 */
final class TransportSecurityProtocol implements SecurityProtocol {
    private final SecurityBindingElement element;
    private final AlgorithmSuite suite;
    private final boolean bspAttributes;
    private final Clock clock;

    TransportSecurityProtocol(SecurityBindingElement element, Clock clock) {
        this.element = element;
        this.suite = AlgorithmSuite.forName(element.defaultAlgorithmSuite());
        this.bspAttributes = basicSecurityProfile(element.messageSecurityVersion());
        this.clock = clock;
    }

    /** The modes this protocol runs. */
    static boolean runs(AuthenticationMode mode) {
        return mode == AuthenticationMode.UserNameOverTransport || mode == AuthenticationMode.CertificateOverTransport;
    }

    private boolean certificateMode() {
        return element.authenticationMode() == AuthenticationMode.CertificateOverTransport;
    }

    // ---- client

    /** Checks at build time that the client has the credential its mode sends (WCF's texts). */
    @Override
    public void checkClientCredentials(ClientCredentials credentials) {
        if (certificateMode() && credentials.clientCertificate().isEmpty()) {
            throw new IllegalStateException(WcfText.ClientCertificateNotProvidedOnClientCredentials.format());
        }
        if (!certificateMode()) {
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
        secureRequest(request, credentials);
        return reply -> {
            verifyReply(reply);
            return reply;
        };
    }

    /**
     * Secures an outgoing request: its security header, replacing any the message had. The client certificate's
     * endorsing signature covers the timestamp and, with WS-Addressing, the {@code To} header, signed in the envelope
     * as it is written (WCF's {@code ShouldSignToHeader}: no message protection, an asymmetric endorsing key).
     */
    void secureRequest(Message request, ClientCredentials credentials) {
        Optional<SecurityTimestamp> ts = timestamp(element.localClientSettings().timestampValidityDuration());
        boolean signTo = signsTo(request);
        Optional<X509Credential> endorsing = certificateMode() ? credentials.clientCertificate() : Optional.empty();
        MessageHeader header = SecurityHeaderWriter.write(element.securityHeaderLayout(), ts,
                certificateMode() ? Optional.empty() : credentials.userName(), endorsing, suite, bspAttributes,
                !signTo);
        request.headers().remove(SECURITY);
        request.headers().add(header);
        if (signTo) {
            String addressing = request.version().addressing().namespace();
            request.properties().put(EnvelopeProtection.class, SecurityHeaderProtection.writing(doc ->
                    SecurityHeaderWriter.endorseWithTo(doc, addressing, endorsing.orElseThrow(), suite,
                            bspAttributes)));
        }
    }

    /**
     * Secures a security session's renew request over this bootstrap as WCF does
     * ({@code SecuritySessionSecurityTokenProvider.DoOperation} for {@code Renew}: the bootstrap's protocol, the
     * session's current token added as an endorsing supporting token): the header of any request (timestamp, the
     * {@code UsernameToken} or the certificate endorsing), then the {@code current} context token ({@code tokenXml},
     * its {@code key}) endorsing it ({@link TransportContextHeader#endorse}, the outer element's {@code scSuite}).
     */
    void secureRenew(Message renew, ClientCredentials credentials, AlgorithmSuite scSuite, String scNamespace,
            String tokenXml, byte[] key) {
        secureRequest(renew, credentials);
        endorseWithContext(renew, scSuite, scNamespace, tokenXml, key);
    }

    /**
     * Adds the context token ({@code tokenXml}, its {@code key}) endorsing {@code m}, after whatever protection its
     * bootstrap already set on its envelope.
     */
    static void endorseWithContext(Message m, AlgorithmSuite scSuite, String scNamespace, String tokenXml,
            byte[] key) {
        Optional<EnvelopeProtection> bootstrap = m.properties().get(EnvelopeProtection.class);
        EnvelopeProtection endorse = SecurityHeaderProtection.writing(doc ->
                TransportContextHeader.endorse(doc, scSuite, scNamespace, tokenXml, key));
        m.properties().put(EnvelopeProtection.class, envelope ->
                endorse.protect(bootstrap.map(b -> b.protect(envelope)).orElse(envelope)));
    }

    /** Whether {@code m}'s endorsing signature must cover its {@code To} header: a certificate, and addressing. */
    private boolean signsTo(Message m) {
        return certificateMode() && m.version().addressing() != AddressingVersion.NONE;
    }

    /**
     * Verifies a reply (WCF's client side of the protocol): its timestamp, when the binding includes one; a fault
     * without a security header is WCF's {@code UnsecuredMessageFaultReceived}; with {@code enableUnsecuredResponse}
     * a reply without one is accepted.
     *
     * @throws MessageSecurityException when the reply's security does not verify
     */
    void verifyReply(Message reply) {
        if (reply == null) {
            return;
        }
        int count = reply.headers().count(SECURITY);
        if (count == 0) {
            if (element.enableUnsecuredResponse()) {
                return;
            }
            if (reply.isFault()) {
                throw new MessageSecurityException(WcfText.UnsecuredMessageFaultReceived.format(),
                        new SecurityFaultException(reply.fault().orElseThrow()));
            }
            if (!element.includeTimestamp()) {
                return;
            }
            throw new MessageSecurityException(WcfText.UnableToFindSecurityHeaderInMessage.format(""));
        }
        SecurityHeaderReader.Received r = read(reply, count);
        if (!r.tokens().isEmpty() || r.userName().isPresent()) {
            throw new MessageSecurityException(WcfText.TokenNotExpectedInSecurityHeader.format(
                    r.userName().isPresent() ? "UserNameSecurityToken" : "X509SecurityToken"));
        }
        checkTimestamp(r, element.localClientSettings().replayWindow(),
                element.localClientSettings().maxClockSkew());
        reply.headers().understood(SECURITY);
    }

    // ---- service

    /** Checks at build time that the service can authenticate its mode's token. */
    @Override
    public void checkServiceCredentials(ServiceCredentials credentials) {
        if (!certificateMode() && credentials.userNameValidator().isEmpty()) {
            throw new IllegalStateException("UserNameOverTransport needs a UserNamePasswordValidator in the service's"
                    + " credentials (WCF's userNamePasswordValidationMode=\"Custom\"): WCF's default, Windows"
                    + " accounts, is not run by wcf4j, so the endpoint is not opened.");
        }
    }

    /**
     * Verifies a request and authenticates its sender (WCF's service side of the protocol).
     *
     * @return who sent it
     * @throws MessageSecurityException or {@link SecurityTokenValidationException} when it does not verify
     */
    @Override
    public VerifiedRequest verifyRequest(Message request, ServiceCredentials credentials) {
        authenticate(request, credentials);
        return VerifiedRequest.of(request, this::secureReply);
    }

    ServiceSecurityContext authenticate(Message request, ServiceCredentials credentials) {
        int count = request.headers().count(SECURITY);
        if (count == 0) {
            throw new MessageSecurityException(WcfText.UnableToFindSecurityHeaderInMessage.format(""));
        }
        SecurityHeaderReader.Received r = signsTo(request) ? readWithTo(request, count) : read(request, count);
        return authenticated(request, r, credentials);
    }

    /**
     * Verifies a security session's renew request secured by this bootstrap ({@link #secureRenew}): the session's
     * context token's endorsement, its key as {@code keys} finds it, then the rest as any request's header; the caller
     * is the bootstrap's. The reply carries a timestamp only.
     *
     * @throws MessageSecurityException or {@link SecurityTokenValidationException} when it does not verify
     */
    VerifiedRequest verifyRenew(Message request, ServiceCredentials credentials, AlgorithmSuite scSuite,
            String scNamespace, java.util.function.Function<Element, byte[]> keys) {
        int count = request.headers().count(SECURITY);
        if (count == 0) {
            throw new MessageSecurityException(WcfText.UnableToFindSecurityHeaderInMessage.format(""));
        }
        if (count > 1) {
            throw new MessageSecurityException("The message has more than one security header for the same actor.");
        }
        Document doc = SymmetricSecurityProtocol.envelope(request);
        Element envelope = doc.getDocumentElement();
        Element header = SymmetricHeaderWriter.child(envelope, envelope.getNamespaceURI(), "Header").orElseThrow();
        Optional<Element> to = signsTo(request) ? Optional.of(signedTo(header, request)) : Optional.empty();
        Element security = SymmetricHeaderWriter.child(header, SECURITY.getNamespaceURI(), SECURITY.getLocalPart())
                .orElseThrow();
        TransportContextHeader.takeEndorsement(security, scSuite, scNamespace,
                to.map(t -> t.getAttributeNS(WsSecurityNames.WSU, "Id")), keys);
        authenticated(request, SecurityHeaderReader.read(security, element.securityHeaderLayout(), suite, to),
                credentials);
        return VerifiedRequest.of(request, this::secureReply);
    }

    /** The caller a verified request header {@code r} authenticates, as this mode does, set on {@code request}. */
    private ServiceSecurityContext authenticated(Message request, SecurityHeaderReader.Received r,
            ServiceCredentials credentials) {
        checkTimestamp(r, element.localServiceSettings().replayWindow(),
                element.localServiceSettings().maxClockSkew());
        ServiceSecurityContext context;
        if (certificateMode()) {
            if (r.userName().isPresent()) {
                throw new MessageSecurityException(WcfText.TokenNotExpectedInSecurityHeader.format(
                        "UserNameSecurityToken"));
            }
            if (r.tokens().size() != 1 || r.endorsingSigners().size() != 1) {
                throw new MessageSecurityException(WcfText.SupportingTokenIsNotEndorsing.format(
                        "X509SecurityTokenParameters"));
            }
            X509CertificateAuthentication trust = credentials.clientCertificateAuthentication();
            trust.validate(r.endorsingSigners().get(0));
            context = ServiceSecurityContext.certificate(r.endorsingSigners().get(0));
        } else {
            if (!r.tokens().isEmpty()) {
                throw new MessageSecurityException(WcfText.TokenNotExpectedInSecurityHeader.format(
                        "X509SecurityToken"));
            }
            context = credentials.authenticate(r.userName());
        }
        request.headers().understood(SECURITY);
        request.properties().put(ServiceSecurityContext.class, context);
        return context;
    }

    /** Secures a reply: a security header with a timestamp, when the binding includes one. */
    void secureReply(Message reply) {
        reply.headers().remove(SECURITY);
        timestamp(element.localServiceSettings().timestampValidityDuration()).ifPresent(ts -> reply.headers().add(
                SecurityHeaderWriter.write(element.securityHeaderLayout(), Optional.of(ts), Optional.empty(),
                        Optional.empty(), suite, bspAttributes)));
    }

    /**
     * WCF's generic fault for a request whose security failed ({@code SecurityUtils.CreateSecurityMessageFault}):
     * {@code o:FailedAuthentication} when a token was refused, else {@code o:InvalidSecurity}; never the detail.
     */
    static MessageFault fault(RuntimeException failure) {
        if (failure instanceof SecurityTokenValidationException) {
            return MessageFault.sender(WcfText.FailedAuthenticationFaultReason.format(),
                    WsSecurityNames.FAILED_AUTHENTICATION);
        }
        return MessageFault.sender(WcfText.InvalidSecurityFaultReason.format(), WsSecurityNames.INVALID_SECURITY);
    }

    // ---- both

    private SecurityHeaderReader.Received read(Message m, int count) {
        if (count > 1) {
            throw new MessageSecurityException("The message has more than one security header for the same actor.");
        }
        MessageHeader h = m.headers().find(SECURITY).orElseThrow();
        if (!(h instanceof BufferedHeader received)) {
            throw new MessageSecurityException("The security header was not received.");
        }
        Element security = DomXml.parse(received.xml().xml());
        return SecurityHeaderReader.read(security, element.securityHeaderLayout(), suite);
    }

    /**
     * Reads a request's security header in its received envelope, where its endorsing signature must also cover the
     * {@code To} header (WCF's {@code WSSecurityOneDotZeroReceiveSecurityHeader} for an asymmetric endorsing key over a
     * transport: {@code TransportSecuredMessageMissingToHeader}, {@code UnsignedToHeaderInTransportSecuredMessage}).
     */
    private SecurityHeaderReader.Received readWithTo(Message m, int count) {
        if (count > 1) {
            throw new MessageSecurityException("The message has more than one security header for the same actor.");
        }
        Document doc = SymmetricSecurityProtocol.envelope(m);
        Element envelope = doc.getDocumentElement();
        Element header = SymmetricHeaderWriter.child(envelope, envelope.getNamespaceURI(), "Header").orElseThrow();
        Element to = signedTo(header, m);
        List<Element> securities = DomXml.children(header).stream().filter(h -> SECURITY.getNamespaceURI().equals(
                h.getNamespaceURI()) && SECURITY.getLocalPart().equals(h.getLocalName())).toList();
        if (securities.size() != 1) {
            throw new MessageSecurityException("The message has more than one security header for the same actor.");
        }
        return SecurityHeaderReader.read(securities.get(0), element.securityHeaderLayout(), suite, Optional.of(to));
    }

    /** The one {@code To} header of {@code m} (in its received {@code header}), which must carry its {@code wsu:Id}. */
    private static Element signedTo(Element header, Message m) {
        String addressing = m.version().addressing().namespace();
        List<Element> tos = DomXml.children(header).stream()
                .filter(h -> addressing.equals(h.getNamespaceURI()) && "To".equals(h.getLocalName())).toList();
        if (tos.isEmpty()) {
            throw new MessageSecurityException(WcfText.TransportSecuredMessageMissingToHeader.format());
        }
        if (tos.size() > 1) {
            throw new MessageSecurityException(WcfText.TransportSecuredMessageHasMoreThanOneToHeader.format());
        }
        Element to = tos.get(0);
        if (!to.hasAttributeNS(WsSecurityNames.WSU, "Id")) {
            throw new MessageSecurityException(WcfText.UnsignedToHeaderInTransportSecuredMessage.format());
        }
        return to;
    }

    private void checkTimestamp(SecurityHeaderReader.Received r, Duration timeToLive, Duration clockSkew) {
        if (r.timestamp().isEmpty()) {
            if (element.includeTimestamp() || certificateMode()) {
                throw new MessageSecurityException(WcfText.RequiredTimestampMissingInSecurityHeader.format());
            }
            return;
        }
        r.timestamp().get().validate(clock.instant(), timeToLive, clockSkew);
    }

    private Optional<SecurityTimestamp> timestamp(Duration validity) {
        return element.includeTimestamp() ? Optional.of(SecurityTimestamp.issue(clock.instant(), validity))
                : Optional.empty();
    }

    /** {@code check} run now, as a future: completed, or failed with what it threw (for {@code onOpen}). */
    static CompletableFuture<Void> checked(Runnable check) {
        try {
            check.run();
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Whether {@code version} writes the Basic Security Profile's attributes ({@code ValueType} on references). */
    static boolean basicSecurityProfile(MessageSecurityVersion version) {
        return version.name().endsWith("BasicSecurityProfile10");
    }
}
