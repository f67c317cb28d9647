package io.github.wcf4j.runtime.security.message;

import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSSE;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSU;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.security.MessageSecurityVersion;
import io.github.wcf4j.runtime.message.MessageFault;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * The WS-Trust exchange that issues a security context token (WCF {@code SecuritySessionSecurityTokenProvider} /
 * {@code AcceleratedTokenAuthenticator}, RS {@code Sec/WSTrust.cs}): the client's {@code RequestSecurityToken} for an
 * SCT with its entropy and key size, the service's {@code RequestSecurityTokenResponse} with the token, its attached
 * and unattached references, a computed proof key ({@code CK/PSHA1} over both entropies), the service's entropy, the
 * lifetime and key size; WS-Trust 1.3 wraps the response in a {@code RequestSecurityTokenResponseCollection}. Written
 * in the element order WCF writes; read leniently as to order, strictly as to content.
 */
final class ContextTokenIssuance {
    static final String TRUST_FEB2005 = "http://schemas.xmlsoap.org/ws/2005/02/trust";
    static final String TRUST_13 = "http://docs.oasis-open.org/ws-sx/ws-trust/200512";
    static final String COOKIE_NS = "http://schemas.microsoft.com/ws/2006/05/security";

    private final String trust;
    private final String trustPrefix;
    private final String sc;
    private final boolean collection;

    ContextTokenIssuance(MessageSecurityVersion version) {
        boolean v13 = version.name().contains("WSTrust13");
        this.trust = v13 ? TRUST_13 : TRUST_FEB2005;
        this.trustPrefix = v13 ? "trust" : "t";
        this.sc = SymmetricSecurityProtocol.secureConversationNamespace(version);
        this.collection = v13;
    }

    /** {@code …/RST/SCT}: the action of a request for a context token. */
    String requestAction() {
        return trust + "/RST/SCT";
    }

    /** {@code …/RSTR/SCT}: the action of the response. */
    String responseAction() {
        return trust + "/RSTR/SCT";
    }

    /** {@code …/RST/SCT/Cancel}: the action of a request to cancel a context token. */
    String cancelAction() {
        return trust + "/RST/SCT/Cancel";
    }

    /** {@code …/RSTR/SCT/Cancel}: the action of its response. */
    String cancelResponseAction() {
        return trust + "/RSTR/SCT/Cancel";
    }

    /** {@code …/RST/SCT/Renew}: the action of a request to renew a context's key. */
    String renewAction() {
        return trust + "/RST/SCT/Renew";
    }

    /** {@code …/RSTR/SCT/Renew}: the action of its response. */
    String renewResponseAction() {
        return trust + "/RSTR/SCT/Renew";
    }

    /**
     * {@code <o:SecurityTokenReference><o:Reference URI="contextId" [c:Instance="instance"] ValueType="…/sct"/>}: WCF's
     * external reference to a context token ({@code WsKeyInfoSerializer.SctStrEntry}: the key generation, once
     * renewed, as the {@code Instance} attribute of the SecureConversation namespace).
     */
    String externalReference(String contextId, Optional<String> instance) {
        return "<o:SecurityTokenReference xmlns:o=\"" + WSSE + "\"><o:Reference URI=\"" + contextId + "\""
                + instance.map(i -> " c:Instance=\"" + i + "\" xmlns:c=\"" + sc + "\"").orElse("")
                + " ValueType=\"" + tokenType() + "\"/></o:SecurityTokenReference>";
    }

    /**
     * A request to renew the key of {@code current} (WCF {@code SecuritySessionSecurityTokenProvider.CreateRenewRequest}
     * written by {@code WSTrust.Driver.WriteRequestSecurityToken}): token type, request type {@code Renew}, the
     * client's entropy, the key size, then the {@code RenewTarget}, the current token by its external reference.
     */
    String renew(SecurityContext current, Optional<byte[]> entropy, int keyBits) {
        String t = trustPrefix + ":";
        return "<" + t + "RequestSecurityToken xmlns:" + trustPrefix + "=\"" + trust + "\">"
                + "<" + t + "TokenType>" + tokenType() + "</" + t + "TokenType>"
                + "<" + t + "RequestType>" + trust + "/Renew</" + t + "RequestType>"
                + entropy.map(e -> "<" + t + "Entropy>" + binarySecret(e, "1") + "</" + t + "Entropy>").orElse("")
                + "<" + t + "KeySize>" + keyBits + "</" + t + "KeySize>"
                + "<" + t + "RenewTarget>" + externalReference(current.contextId(), current.instance()) + "</" + t
                + "RenewTarget></" + t + "RequestSecurityToken>";
    }

