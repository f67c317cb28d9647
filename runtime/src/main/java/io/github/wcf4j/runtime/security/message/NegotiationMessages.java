package io.github.wcf4j.runtime.security.message;

import static io.github.wcf4j.runtime.security.message.WsSecurityNames.BASE64_BINARY;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSSE;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSU;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.XENC;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.security.MessageSecurityVersion;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.xml.crypto.Data;
import javax.xml.crypto.OctetStreamData;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.TransformService;
import org.w3c.dom.Element;

/**
 * The WS-Trust bodies of WCF's binary negotiations, TLSNEGO and SPNEGO ({@code TlsnegoTokenProvider},
 * {@code SpnegoTokenProvider} and their authenticators over {@code SspiNegotiationTokenProvider}/
 * {@code ...Authenticator},
 * written by {@code WSTrust.Driver}): the client's first {@code RequestSecurityToken} (Context, TokenType, KeySize,
 * BinaryExchange; no RequestType), the legs after it as {@code RequestSecurityTokenResponse}s with a
 * {@code BinaryExchange}, and the service's final collection: the RSTR issuing the security context token (TokenType,
 * RequestedSecurityToken, attached and unattached references, RequestedProofToken holding the key wrapped by the
 * mechanism ({@code #TLS_Wrap}, {@code #GSS_Wrap}), Lifetime, KeySize, the last BinaryExchange) and the RSTR with the
 * {@code Authenticator/CombinedHash}. The {@link Profile} names what differs between the two: the BinaryExchange
 * ValueType (TLSNEGO's February 2005 one with WCF's leading space, the service accepting either form and echoing the
 * client's; SPNEGO's February 2005 URI under both WS-Trust versions) and the wrap algorithm.
 */
final class NegotiationMessages {
    /**
     * What a negotiation's mechanism puts on the wire.
     *
     * @param name            the mechanism as texts name it, e.g. "TLS"
     * @param valueTypeFeb2005 the client's BinaryExchange ValueType under WS-Trust February 2005
     * @param valueType13     the client's BinaryExchange ValueType under WS-Trust 1.3
     * @param wrapAlgorithm   the proof key's EncryptionMethod
     */
    record Profile(String name, String valueTypeFeb2005, String valueType13, String wrapAlgorithm) {
        boolean accepts(String valueType) {
            return valueType.equals(valueTypeFeb2005) || valueType.equals(valueType13);
        }
    }

    /** {@code XD.TrustFeb2005Dictionary.TlsnegoValueTypeUri}: WCF writes it with a leading space. */
    static final String VALUE_TYPE_FEB2005 = " http://schemas.xmlsoap.org/ws/2005/02/trust/tlsnego";
    /** {@code DXD.TrustDec2005Dictionary.TlsnegoValueTypeUri}. */
    static final String VALUE_TYPE_13 = "http://schemas.xmlsoap.org/ws/2005/02/trust/tlsnego";
    /** The proof key's wrap algorithm: TLS application data (no {@code /ws/} in the URI, as WCF has it). */
    static final String TLS_WRAP = "http://schemas.xmlsoap.org/2005/02/trust/tlsnego#TLS_Wrap";
    /** {@code XD.TrustFeb2005Dictionary.SpnegoValueTypeUri}, under both versions ({@code SpnegoTokenProvider}). */
    static final String SPNEGO_VALUE_TYPE = "http://schemas.xmlsoap.org/ws/2005/02/trust/spnego";
    /** The proof key's wrap algorithm under SPNEGO: GSS wrap (no {@code /ws/} in the URI, as WCF has it). */
    static final String GSS_WRAP = "http://schemas.xmlsoap.org/2005/02/trust/spnego#GSS_Wrap";
    static final Profile TLSNEGO = new Profile("TLS", VALUE_TYPE_FEB2005, VALUE_TYPE_13, TLS_WRAP);
    static final Profile SPNEGO = new Profile("SPNEGO", SPNEGO_VALUE_TYPE, SPNEGO_VALUE_TYPE, GSS_WRAP);
    /** {@code SecurityUtils.CombinedHashLabel}. */
    static final String COMBINED_HASH_LABEL = "AUTH-HASH";
    /** {@code SecurityNegotiationConstants.NegotiationAuthenticatorSize}, bytes. */
    static final int AUTHENTICATOR_BYTES = 32;

    private final String trust;
    private final String t;
    private final String valueType;
    private final boolean v13;
    private final String sc;
    private final Profile profile;

