package io.github.wcf4j.runtime.security.message;

import static io.github.wcf4j.runtime.security.message.WsSecurityNames.BASE64_BINARY;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.DS;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.EXC_C14N;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.SECURITY;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSSE;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSSE_PREFIX;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSU;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSU_PREFIX;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.message.BufferedHeader;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.MessageHeader;
import io.github.wcf4j.runtime.security.ExpectedServiceIdentity;
import io.github.wcf4j.runtime.security.KerberosCredentials;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.XMLConstants;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dom.DOMStructure;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What {@code authenticationMode="KerberosOverTransport"} does (WCF {@code CreateKerberosOverTransportBindingElement}:
 * a {@code TransportSecurityBindingElement} whose endpoint supporting token is an <em>endorsing</em>
 * {@code KerberosSecurityTokenParameters} without derived keys, timestamp included, replay detection off, suite
 * KerberosDefault): the transport (HTTPS) protects the message; the request carries
 *
 * <pre>
 * o:Security  u:Timestamp (_0)  o:BinarySecurityToken (...#GSS_Kerberosv5_AP_REQ)
 *             ds:Signature  the suite's HMAC with the Kerberos session key over the timestamp, its KeyInfo a local
 *                           reference to the token
 * </pre>
 *
 * and the reply a timestamp only ({@link TransportSecurityProtocol}). The service accepts the AP-REQ (its acceptor's
 * replay cache refuses a replayed authenticator even with replay detection off) and requires the signature to be made
 * with its key over exactly the timestamp; the caller is the Kerberos client principal.
 */
final class KerberosOverTransportProtocol implements SecurityProtocol {
    private final SecurityBindingElement element;
    private final AlgorithmSuite suite;
    private final boolean bspAttributes;
    private final ExpectedServiceIdentity identity;
    private final Optional<KerberosCredentials> kerberos;
    private final WindowsCredentials windows;
    private final TransportSecurityProtocol replies;
    private final MessageFreshness freshness;

    KerberosOverTransportProtocol(SecurityBindingElement element, Clock clock, ExpectedServiceIdentity identity,
            Optional<KerberosCredentials> kerberos, WindowsCredentials windows) {
        this.element = element;
        this.suite = AlgorithmSuite.forName(element.defaultAlgorithmSuite());
        this.bspAttributes = TransportSecurityProtocol.basicSecurityProfile(element.messageSecurityVersion());
        this.identity = identity;
        this.kerberos = kerberos;
        this.windows = windows;
        this.replies = new TransportSecurityProtocol(element, clock);
        this.freshness = new MessageFreshness(true, clock);
    }

    /** The mode this protocol runs. */
    static boolean runs(AuthenticationMode mode) {
        return mode == AuthenticationMode.KerberosOverTransport;
    }

    // ---- client

    @Override
    public void checkClientCredentials(ClientCredentials credentials) {
        windows.checkKerberosToken();
        kerberos.orElseThrow(() -> KerberosCredentials.notConfigured("client")).subject(true);
    }

    @Override
    public ReplyVerification secureRequest(Message request, EndpointAddress to, ClientCredentials credentials) {
        KerberosCredentials own = kerberos.orElseThrow(() -> KerberosCredentials.notConfigured("client"));
        KerberosApRequest.Requested ticket = KerberosApRequest.request(own, identity.kerberosTarget(to.uri()), false);
        SecurityTimestamp ts = freshness.issue(element.localClientSettings().timestampValidityDuration())
                .orElseThrow();
        request.headers().remove(SECURITY);
        request.headers().add(header(ts, ticket));
        return reply -> {
            replies.verifyReply(reply);
            return reply;
        };
    }

    /** The request's header: timestamp, token, the endorsing signature (WCF's order for an endorsing token). */
    private MessageHeader header(SecurityTimestamp t, KerberosApRequest.Requested ticket) {
        Document doc = DomXml.newDocument();
        Element security = doc.createElementNS(WSSE, WSSE_PREFIX + ":Security");
        security.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + WSSE_PREFIX, WSSE);
        security.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + WSU_PREFIX, WSU);
        doc.appendChild(security);
        SymmetricHeaderWriter.Ids ids = new SymmetricHeaderWriter.Ids();
        Element ts = SymmetricHeaderWriter.timestamp(doc, t, ids);
        security.appendChild(ts);
        Element bst = doc.createElementNS(WSSE, WSSE_PREFIX + ":BinarySecurityToken");
        String tokenId = "uuid-" + UUID.randomUUID() + "-1";
        bst.setAttributeNS(WSU, WSU_PREFIX + ":Id", tokenId);
        bst.setIdAttributeNS(WSU, "Id", true);
        bst.setAttribute("ValueType", KerberosApRequest.VALUE_TYPE);
        if (bspAttributes) {
            bst.setAttribute("EncodingType", BASE64_BINARY);
        }
        bst.setTextContent(Base64.getEncoder().encodeToString(ticket.token()));
        security.appendChild(bst);
        TokenReference ref = new TokenReference.Local(tokenId, bspAttributes ? KerberosApRequest.VALUE_TYPE : null);
        try {
            XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
            Reference reference = f.newReference("#" + ts.getAttributeNS(WSU, "Id"),
                    f.newDigestMethod(suite.digest(), null),
                    List.of(f.newTransform(EXC_C14N, (TransformParameterSpec) null)), null, null);
            SignedInfo si = f.newSignedInfo(f.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE,
                    (C14NMethodParameterSpec) null), f.newSignatureMethod(suite.symmetricSignature(), null),
                    List.of(reference));
            XMLSignature signature = f.newXMLSignature(si, f.getKeyInfoFactory().newKeyInfo(List.of(
                    new DOMStructure(ref.write(doc, bspAttributes ? KerberosApRequest.VALUE_TYPE : null)))));
            DOMSignContext context = new DOMSignContext(new SecretKeySpec(ticket.key(), suite.jcaMac()), security);
            context.setDefaultNamespacePrefix("");
            signature.sign(context);
        } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
            throw new MessageSecurityException("The message cannot be signed: " + e.getMessage(), e);
        }
        Element value = (Element) security.getElementsByTagNameNS(DS, "SignatureValue").item(0);
        value.setTextContent(value.getTextContent().replaceAll("\\s", ""));
        StringBuilder content = new StringBuilder(1024);
        DomXml.children(security).forEach(e -> content.append(DomXml.write(e)));
        return new OutgoingSecurityHeader(content.toString());
    }

    // ---- service

    @Override
    public void checkServiceCredentials(ServiceCredentials credentials) {
        SpnegoHandshake.acceptorCredentials(kerberos.orElseThrow(() -> KerberosCredentials.notConfigured("service")));
    }

    @Override
    public VerifiedRequest verifyRequest(Message request, ServiceCredentials credentials) {
        int count = request.headers().count(SECURITY);
        if (count != 1) {
            throw new MessageSecurityException(count == 0 ? WcfText.UnableToFindSecurityHeaderInMessage.format("")
                    : "The message has more than one security header for the same actor.");
        }
        MessageHeader h = request.headers().find(SECURITY).orElseThrow();
        if (!(h instanceof BufferedHeader received)) {
            throw new MessageSecurityException("The security header was not received.");
        }
        Element security = DomXml.parse(received.xml().xml());
        String client = verify(security);
        request.headers().understood(SECURITY);
        request.properties().put(ServiceSecurityContext.class, windows.caller(client));
        return VerifiedRequest.of(request, replies::secureReply);
    }

    /**
     * Checks the header: one timestamp, then one Kerberos token, then one signature by that token's key over exactly
     * the timestamp (declare before use), nothing else; the timestamp fresh.
     *
     * @return the client principal
     */
    private String verify(Element security) {
        SecurityHeaderReader.checkUniqueIds(security);
        Element timestamp = null;
        Element token = null;
        List<Element> signatures = new ArrayList<>();
        for (Element e : DomXml.children(security)) {
            if (is(e, WSU, "Timestamp") && timestamp == null && token == null) {
                timestamp = e;
            } else if (is(e, WSSE, "BinarySecurityToken") && token == null
                    && KerberosApRequest.VALUE_TYPE.equals(e.getAttribute("ValueType"))) {
                token = e;
            } else if (is(e, DS, "Signature") && token != null) {
                signatures.add(e);
            } else {
                throw new MessageSecurityException(WcfText.TokenNotExpectedInSecurityHeader.format(
                        "{" + e.getNamespaceURI() + "}" + e.getLocalName()));
            }
        }
        if (timestamp == null) {
            throw new MessageSecurityException(WcfText.RequiredTimestampMissingInSecurityHeader.format());
        }
        if (token == null) {
            throw new SecurityTokenValidationException(WcfText.SupportingTokenNotProvided.format(
                    KERBEROS_PARAMETERS, "Endorsing"));
        }
        if (signatures.size() != 1) {
            throw new MessageSecurityException(WcfText.SupportingTokenIsNotEndorsing.format(KERBEROS_PARAMETERS));
        }
        freshness.check(Optional.of(SecurityHeaderReader.timestamp(timestamp)),
                element.localServiceSettings().replayWindow(), element.localServiceSettings().maxClockSkew());
        Element signature = signatures.get(0);
        Map<String, Element> byId = new HashMap<>();
        MessageSignatureCheck.index(security, byId);
        List<Element> parts = DomXml.children(signature);
        if (parts.size() != 3 || !is(parts.get(0), DS, "SignedInfo") || !is(parts.get(2), DS, "KeyInfo")) {
            throw new MessageSecurityException("The signature must hold SignedInfo, SignatureValue and KeyInfo.");
        }
        Set<String> referenced = new MessageSignatureCheck(byId, suite).signedInfo(parts.get(0),
                suite.symmetricSignature(), "SymmetricSign");
        if (!referenced.equals(Set.of(timestamp.getAttributeNS(WSU, "Id")))) {
            throw new MessageSecurityException(WcfText.SupportingTokenIsNotEndorsing.format(KERBEROS_PARAMETERS));
        }
        List<Element> clauses = DomXml.children(parts.get(2));
        TokenReference keyRef = clauses.size() == 1 ? TokenReference.read(clauses.get(0)) : null;
        if (!(keyRef instanceof TokenReference.Local local) || !local.id().equals(token.getAttributeNS(WSU, "Id"))) {
            throw new MessageSecurityException(WcfText.UnableToResolveKeyInfoForVerifyingSignature.format(
                    clauses.isEmpty() ? "" : DomXml.write(clauses.get(0)), "KerberosReceiverSecurityToken"));
        }
        KerberosApRequest.Accepted accepted = KerberosApRequest.accept(
                kerberos.orElseThrow(() -> KerberosCredentials.notConfigured("service")),
                DerivedKeyToken.base64(token.getTextContent()));
        XmlSignatureCheck.verify(new SecretKeySpec(accepted.key(), suite.jcaMac()), signature);
        return accepted.client();
    }

    /** WCF's rendering of the endorsing Kerberos parameters, the {@code '{0}'} of its supporting-token texts. */
    static final String KERBEROS_PARAMETERS = "System.ServiceModel.Security.Tokens.KerberosSecurityTokenParameters:"
            + "\r\nInclusionMode: Once\r\nReferenceStyle: Internal\r\nRequireDerivedKeys: False";

    private static boolean is(Element e, String namespace, String local) {
        return namespace.equals(e.getNamespaceURI()) && local.equals(e.getLocalName());
    }
}