    /** A request to cancel the context {@code contextId}. */
    String cancel(String contextId) {
        String t = trustPrefix + ":";
        return "<" + t + "RequestSecurityToken xmlns:" + trustPrefix + "=\"" + trust + "\">"
                + "<" + t + "RequestType>" + trust + "/Cancel</" + t + "RequestType>"
                + "<" + t + "CancelTarget><o:SecurityTokenReference xmlns:o=\"" + WSSE + "\"><o:Reference URI=\""
                + contextId + "\" ValueType=\"" + tokenType() + "\"/></o:SecurityTokenReference></" + t
                + "CancelTarget></" + t + "RequestSecurityToken>";
    }

    /**
     * The context a cancel request names.
     *
     * @throws MessageSecurityException when it is not a cancel request of this version
     */
    String readCancel(Element body) {
        if (!is(body, trust, "RequestSecurityToken")
                || !text(body, trust, "RequestType").orElse("").equals(trust + "/Cancel")) {
            throw new MessageSecurityException("The message is not a request to cancel a security context token.");
        }
        return child(body, trust, "CancelTarget").flatMap(c -> child(c, WSSE, "SecurityTokenReference"))
                .flatMap(r -> child(r, WSSE, "Reference")).map(r -> r.getAttribute("URI"))
                .orElseThrow(() -> new MessageSecurityException("The cancel request names no security context."));
    }

    /** The response to a cancel request. */
    String cancelled() {
        String t = trustPrefix + ":";
        return "<" + t + "RequestSecurityTokenResponse xmlns:" + trustPrefix + "=\"" + trust + "\"><" + t
                + "RequestedTokenCancelled/></" + t + "RequestSecurityTokenResponse>";
    }

    /** Whether {@code body} says the token was cancelled. */
    boolean isCancelled(Element body) {
        return is(body, trust, "RequestSecurityTokenResponse")
                && child(body, trust, "RequestedTokenCancelled").isPresent();
    }

    /** A session's context token: no cookie, the service keeps the context. */
    String sessionToken(String tokenId, String contextId) {
        return sessionToken(tokenId, contextId, Optional.empty());
    }

    /**
     * A session's context token of key generation {@code instance} (a renewed key: {@code c:Instance} after the
     * identifier, as WCF's {@code WriteGeneration} writes it).
     */
    String sessionToken(String tokenId, String contextId, Optional<String> instance) {
        return "<c:SecurityContextToken u:Id=\"" + tokenId + "\" xmlns:c=\"" + sc + "\" xmlns:u=\"" + WSU + "\">"
                + "<c:Identifier>" + contextId + "</c:Identifier>"
                + instance.map(i -> "<c:Instance>" + i + "</c:Instance>").orElse("") + "</c:SecurityContextToken>";
    }

    String tokenType() {
        return sc + "/sct";
    }

    /**
     * The identifiers of the context tokens among the children of a request's security header, in order (WCF's
     * {@code SecurityStandardsManager.TryGetSecurityContextIds}, by which its session filters route a request to
     * the session of its context before any cryptography).
     */
    List<String> contextIds(Element security) {
        return DomXml.children(security).stream()
                .filter(c -> sc.equals(c.getNamespaceURI()) && "SecurityContextToken".equals(c.getLocalName()))
                .map(t -> DomXml.children(t).stream().filter(c -> "Identifier".equals(c.getLocalName()))
                        .findFirst().map(c -> c.getTextContent().strip()).orElse(""))
                .toList();
    }

    /**
     * WCF's fault for a request no security session takes ({@code SecuritySessionDemuxFailureHandler}:
     * {@code SecurityUtils.CreateSecurityContextNotFoundFault}): {@code wsc:BadContextToken}, naming the action.
     */
    MessageFault contextNotFound(String action) {
        String reason = action == null ? WcfText.BadContextTokenFaultReason.format()
                : WcfText.BadContextTokenOrActionFaultReason.format(action);
        return MessageFault.sender(reason, new QName(sc, "BadContextToken"));
    }