    NegotiationMessages(MessageSecurityVersion version, Profile profile) {
        this.profile = profile;
        this.v13 = version.name().contains("WSTrust13");
        this.trust = v13 ? ContextTokenIssuance.TRUST_13 : ContextTokenIssuance.TRUST_FEB2005;
        this.t = (v13 ? "trust" : "t") + ":";
        this.valueType = v13 ? profile.valueType13() : profile.valueTypeFeb2005();
        this.sc = SymmetricSecurityProtocol.secureConversationNamespace(version);
    }

    /** {@code …/RST/Issue}: the client's first leg. */
    String requestAction() {
        return trust + "/RST/Issue";
    }

    /** {@code …/RSTR/Issue}: every later leg either way, and WS-Trust February 2005's final one. */
    String responseAction() {
        return trust + "/RSTR/Issue";
    }

    /** The action of the service's final leg: {@code …/RSTRC/IssueFinal} under WS-Trust 1.3. */
    String finalAction() {
        return v13 ? trust + "/RSTRC/IssueFinal" : responseAction();
    }

    private String prefixDeclaration() {
        return " xmlns:" + t.substring(0, t.length() - 1) + "=\"" + trust + "\"";
    }

    private String binaryExchange(String type, byte[] blob) {
        return "<" + t + "BinaryExchange ValueType=\"" + type + "\" EncodingType=\"" + BASE64_BINARY + "\">"
                + Base64.getEncoder().encodeToString(blob) + "</" + t + "BinaryExchange>";
    }

    /** The client's first leg: its first flight (ClientHello) for a key of {@code keyBits}. */
    String firstRequest(String context, int keyBits, byte[] blob) {
        return "<" + t + "RequestSecurityToken Context=\"" + context + "\"" + prefixDeclaration() + ">"
                + "<" + t + "TokenType>" + sc + "/sct</" + t + "TokenType>"
                + "<" + t + "KeySize>" + keyBits + "</" + t + "KeySize>"
                + binaryExchange(valueType, blob) + "</" + t + "RequestSecurityToken>";
    }

    /** A leg that only carries a flight (either way), under {@code type} (the ValueType the client chose). */
    String leg(String context, String type, byte[] blob) {
        return "<" + t + "RequestSecurityTokenResponse Context=\"" + context + "\"" + prefixDeclaration() + ">"
                + binaryExchange(type, blob) + "</" + t + "RequestSecurityTokenResponse>";
    }

    /** The client's ValueType. */
    String valueType() {
        return valueType;
    }

    /**
     * The final RSTR, issuing the session token {@code tokenXml} (id {@code tokenId}, identifier {@code contextId})
     * with its key TLS-wrapped; {@code blob}, when not empty, is the service's last flight.
     */
    String issued(String context, String type, String tokenXml, String tokenId, String contextId, byte[] wrappedKey,
            Instant created, Instant expires, int keyBits, byte[] blob) {
        String str = "<o:SecurityTokenReference xmlns:o=\"" + WSSE + "\"><o:Reference URI=\"%s\" ValueType=\"" + sc
                + "/sct\"/></o:SecurityTokenReference>";
        return "<" + t + "RequestSecurityTokenResponse Context=\"" + context + "\" xmlns:u=\"" + WSU + "\">"
                + "<" + t + "TokenType>" + sc + "/sct</" + t + "TokenType>"
                + "<" + t + "RequestedSecurityToken>" + tokenXml + "</" + t + "RequestedSecurityToken>"
                + "<" + t + "RequestedAttachedReference>" + String.format(str, "#" + tokenId) + "</" + t
                + "RequestedAttachedReference>"
                + "<" + t + "RequestedUnattachedReference>" + String.format(str, contextId) + "</" + t
                + "RequestedUnattachedReference>"
                + "<" + t + "RequestedProofToken><e:EncryptedKey xmlns:e=\"" + XENC + "\"><e:EncryptionMethod"
                + " Algorithm=\"" + profile.wrapAlgorithm() + "\"/><e:CipherData><e:CipherValue>"
                + Base64.getEncoder().encodeToString(wrappedKey) + "</e:CipherValue></e:CipherData></e:EncryptedKey>"
                + "</" + t + "RequestedProofToken>"
                + "<" + t + "Lifetime><u:Created>" + SecurityTimestamp.format(created) + "</u:Created><u:Expires>"
                + SecurityTimestamp.format(expires) + "</u:Expires></" + t + "Lifetime>"
                + "<" + t + "KeySize>" + keyBits + "</" + t + "KeySize>"
                + (blob.length == 0 ? "" : binaryExchange(type, blob))
                + "</" + t + "RequestSecurityTokenResponse>";
    }

