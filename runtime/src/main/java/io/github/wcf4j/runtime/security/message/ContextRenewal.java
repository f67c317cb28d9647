package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.MessageFault;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import io.github.wcf4j.runtime.security.message.SecureConversationProtocol.Issued;
import io.github.wcf4j.runtime.security.message.SecureConversationProtocol.ServiceContext;
import io.github.wcf4j.runtime.security.message.SecurityProtocol.VerifiedRequest;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javax.xml.namespace.QName;

/**
 * Session key renewal in a secure conversation's security sessions (WCF {@code SecuritySessionClientSettings}'
 * {@code RenewKey}, {@code SecuritySessionSecurityTokenProvider.RenewTokenCore}, {@code SecuritySessionServerSettings}'
 * {@code CheckIncomingToken}/{@code SendRenewFault}, {@code SecuritySessionSecurityTokenAuthenticator}'s renewal): the
 * client's {@code RST/SCT/Renew} and its reading of the {@code RSTR/SCT/Renew}, the service's issue of the next key
 * generation, WCF's renew fault and when a key is stale; the key sets of each side ({@link ClientSessionKeys},
 * {@link ServiceSessionKeys}) as the binding's settings make them.
 *
 * <p>The client secures the Renew as WCF does, by the bootstrap and endorsed by the session's current token, over
 * every bootstrap ({@link SecureConversationProtocol#secureRenewWithBootstrap}): X.509 (MutualCertificate's
 * certificate endorsing first), Kerberos, the negotiated ones under the session's negotiated token, and the transport
 * ones (UserNameOverTransport, CertificateOverTransport, SspiNegotiatedOverTransport: the bootstrap's header, the
 * current token endorsing it with its own key, {@link TransportContextHeader#endorse}). The service
 * also accepts a Renew secured with the session's current key, as earlier wcf4j clients sent it. The body, actions,
 * {@code RenewTarget} and {@code Instance} are WCF's.
 */
final class ContextRenewal {
    private final SecureConversationProtocol protocol;

    ContextRenewal(SecureConversationProtocol protocol) {
        this.protocol = protocol;
    }

    // ---- client

    /**
     * Renews the key of a session's {@code current} context over any {@code exchange} (WCF
     * {@code SecuritySessionSecurityTokenProvider.RenewTokenCore}): {@code RST/SCT/Renew} naming the current token as
     * its {@code RenewTarget}, with entropy as {@code keyEntropyMode} says, secured by the bootstrap and endorsed by
     * the current token; the {@code RSTR/SCT/Renew}, secured by the bootstrap too, issues the context's next key
     * generation ({@code Instance}).
     */
    CompletableFuture<SecurityContext> renew(Function<Message, CompletableFuture<Message>> exchange,
            EndpointAddress to, SecurityContext current, MessageVersion version, ClientSessionKeys keys,
            ClientCredentials credentials) {
        ContextTokenIssuance issuance = protocol.issuance();
        int keyBits = protocol.keyBits();
        Optional<byte[]> entropy = protocol.clientEntropy();
        Optional<byte[]> sent = entropy;
        Message renew = Message.create(version, issuance.renewAction(),
                new XmlFragment(issuance.renew(current, entropy, keyBits)));
        renew.headers().messageId("urn:uuid:" + UUID.randomUUID());
        renew.headers().to(to);
        // WCF's way: secured by the bootstrap, endorsed by the current token
        return protocol.secureRenewWithBootstrap(exchange, renew, to, credentials, current).thenCompose(bootstrapped ->
                exchange.apply(renew).thenApply(reply -> {
            Message rstr = bootstrapped.verify(reply);
            if (rstr == null) {
                throw new MessageSecurityException("The service did not answer the renew request.");
            }
            if (rstr.isFault()) {
                throw new MessageSecurityException("The renew request was refused: "
                        + rstr.fault().orElseThrow().reason(), new SecurityFaultException(rstr.fault().get()));
            }
            if (!issuance.renewResponseAction().equals(rstr.headers().action())) {
                throw new MessageSecurityException(WcfText.InvalidRenewResponseAction.format(
                        rstr.headers().action()));
            }
            SecurityContext next = issuance.readResponse(DomXml.parse(rstr.body().xml()), sent, keyBits);
            if (!next.contextId().equals(current.contextId()) || next.instance().isEmpty()
                    || next.instance().equals(current.instance())) {
                throw new MessageSecurityException("The renew response does not issue a new key generation of the"
                        + " session's security context.");
            }
            return next;
        }));
    }

    /**
     * Verifies a message the service sent in a security session whose keys are {@code keys} (the current one, or the
     * previous one within its rollover). WCF's renew fault ({@code c:RenewNeeded}) makes the key due for renewal and
     * fails the request with WCF's text ({@code SecuritySessionFaultReplyWasSent}, the fault inside).
     */
    Message verify(Message reply, ClientSessionKeys keys) {
        Message verified = protocol.verifyReply(reply, keys::keyOf);
        if (verified != null && verified.isFault()
                && SECURITY_SESSION_FAULT_ACTION.equals(verified.headers().action())
                && verified.fault().flatMap(f -> f.subcode()).filter(renewNeeded()::equals).isPresent()) {
            keys.renewalNeeded();
            throw new MessageSecurityException(WcfText.SecuritySessionFaultReplyWasSent.format(),
                    new SecurityFaultException(verified.fault().orElseThrow()));
        }
        return verified;
    }

    /** The keys of a client's security session whose context was {@code issued}, renewed as the client settings say. */
    ClientSessionKeys clientKeys(SecurityContext issued) {
        SecurityBindingElement element = protocol.element();
        return new ClientSessionKeys(issued, element.localClientSettings(), element.canRenewSecurityContextToken(),
                protocol.clock());
    }