    /**
     * A request for a key of {@code keyBits}, with the client's {@code entropy} when its key entropy mode contributes
     * some ({@code ClientEntropy}, {@code CombinedEntropy}).
     */
    String request(Optional<byte[]> entropy, int keyBits) {
        String t = trustPrefix + ":";
        return "<" + t + "RequestSecurityToken xmlns:" + trustPrefix + "=\"" + trust + "\">"
                + "<" + t + "TokenType>" + tokenType() + "</" + t + "TokenType>"
                + "<" + t + "RequestType>" + trust + "/Issue</" + t + "RequestType>"
                + entropy.map(e -> "<" + t + "Entropy>" + binarySecret(e, "1") + "</" + t + "Entropy>").orElse("")
                + "<" + t + "KeySize>" + keyBits + "</" + t + "KeySize>"
                + "</" + t + "RequestSecurityToken>";
    }

    private String binarySecret(byte[] value, String n) {
        String t = trustPrefix + ":";
        return "<" + t + "BinarySecret u:Id=\"uuid-" + java.util.UUID.randomUUID() + "-" + n + "\" Type=\"" + trust
                + "/Nonce\" xmlns:u=\"" + WSU + "\">" + Base64.getEncoder().encodeToString(value) + "</" + t
                + "BinarySecret>";
    }

    /** How the issued key reaches the client (the service's {@code keyEntropyMode}). */
    sealed interface Proof {
        /** {@code CombinedEntropy}: {@code ComputedKey} {@code CK/PSHA1} and the service's entropy. */
        record Computed(byte[] serverEntropy) implements Proof {
        }

        /** {@code ServerEntropy}: the key itself, in {@code RequestedProofToken/BinarySecret}. */
        record Secret(byte[] key) implements Proof {
        }

        /** {@code ClientEntropy}: nothing; the key is the client's entropy. */
        record None() implements Proof {
        }
    }

    /**
     * What a request asked for; a renewal names the context and key generation it renews ({@code renewTarget}).
     */
    record Request(Optional<byte[]> entropy, int keyBits, Optional<Target> renewTarget) {
        Request(Optional<byte[]> entropy, int keyBits) {
            this(entropy, keyBits, Optional.empty());
        }
    }

    /** A context token's key generation named by reference: its identifier and its {@code Instance}, if renewed. */
    record Target(String contextId, Optional<String> instance) {
    }

    /**
     * Reads a request body.
     *
     * @throws MessageSecurityException when it is not a request for a context token of this version
     */
    Request readRequest(Element body) {
        if (!is(body, trust, "RequestSecurityToken")) {
            throw new MessageSecurityException("The message is not a RequestSecurityToken of " + trust + ".");
        }
        String type = text(body, trust, "TokenType").orElse(tokenType());
        if (!type.equals(tokenType())) {
            throw new MessageSecurityException("The token type '" + type + "' is not issued here.");
        }
        String requestType = text(body, trust, "RequestType").orElse(trust + "/Issue");
        boolean renew = requestType.equals(trust + "/Renew");
        if (!requestType.equals(trust + "/Issue") && !renew) {
            throw new MessageSecurityException("The request type '" + requestType + "' is not supported.");
        }
        int keyBits = text(body, trust, "KeySize").map(ContextTokenIssuance::number).orElse(0);
        Optional<byte[]> entropy = child(body, trust, "Entropy").flatMap(e -> child(e, trust, "BinarySecret"))
                .map(b -> DerivedKeyToken.base64(b.getTextContent().strip()));
        Optional<Target> target = Optional.empty();
        if (renew) {
            Element reference = child(body, trust, "RenewTarget").flatMap(r -> child(r, WSSE, "SecurityTokenReference"))
                    .flatMap(r -> child(r, WSSE, "Reference")).orElseThrow(() -> new MessageSecurityException(
                            "The renew request names no security context (RenewTarget)."));
            String instance = reference.getAttributeNS(sc, "Instance");
            target = Optional.of(new Target(reference.getAttribute("URI"),
                    instance.isEmpty() ? Optional.empty() : Optional.of(instance)));
        }
        return new Request(entropy, keyBits, target);
    }

    /** The context token the service issues, its cookie inside. */
    String token(String tokenId, String contextId, byte[] cookie) {
        return "<c:SecurityContextToken u:Id=\"" + tokenId + "\" xmlns:c=\"" + sc + "\" xmlns:u=\"" + WSU + "\">"
                + "<c:Identifier>" + contextId + "</c:Identifier>"
                + "<dnse:Cookie xmlns:dnse=\"" + COOKIE_NS + "\">" + Base64.getEncoder().encodeToString(cookie)
                + "</dnse:Cookie></c:SecurityContextToken>";
    }