    /** The RSTR carrying the negotiation's authenticator. */
    String authenticator(String context, byte[] combinedHash) {
        return "<" + t + "RequestSecurityTokenResponse Context=\"" + context + "\"><" + t + "Authenticator><" + t
                + "CombinedHash>" + Base64.getEncoder().encodeToString(combinedHash) + "</" + t + "CombinedHash></"
                + t + "Authenticator></" + t + "RequestSecurityTokenResponse>";
    }

    /** The final collection: the issuing RSTR and the authenticator's. */
    String collection(String issued, String authenticator) {
        return "<" + t + "RequestSecurityTokenResponseCollection" + prefixDeclaration() + ">" + issued
                + authenticator + "</" + t + "RequestSecurityTokenResponseCollection>";
    }

    // ---- reading

    boolean isRequest(Element e) {
        return is(e, "RequestSecurityToken");
    }

    boolean isResponse(Element e) {
        return is(e, "RequestSecurityTokenResponse");
    }

    boolean isCollection(Element e) {
        return is(e, "RequestSecurityTokenResponseCollection");
    }

    private boolean is(Element e, String local) {
        return trust.equals(e.getNamespaceURI()) && local.equals(e.getLocalName());
    }

    /** The {@code Context} attribute (WCF's {@code BadSecurityNegotiationContext} when it is missing). */
    static String context(Element e) {
        String context = e.getAttribute("Context");
        if (context.isEmpty()) {
            throw new MessageSecurityException(WcfText.BadSecurityNegotiationContext.format());
        }
        return context;
    }

    /** A leg's BinaryExchange, as ValueType and blob; empty when it has none. */
    Optional<Exchange> exchange(Element leg) {
        Optional<Element> b = child(leg, trust, "BinaryExchange");
        if (b.isEmpty()) {
            return Optional.empty();
        }
        String type = b.get().getAttribute("ValueType");
        if (!profile.accepts(type)) {
            throw new MessageSecurityException("The BinaryExchange's ValueType '" + type + "' is not "
                    + profile.name() + "'s.");
        }
        String encoding = b.get().getAttribute("EncodingType");
        if (!encoding.isEmpty() && !encoding.equals(BASE64_BINARY)) {
            throw new MessageSecurityException("The BinaryExchange's EncodingType '" + encoding
                    + "' is not supported.");
        }
        return Optional.of(new Exchange(type, DerivedKeyToken.base64(b.get().getTextContent().strip())));
    }

    /** A BinaryExchange: its ValueType and blob. */
    record Exchange(String valueType, byte[] blob) {
    }