    // ---- service

    /** The keys of a service's security session whose context was {@code issued}, rolled over as the settings say. */
    ServiceSessionKeys serviceKeys(ServiceContext issued) {
        return new ServiceSessionKeys(issued, protocol.element().localServiceSettings().sessionKeyRolloverInterval(),
                protocol.clock());
    }

    /**
     * Whether {@code context}'s key is stale: past its expiry ({@code KeyExpirationTime < DateTime.UtcNow}), so a
     * session's message under it, other than a cancel, gets the renew fault.
     */
    boolean stale(ServiceContext context) {
        boolean stale = context.expires().isBefore(protocol.clock().instant());
        if (stale && !protocol.element().canRenewSecurityContextToken()) {
            // CheckIncomingToken without CanRenewSession: no renew fault, the key has simply expired
            throw new MessageSecurityException(WcfText.SecurityContextKeyExpired.format(context.contextId(),
                    context.instance().orElse("")));
        }
        return stale;
    }

    /**
     * WCF's {@code CheckOutgoingToken}: what the service sends in a session (a reply, a duplex session's message)
     * needs a current key that is not stale.
     *
     * @throws MessageSecurityException {@code SecuritySessionKeyIsStale} when the key has expired
     */
    ServiceContext forSending(ServiceSessionKeys keys) {
        ServiceContext current = keys.current();
        if (current.expires().isBefore(protocol.clock().instant())) {
            throw new MessageSecurityException(WcfText.SecuritySessionKeyIsStale.format());
        }
        return current;
    }

    /** The action of WCF's security session faults ({@code DotNetSecurityStrings.SecuritySessionFaultAction}). */
    static final String SECURITY_SESSION_FAULT_ACTION =
            "http://schemas.microsoft.com/ws/2006/05/security/SecureConversationFault";

    /** {@code c:RenewNeeded}: the key of the context a message used must be renewed (WCF's renew fault). */
    QName renewNeeded() {
        return new QName(SymmetricSecurityProtocol.secureConversationNamespace(
                protocol.element().messageSecurityVersion()), "RenewNeeded");
    }

    /**
     * WCF's renew fault ({@code ServerSecuritySessionChannel.SendRenewFault}): sender, {@code c:RenewNeeded},
     * {@code SecurityRenewFaultReason}, the security session fault action, related to {@code request}, secured with
     * the session's {@code current} key.
     */
    Message renewNeededFault(Message request, ServiceContext current) {
        Message fault = Message.createFault(request.version(), MessageFault.sender(
                WcfText.SecurityRenewFaultReason.format(), renewNeeded()), SECURITY_SESSION_FAULT_ACTION);
        if (request.headers().messageId() != null) {
            fault.headers().relatesTo(request.headers().messageId());
        }
        protocol.secureForClient(fault, current);
        return fault;
    }

    /**
     * A session's renewal ({@code RST/SCT/Renew}, already verified with the session's key {@code renewed}): a new key
     * generation of the same context for the same caller (WCF {@code SecuritySessionSecurityTokenAuthenticator}
     * {@code ProcessRenewRequest}/{@code IssueToken} with the current token): the {@code RenewTarget} must name the
     * key that secured the request ({@code BadRenewTarget} otherwise); the new key is made as at issue, its lifetime
     * {@code sessionKeyRenewalInterval}; the answer is {@code RSTR/SCT/Renew} with the token and its {@code Instance}.
     */
    Issued issue(VerifiedRequest verified, ServiceContext renewed) {
        SecurityBindingElement element = protocol.element();
        ContextTokenIssuance issuance = protocol.issuance();
        if (!element.canRenewSecurityContextToken()) {
            throw new MessageSecurityException(WcfText.SessionKeyRenewalNotSupported.format());
        }
        Message rst = verified.request();
        ContextTokenIssuance.Request asked = issuance.readRequest(DomXml.parse(rst.body().xml()));
        ContextTokenIssuance.Target target = asked.renewTarget().orElseThrow(() -> new MessageSecurityException(
                "The renew request names no security context (RenewTarget)."));
        if (!target.contextId().equals(renewed.contextId()) || !target.instance().equals(renewed.instance())) {
            throw new MessageSecurityException("The renew target '" + target.contextId() + "' (generation '"
                    + target.instance().orElse("") + "') is not the security context token that secured the renew"
                    + " request.");
        }
        ServiceSecurityContext caller = rst.properties().get(ServiceSecurityContext.class)
                .orElse(ServiceSecurityContext.anonymous());
        if (!caller.equals(renewed.caller())) {
            throw new MessageSecurityException(WcfText.WrongIdentityRenewingToken.format());
        }
        SecureConversationProtocol.Keyed keyed = protocol.issueKey(asked);
        Instant created = protocol.clock().instant();
        Instant expires = created.plus(element.localServiceSettings().sessionKeyRenewalInterval());
        Optional<String> instance = Optional.of("urn:uuid:" + UUID.randomUUID());
        String tokenId = "uuid-" + UUID.randomUUID() + "-1";
        String token = issuance.sessionToken(tokenId, renewed.contextId(), instance);
        Message rstr = Message.create(rst.version(), issuance.renewResponseAction(), new XmlFragment(
                issuance.response(token, tokenId, renewed.contextId(), instance, keyed.proof(), created, expires,
                        protocol.keyBits())));
        if (rst.headers().messageId() != null) {
            rstr.headers().relatesTo(rst.headers().messageId());
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
        }, new ServiceContext(renewed.contextId(), keyed.key(), renewed.caller(), expires, instance));
    }
}