    /** The response issuing {@code token}, its key as {@code proof} says. */
    String response(String token, String tokenId, String contextId, Proof proof, Instant created,
            Instant expires, int keyBits) {
        return response(token, tokenId, contextId, Optional.empty(), proof, created, expires, keyBits);
    }

    /**
     * As {@link #response(String, String, String, Proof, Instant, Instant, int)}, for a token of key generation
     * {@code instance} (a renewal's: the unattached reference carries it).
     */
    String response(String token, String tokenId, String contextId, Optional<String> instance, Proof proof,
            Instant created, Instant expires, int keyBits) {
        String t = trustPrefix + ":";
        String str = "<o:SecurityTokenReference xmlns:o=\"" + WSSE + "\"><o:Reference URI=\"%s\" ValueType=\""
                + tokenType() + "\"/></o:SecurityTokenReference>";
        String proofXml = "";
        if (proof instanceof Proof.Computed c) {
            proofXml = "<" + t + "RequestedProofToken><" + t + "ComputedKey>" + trust + "/CK/PSHA1</" + t
                    + "ComputedKey></" + t + "RequestedProofToken>"
                    + "<" + t + "Entropy>" + binarySecret(c.serverEntropy(), "2") + "</" + t + "Entropy>";
        } else if (proof instanceof Proof.Secret secret) {
            proofXml = "<" + t + "RequestedProofToken>" + binarySecret(secret.key(), "2").replace(
                    " Type=\"" + trust + "/Nonce\"", "") + "</" + t + "RequestedProofToken>";
        }
        String rstr = "<" + t + "RequestSecurityTokenResponse" + (collection ? "" : " xmlns:" + trustPrefix + "=\""
                + trust + "\"") + ">"
                + "<" + t + "TokenType>" + tokenType() + "</" + t + "TokenType>"
                + "<" + t + "RequestedSecurityToken>" + token + "</" + t + "RequestedSecurityToken>"
                + "<" + t + "RequestedAttachedReference>" + String.format(str, "#" + tokenId)
                + "</" + t + "RequestedAttachedReference>"
                + "<" + t + "RequestedUnattachedReference>" + externalReference(contextId, instance)
                + "</" + t + "RequestedUnattachedReference>"
                + proofXml
                + "<" + t + "Lifetime><u:Created xmlns:u=\"" + WSU + "\">" + SecurityTimestamp.format(created)
                + "</u:Created><u:Expires xmlns:u=\"" + WSU + "\">" + SecurityTimestamp.format(expires)
                + "</u:Expires></" + t + "Lifetime>"
                + "<" + t + "KeySize>" + keyBits + "</" + t + "KeySize>"
                + "</" + t + "RequestSecurityTokenResponse>";
        return collection ? "<" + t + "RequestSecurityTokenResponseCollection xmlns:" + trustPrefix + "=\"" + trust
                + "\">" + rstr + "</" + t + "RequestSecurityTokenResponseCollection>" : rstr;
    }