    /** The requested key size of a first leg, 0 when it names none. */
    int keySize(Element rst) {
        return text(rst, "KeySize").map(s -> {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new MessageSecurityException("The key size '" + s + "' is not a number.");
            }
        }).orElse(0);
    }

    /** The request type of a first leg, when it names one (WCF's client names none). */
    Optional<String> requestType(Element rst) {
        return text(rst, "RequestType");
    }

    String issueRequestType() {
        return trust + "/Issue";
    }

    /** The {@code c:SecurityContextToken} of the issuing RSTR. */
    Element issuedToken(Element rstr) {
        return child(rstr, trust, "RequestedSecurityToken").flatMap(r -> child(r, sc, "SecurityContextToken"))
                .orElseThrow(() -> new MessageSecurityException("The negotiation's final response issues no"
                        + " security context token."));
    }

    /**
     * The wrapped key of the issuing RSTR.
     *
     * @throws MessageSecurityException WCF's {@code ProofTokenWasNotWrappedCorrectly} when it is not under the
     *                                  profile's wrap algorithm
     */
    byte[] wrappedKey(Element rstr) {
        Element key = child(rstr, trust, "RequestedProofToken").flatMap(p -> child(p, XENC, "EncryptedKey"))
                .orElseThrow(() -> new MessageSecurityException(WcfText.ProofTokenWasNotWrappedCorrectly.format()));
        String algorithm = child(key, XENC, "EncryptionMethod").map(m -> m.getAttribute("Algorithm")).orElse("");
        if (!algorithm.equals(profile.wrapAlgorithm())) {
            throw new MessageSecurityException(WcfText.ProofTokenWasNotWrappedCorrectly.format());
        }
        return child(key, XENC, "CipherData").flatMap(c -> child(c, XENC, "CipherValue"))
                .map(c -> DerivedKeyToken.base64(c.getTextContent().strip()))
                .orElseThrow(() -> new MessageSecurityException(WcfText.ProofTokenWasNotWrappedCorrectly.format()));
    }

    /** The lifetime's end of the issuing RSTR. */
    Instant expires(Element rstr) {
        return child(rstr, trust, "Lifetime").flatMap(l -> child(l, WSU, "Expires"))
                .map(e -> SecurityTimestamp.parse(e.getTextContent().strip())).orElse(Instant.MAX);
    }

    /** The start of an issued token's lifetime ({@code Lifetime/Created}), null when the RSTR states none. */
    Instant created(Element rstr) {
        return child(rstr, trust, "Lifetime").flatMap(l -> child(l, WSU, "Created"))
                .map(e -> SecurityTimestamp.parse(e.getTextContent().strip())).orElse(null);
    }

    /** The CombinedHash of the authenticator's RSTR (WCF's {@code RSTRAuthenticatorNotPresent} when none). */
    byte[] combinedHash(Element rstr) {
        return child(rstr, trust, "Authenticator").flatMap(a -> child(a, trust, "CombinedHash"))
                .map(c -> DerivedKeyToken.base64(c.getTextContent().strip()))
                .orElseThrow(() -> new MessageSecurityException(
                        WcfText.AuthenticatorNotPresentInRSTRCollection.format()));
    }

    /**
     * The issuing RSTR as the authenticator hashes it: without its RequestedSecurityToken and RequestedProofToken
     * (the client's reconstruction in {@code SspiNegotiationTokenProvider.AddToDigest}; the service hashes the same
     * RSTR written without them).
     */
    Element withoutToken(Element rstr) {
        Element copy = (Element) rstr.cloneNode(true);
        for (Element c : DomXml.children(copy)) {
            if (trust.equals(c.getNamespaceURI()) && (c.getLocalName().equals("RequestedSecurityToken")
                    || c.getLocalName().equals("RequestedProofToken"))) {
                copy.removeChild(c);
            }
        }
        return copy;
    }

    private Optional<String> text(Element parent, String local) {
        return child(parent, trust, local).map(c -> c.getTextContent().strip());
    }

    static Optional<Element> child(Element parent, String namespace, String local) {
        return DomXml.children(parent).stream().filter(c -> namespace.equals(c.getNamespaceURI())
                && local.equals(c.getLocalName())).findFirst();
    }

    /**
     * The negotiation's running digest: SHA-1 over the exclusive canonical form of every leg, each as it was sent or
     * received, the final one reconstructed ({@link #withoutToken(Element)}).
     */
    static final class Digest {
        private final MessageDigest sha1;

        Digest() {
            try {
                this.sha1 = MessageDigest.getInstance("SHA-1");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-1 is not available", e);
            }
        }

        void add(Element leg) {
            sha1.update(canonical(leg));
        }

        /**
         * {@code CombinedHash = P_SHA1(key, "AUTH-HASH" ‖ SHA-1(legs))}, 32 bytes; the digest is spent.
         */
        byte[] authenticator(byte[] key) {
            return KeyDerivation.pSha1(key, COMBINED_HASH_LABEL, sha1.digest(), 0, AUTHENTICATOR_BYTES);
        }
    }

    /** The exclusive canonical form (without comments) of {@code e} taken out of its document. */
    static byte[] canonical(Element e) {
        byte[] xml = ContextTokenIssuance.standalone(e).getBytes(StandardCharsets.UTF_8);
        try {
            TransformService c14n = TransformService.getInstance(CanonicalizationMethod.EXCLUSIVE, "DOM");
            c14n.init(null);
            Data out = c14n.transform(new OctetStreamData(new ByteArrayInputStream(xml)), null);
            return ((OctetStreamData) out).getOctetStream().readAllBytes();
        } catch (GeneralSecurityException | javax.xml.crypto.dsig.TransformException | IOException e1) {
            throw new IllegalStateException("exclusive canonicalization failed", e1);
        }
    }

    /** The children of a collection. */
    static List<Element> items(Element collection) {
        return DomXml.children(collection);
    }
}