    /**
     * Reads a response and makes the context the client holds: the token (standalone, to echo), its key (from both
     * entropies, or the service's proof key), its lifetime.
     *
     * @throws MessageSecurityException when it does not issue a context token as requested
     */
    SecurityContext readResponse(Element body, Optional<byte[]> clientEntropy, int keyBits) {
        Element rstr = body;
        if (is(body, trust, "RequestSecurityTokenResponseCollection")) {
            List<Element> items = DomXml.children(body);
            if (items.isEmpty()) {
                throw new MessageSecurityException("The RequestSecurityTokenResponseCollection is empty.");
            }
            rstr = items.get(0);
        }
        if (!is(rstr, trust, "RequestSecurityTokenResponse")) {
            throw new MessageSecurityException("The reply is not a RequestSecurityTokenResponse of " + trust + ".");
        }
        Element token = child(rstr, trust, "RequestedSecurityToken").flatMap(r -> child(r, sc,
                "SecurityContextToken")).orElseThrow(() -> new MessageSecurityException(
                        "The RequestSecurityTokenResponse does not carry a security context token."));
        String contextId = text(token, sc, "Identifier").orElseThrow(() -> new MessageSecurityException(
                "The security context token has no Identifier."));
        if (token.getAttributeNS(WSU, "Id").isEmpty()) {
            throw new MessageSecurityException("The security context token has no Id.");
        }
        int bits = text(rstr, trust, "KeySize").map(ContextTokenIssuance::number).orElse(keyBits);
        Element proof = child(rstr, trust, "RequestedProofToken").orElse(null);
        byte[] key;
        if (proof != null && text(proof, trust, "ComputedKey").isPresent()) {
            String algorithm = text(proof, trust, "ComputedKey").get();
            if (!algorithm.equals(trust + "/CK/PSHA1")) {
                throw new MessageSecurityException("The computed key algorithm '" + algorithm + "' is not supported.");
            }
            byte[] serverEntropy = child(rstr, trust, "Entropy").flatMap(e -> child(e, trust, "BinarySecret"))
                    .map(b -> DerivedKeyToken.base64(b.getTextContent().strip()))
                    .orElseThrow(() -> new MessageSecurityException("The computed key needs the service's entropy."));
            key = computedKey(clientEntropy.orElseThrow(() -> new MessageSecurityException(
                    "The service computed the key from the client's entropy, which this client did not send.")),
                    serverEntropy, bits);
        } else if (proof != null && child(proof, trust, "BinarySecret").isPresent()) {
            key = DerivedKeyToken.base64(child(proof, trust, "BinarySecret").get().getTextContent().strip());
        } else {
            key = clientEntropy.orElseThrow(() -> new MessageSecurityException(
                    "The RequestSecurityTokenResponse has no proof token, and this client sent no entropy."));
        }
        Instant expires = child(rstr, trust, "Lifetime").flatMap(l -> text(l, WSU, "Expires"))
                .map(SecurityTimestamp::parse).orElse(Instant.MAX);
        Instant created = child(rstr, trust, "Lifetime").flatMap(l -> text(l, WSU, "Created"))
                .map(SecurityTimestamp::parse).orElse(null);
        return new SecurityContext(contextId, standalone(token), key, expires, text(token, sc, "Instance"), created);
    }

    /** WS-Trust's {@code CK/PSHA1}: {@code P_SHA1(client entropy, server entropy)}, {@code keyBits} long. */
    static byte[] computedKey(byte[] clientEntropy, byte[] serverEntropy, int keyBits) {
        return KeyDerivation.pSha1(clientEntropy, "", serverEntropy, 0, keyBits / 8);
    }

    /** {@code e} as text that declares every prefix it uses (a token taken out of its message, to send again). */
    static String standalone(Element e) {
        Document doc = DomXml.newDocument();
        Element copy = (Element) doc.importNode(e, true);
        doc.appendChild(copy);
        List<Element> all = new ArrayList<>();
        collect(copy, all);
        for (Element x : all) {
            declare(copy, x.getPrefix(), x.getNamespaceURI());
            NamedNodeMap attributes = x.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr a = (Attr) attributes.item(i);
                if (a.getPrefix() != null && !XMLConstants.XMLNS_ATTRIBUTE.equals(a.getPrefix())) {
                    declare(copy, a.getPrefix(), a.getNamespaceURI());
                }
            }
        }
        return XmlEncryption.serialize(copy);
    }

    private static void declare(Element root, String prefix, String namespace) {
        if (namespace == null) {
            return;
        }
        String attribute = prefix == null ? XMLConstants.XMLNS_ATTRIBUTE : XMLConstants.XMLNS_ATTRIBUTE + ":" + prefix;
        if (!root.hasAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, prefix == null ? XMLConstants.XMLNS_ATTRIBUTE
                : prefix)) {
            root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, attribute, namespace);
        }
    }

    private static void collect(Element e, List<Element> out) {
        out.add(e);
        for (Element c : DomXml.children(e)) {
            collect(c, out);
        }
    }

    private static int number(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new MessageSecurityException("The key size '" + s + "' is not a number.");
        }
    }

    private static boolean is(Element e, String namespace, String local) {
        return namespace.equals(e.getNamespaceURI()) && local.equals(e.getLocalName());
    }

    private static Optional<Element> child(Element parent, String namespace, String local) {
        return DomXml.children(parent).stream().filter(c -> is(c, namespace, local)).findFirst();
    }

    private static Optional<String> text(Element parent, String namespace, String local) {
        return child(parent, namespace, local).map(c -> c.getTextContent().strip());
    }
}
