package io.github.wcf4j.runtime.security.message;

import static io.github.wcf4j.runtime.security.message.WsSecurityNames.DS;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.ENCRYPTED_KEY_SHA1;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.ENCRYPTED_KEY_TOKEN;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.EXC_C14N;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSSE;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSSE11;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSSE11_PREFIX;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSSE_PREFIX;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSU;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSU_PREFIX;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.XENC;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.XENC_PREFIX;

import io.github.wcf4j.binding.security.MessageProtectionOrder;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.security.SecurityHeaderLayout;
import io.github.wcf4j.runtime.security.CertificateFind;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
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
import org.w3c.dom.Node;

/**
 * Secures a SOAP envelope (as a DOM) the way WCF's {@code SymmetricSecurityProtocol} with
 * {@code WSSecurityOneDotOneSendSecurityHeader} does for the symmetric X.509 modes ({@code AnonymousForCertificate},
 * {@code UserNameForCertificate} and WS-Security 1.1's {@code MutualCertificate}), by default with
 * {@code requireDerivedKeys} and {@code SignBeforeEncryptAndEncryptSignature} (the other settings:
 * {@link Settings#protection}; the layouts they give are in {@code docs/ARCHITECTURE.md}):
 *
 * <pre>
 * o:Security  [u:Timestamp] [e:EncryptedKey (request)] c:DerivedKeyToken (signing) c:DerivedKeyToken (encryption)
 *             e:ReferenceList [e:EncryptedData (the o:UsernameToken, UserNameForCertificate requests)]
 *             [o:BinarySecurityToken (the client's certificate, MutualCertificate requests)]
 *             [k:SignatureConfirmation (reply)] e:EncryptedData (the ds:Signature)
 *             [e:EncryptedData (the endorsing ds:Signature, MutualCertificate requests)] [u:Timestamp]
 * s:Body u:Id  e:EncryptedData (#Content)
 * </pre>
 *
 * The request's symmetric key is fresh ({@link KeyWrap}), wrapped to the service certificate (named by thumbprint, the
 * certificate is never sent); the reply uses the same key, named by {@code EncryptedKeySHA1}. Each message derives a
 * signing key (the suite's signature derivation length) and an encryption key from it with fresh nonces. The
 * signature (the suite's HMAC, exclusive c14n) covers the WS-Addressing headers, the body, the timestamp and the
 * signature confirmations; then the body content and the signature are encrypted.
 *
 * <p>MutualCertificate ({@code CreateMutualCertificateBindingElement} for WS-Security 1.1) adds the client's
 * certificate as an endorsing supporting token ({@code AlwaysToRecipient}, so only in requests; no derived keys, as
 * WCF never derives from an asymmetric endorsing token): the primary signature gets an {@code Id} and a second
 * signature, made with the client's private key (the suite's RSA signature, exclusive c14n), covers exactly that
 * element ({@code SendSecurityHeader.SignWithSupportingTokens}); its {@code KeyInfo} is a local reference to the
 * {@code BinarySecurityToken} (its {@code ValueType} only under the Basic Security Profile versions, as every local
 * reference's: {@link Settings#bspAttributes()}). The endorsing signature is made before encryption and encrypted with the primary one; its value is the
 * second one a reply confirms.
 */
final class SymmetricHeaderWriter {
    /** The WS-Addressing headers WCF's transport protection requirements sign (AddressingVersion L82–103). */
    static final Set<String> ADDRESSING_PARTS = Set.of("To", "From", "FaultTo", "ReplyTo", "MessageID", "RelatesTo",
            "Action");
    static final Set<String> ADDRESSING_NAMESPACES = Set.of("http://www.w3.org/2005/08/addressing",
            "http://schemas.xmlsoap.org/ws/2004/08/addressing");
    /**
     * The WS-RM headers a reliable session above security has signed ({@code ReliableSessionBindingElement}'s
     * protection requirements: {@code Sequence}, {@code SequenceAcknowledgement}, {@code AckRequested}, and under 1.1
     * {@code UsesSequenceSTR}), in either version's namespace.
     */
    static final Set<String> RELIABLE_MESSAGING_PARTS = Set.of("Sequence", "SequenceAcknowledgement", "AckRequested",
            "UsesSequenceSTR");
    static final Set<String> RELIABLE_MESSAGING_NAMESPACES = Set.of("http://schemas.xmlsoap.org/ws/2005/02/rm",
            "http://docs.oasis-open.org/ws-rx/wsrm/200702");

    /** Whether the header {@code h} is one a message signature covers: an addressing or a WS-RM header. */
    static boolean signedHeader(Element h) {
        return ADDRESSING_NAMESPACES.contains(h.getNamespaceURI()) && ADDRESSING_PARTS.contains(h.getLocalName())
                || RELIABLE_MESSAGING_NAMESPACES.contains(h.getNamespaceURI())
                && RELIABLE_MESSAGING_PARTS.contains(h.getLocalName());
    }

    /**
     * How a message is secured: the suite, the WS-SecureConversation namespace of its DKTs, the layout, and whether
     * references carry the attributes the Basic Security Profile requires (WCF's {@code emitBspRequiredAttributes},
     * true for the {@code ...BasicSecurityProfile10} message security versions): {@code EncodingType} on key
     * identifiers, the referenced token's type as {@code ValueType} on local references.
     */
    record Settings(AlgorithmSuite suite, String scNamespace, SecurityHeaderLayout layout, boolean bspAttributes,
            boolean derivedKeys, MessageProtectionOrder order, boolean protectTokens) {
        Settings(AlgorithmSuite suite, String scNamespace, SecurityHeaderLayout layout, boolean bspAttributes) {
            this(suite, scNamespace, layout, bspAttributes, true,
                    MessageProtectionOrder.SignBeforeEncryptAndEncryptSignature, false);
        }

        Settings(AlgorithmSuite suite, String scNamespace, SecurityHeaderLayout layout) {
            this(suite, scNamespace, layout, false);
        }

        /**
         * These settings with {@code element}'s {@code requireDerivedKeys}, {@code messageProtectionOrder} and
         * {@code protectTokens} (how the symmetric binding's messages are protected).
         */
        Settings protection(SecurityBindingElement element) {
            return new Settings(suite, scNamespace, layout, bspAttributes, element.requireDerivedKeys(),
                    element.messageProtectionOrder(), element.protectTokens());
        }

        /** The {@code ValueType} of a local reference to a token of type {@code tokenType}, when one is written. */
        String localValueType(String tokenType) {
            return bspAttributes ? tokenType : null;
        }

        /** The token type of a derived key token (WCF's {@code DerivedKeySecurityToken} type URI). */
        String derivedKeyTokenType() {
            return scNamespace + "/dk";
        }
    }

    /**
     * What the sender keeps: the message's key and its {@code EncryptedKeySHA1}, the primary signature's value (the
     * replay nonce), and the values of all its signatures, primary first (what a reply's signature confirmations
     * must repeat: one for AnonymousForCertificate, the primary and the endorsing one for MutualCertificate).
     */
    record Sent(byte[] key, String encryptedKeySha1, byte[] signatureValue, List<byte[]> signatureValues) {
        Sent {
            signatureValues = List.copyOf(signatureValues);
        }
    }

    /**
     * A security session's current token endorsing a message secured by the bootstrap (WCF's renew request,
     * {@code SecuritySessionSecurityTokenProvider.CreateRenewRequest}: the session token as an endorsing supporting
     * token): the token as issued, included, and its key, from which the endorsing signature's key is derived.
     */
    record ContextEndorsement(String tokenXml, byte[] key) {
    }

    private SymmetricHeaderWriter() {
    }

    /**
     * Secures a request to the holder of {@code service}'s key with a fresh key; with {@code userName}
     * (UserNameForCertificate) its {@code UsernameToken} is a signed and encrypted supporting token.
     */
    static Sent writeRequest(Document envelope, Settings s, Optional<SecurityTimestamp> timestamp,
            X509Certificate service, Optional<UserNameCredential> userName) {
        return writeRequest(envelope, s, timestamp, service, userName, Optional.empty());
    }

    /**
     * Secures a request as {@link #writeRequest(Document, Settings, Optional, X509Certificate, Optional)} does and,
     * with {@code clientCertificate} (MutualCertificate), endorses its primary signature with the client's key and
     * includes the client's certificate as a {@code BinarySecurityToken}.
     */
    static Sent writeRequest(Document envelope, Settings s, Optional<SecurityTimestamp> timestamp,
            X509Certificate service, Optional<UserNameCredential> userName,
            Optional<X509Credential> clientCertificate) {
        return writeRequest(envelope, s, timestamp, service, userName, clientCertificate, Optional.empty());
    }

    /**
     * As {@link #writeRequest(Document, Settings, Optional, X509Certificate, Optional, Optional)}, the primary
     * signature endorsed by a session's context token as well ({@code context}: the token included, a key derived
     * from its key, the endorsing signature over the primary one).
     */
    static Sent writeRequest(Document envelope, Settings s, Optional<SecurityTimestamp> timestamp,
            X509Certificate service, Optional<UserNameCredential> userName,
            Optional<X509Credential> clientCertificate, Optional<ContextEndorsement> context) {
        AlgorithmSuite suite = s.suite();
        byte[] key = KeyWrap.generateKey(suite.keyBits());
        EncryptedKeyToken ek = new EncryptedKeyToken("uuid-" + UUID.randomUUID() + "-1", suite.asymmetricKeyWrap(),
                Base64.getEncoder().encodeToString(CertificateFind.thumbprint(service)),
                KeyWrap.wrap(suite.asymmetricKeyWrap(), service.getPublicKey(), key));
        List<byte[]> signatures = protect(envelope, s, timestamp, key,
                new TokenReference.Local(ek.id(), ENCRYPTED_KEY_TOKEN), ENCRYPTED_KEY_TOKEN,
                Optional.of(ek.write(envelope, s.bspAttributes())), userName, clientCertificate, List.of(), true,
                context);
        return new Sent(key, ek.sha1(), signatures.get(0), signatures);
    }

    /**
     * Secures a reply with the request's {@code key} (named by {@code encryptedKeySha1}), confirming
     * {@code confirmations} (the request's signature values) when the mode requires signature confirmation.
     */
    static Sent writeReply(Document envelope, Settings s, Optional<SecurityTimestamp> timestamp, byte[] key,
            String encryptedKeySha1, List<byte[]> confirmations) {
        List<byte[]> signatures = protect(envelope, s, timestamp, key,
                new TokenReference.KeyIdentifier(ENCRYPTED_KEY_SHA1, encryptedKeySha1, s.bspAttributes()), Optional.empty(),
                Optional.empty(), Optional.empty(), confirmations);
        return new Sent(key, encryptedKeySha1, signatures.get(0), signatures);
    }

    /** Secures the envelope; returns the values of its signatures, primary first. */
    private static List<byte[]> protect(Document doc, Settings s, Optional<SecurityTimestamp> timestamp, byte[] key,
            TokenReference keySource, Optional<Element> encryptedKey, Optional<UserNameCredential> userName,
            Optional<X509Credential> endorsing, List<byte[]> confirmations) {
        return protect(doc, s, timestamp, key, keySource, ENCRYPTED_KEY_TOKEN, encryptedKey, userName, endorsing,
                confirmations, true);
    }

    /**
     * Secures a message with a security context token's {@code key} (WS-SecureConversation): a request carries the
     * token itself ({@code token}, as it was issued, echoed; its derived keys reference it by id), a reply names it by
     * its identifier ({@code token} empty, {@code contextId}). No signature confirmation: WCF's secure conversation
     * binding asks for none.
     */
    static Sent writeWithContext(Document envelope, Settings s, Optional<SecurityTimestamp> timestamp, byte[] key,
            String contextId, Optional<String> token) {
        return writeWithContext(envelope, s, timestamp, key, contextId, token, true);
    }

    /**
     * As {@link #writeWithContext(Document, Settings, Optional, byte[], String, Optional)}; with {@code encrypt}
     * false the message is signed only (no encryption key, reference list or encrypted part, the signature in clear):
     * how WCF secures a security session's cancel and its response ({@code SecuritySessionClientSettings} and
     * {@code SecuritySessionServerSettings}: the body signed, {@code MessagePartSpecification.NoParts} encrypted for
     * the {@code CloseAction} and {@code CloseResponseAction}).
     */
    static Sent writeWithContext(Document envelope, Settings s, Optional<SecurityTimestamp> timestamp, byte[] key,
            String contextId, Optional<String> token, boolean encrypt) {
        return writeWithContext(envelope, s, timestamp, key, contextId, token, encrypt, Optional.empty());
    }

    /**
     * As {@link #writeWithContext(Document, Settings, Optional, byte[], String, Optional, boolean)}, with
     * {@code userName} as a signed and encrypted supporting token: the outer {@code RST/SCT} of a secure conversation
     * over {@code UserNameForSslNegotiated}, protected by the negotiated token.
     */
    static Sent writeWithContext(Document envelope, Settings s, Optional<SecurityTimestamp> timestamp, byte[] key,
            String contextId, Optional<String> token, boolean encrypt, Optional<UserNameCredential> userName) {
        return writeWithContext(envelope, s, timestamp, key, contextId, Optional.empty(), token, encrypt, userName);
    }

    /**
     * As {@link #writeWithContext(Document, Settings, Optional, byte[], String, Optional, boolean, Optional)}, a reply's
     * external reference naming the context's key generation {@code instance} (a renewed key's {@code Instance}).
     */
    static Sent writeWithContext(Document envelope, Settings s, Optional<SecurityTimestamp> timestamp, byte[] key,
            String contextId, Optional<String> instance, Optional<String> token, boolean encrypt,
            Optional<UserNameCredential> userName) {
        return writeWithContext(envelope, s, timestamp, key, contextId, instance, token, encrypt, userName,
                Optional.empty());
    }

    /**
     * As {@link #writeWithContext(Document, Settings, Optional, byte[], String, Optional, Optional, boolean,
     * Optional)}, endorsed by a security session's current token ({@code context}): a renew request secured by a
     * negotiated bootstrap's token, WCF's way.
     */
    static Sent writeWithContext(Document envelope, Settings s, Optional<SecurityTimestamp> timestamp, byte[] key,
            String contextId, Optional<String> instance, Optional<String> token, boolean encrypt,
            Optional<UserNameCredential> userName, Optional<ContextEndorsement> context) {
        String valueType = s.scNamespace() + "/sct";
        Optional<Element> included = token.map(xml -> (Element) envelope.importNode(DomXml.parse(xml), true));
        TokenReference source;
        if (included.isPresent()) {
            Element sct = included.get();
            String id = sct.getAttributeNS(WSU, "Id");
            if (id.isEmpty()) {
                throw new IllegalArgumentException("the security context token has no wsu:Id");
            }
            sct.setIdAttributeNS(WSU, "Id", true);
            source = new TokenReference.Local(id, valueType);
        } else {
            source = new TokenReference.External(contextId, valueType, instance);
        }
        List<byte[]> signatures = protect(envelope, s, timestamp, key, source, null, included, userName,
                Optional.empty(), List.of(), encrypt, context);
        return new Sent(key, null, signatures.get(0), signatures);
    }

    /**
     * Secures the envelope with {@code key}, named by {@code keySource} (its derived keys' source, with
     * {@code dktTokenType} as their references' {@code k:TokenType} when not null); {@code encryptedKey} is the primary
     * token the message carries (an {@code EncryptedKey}, a context token, a Kerberos {@code BinarySecurityToken}),
     * placed where WCF places the signing token. Returns the values of its signatures, primary first.
     */
    static List<byte[]> protect(Document doc, Settings s, Optional<SecurityTimestamp> timestamp, byte[] key,
            TokenReference keySource, String dktTokenType, Optional<Element> encryptedKey,
            Optional<UserNameCredential> userName, Optional<X509Credential> endorsing, List<byte[]> confirmations,
            boolean encrypt) {
        return protect(doc, s, timestamp, key, keySource, dktTokenType, encryptedKey, userName, endorsing,
                confirmations, encrypt, Optional.empty());
    }

    /**
     * As {@link #protect(Document, Settings, Optional, byte[], TokenReference, String, Optional, Optional, Optional,
     * List, boolean)}, the primary signature endorsed by a security session's current token as well when
     * {@code context} is given (a renew request secured by its bootstrap, WCF's way); with an endorsing certificate
     * too (MutualCertificate) the certificate's signature comes first, then the session token's, as WCF's
     * {@code SignWithSupportingTokens} takes the binding's supporting tokens before the message's.
     */
    static List<byte[]> protect(Document doc, Settings s, Optional<SecurityTimestamp> timestamp, byte[] key,
            TokenReference keySource, String dktTokenType, Optional<Element> encryptedKey,
            Optional<UserNameCredential> userName, Optional<X509Credential> endorsing, List<byte[]> confirmations,
            boolean encrypt, Optional<ContextEndorsement> context) {
        AlgorithmSuite suite = s.suite();
        boolean signFirst = s.order() != MessageProtectionOrder.EncryptBeforeSign;
        boolean encryptSignature = s.order() == MessageProtectionOrder.SignBeforeEncryptAndEncryptSignature;
        Element envelope = doc.getDocumentElement();
        String soap = envelope.getNamespaceURI();
        envelope.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + WSU_PREFIX, WSU);
        Element body = child(envelope, soap, "Body").orElseThrow(() -> new IllegalArgumentException("no Body"));
        Element header = child(envelope, soap, "Header").orElseGet(() -> {
            Element h = doc.createElementNS(soap, envelope.getPrefix() + ":Header");
            envelope.insertBefore(h, body);
            return h;
        });
        child(header, WSSE, "Security").ifPresent(header::removeChild);
        Ids ids = new Ids();
        // requireDerivedKeys="false": the message key itself signs and encrypts, named as the derived keys name their
        // source (SendSecurityHeader.StartSignature/StartEncryption: signingToken = SourceSigningToken)
        DerivedKeyToken signing = s.derivedKeys()
                ? DerivedKeyToken.create(ids.next(), keySource, suite.signingDerivationBits() / 8) : null;
        DerivedKeyToken encrypting = s.derivedKeys()
                ? DerivedKeyToken.create(ids.next(), keySource, suite.encryptionDerivationBits() / 8) : null;
        List<String> signed = new ArrayList<>();
        for (Element h : DomXml.children(header)) {
            if (signedHeader(h)) {
                signed.add(ids.assign(h));
            }
        }
        signed.add(ids.assign(body));

        Element security = doc.createElementNS(WSSE, WSSE_PREFIX + ":Security");
        security.setAttributeNS(soap, envelope.getPrefix() + ":mustUnderstand", "1");
        security.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + WSSE_PREFIX, WSSE);
        header.appendChild(security);
        Element ts = timestamp.map(t -> timestamp(doc, t, ids)).orElse(null);
        boolean last = s.layout() == SecurityHeaderLayout.LaxTimestampLast;
        if (ts != null && !last) {
            security.appendChild(ts);
        }
        encryptedKey.ifPresent(security::appendChild);
        if (signing != null) {
            security.appendChild(signing.write(doc, s.scNamespace(), dktTokenType));
        }
        // WCF's skipKeyInfoForEncryption (SecurityHeader.EncryptedKeyContainsReferenceList, true by default): a request
        // encrypted directly with its EncryptedKey, signature first, holds the reference list inside the EncryptedKey
        // and its EncryptedData name no key; not when the primary signature covers that EncryptedKey (protectTokens),
        // whose digest the reference list written after the signature would break
        Element keyHolder = encryptedKey.filter(k -> is(k, XENC, "EncryptedKey")).orElse(null);
        boolean listInKey = encrypt && !s.derivedKeys() && signFirst && keyHolder != null && !s.protectTokens();
        Element referenceList = null;
        if (encrypt) {
            if (encrypting != null) {
                security.appendChild(encrypting.write(doc, s.scNamespace(), dktTokenType));
            }
            referenceList = doc.createElementNS(XENC, XENC_PREFIX + ":ReferenceList");
            if (listInKey) {
                keyHolder.appendChild(referenceList);
            } else {
                referenceList.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + XENC_PREFIX, XENC);
                if (signFirst) {
                    security.appendChild(referenceList);
                }
            }
        }
        if (ts != null) {
            signed.add(ts.getAttributeNS(WSU, "Id"));
        }
        // protectTokens="true": the primary signature covers the primary token the message carries (the request's
        // EncryptedKey or security context token), which WCF's service requires (RequireSignedPrimaryToken)
        if (s.protectTokens() && encryptedKey.isPresent()) {
            Element token = encryptedKey.get();
            signed.add(token.hasAttribute("Id") ? token.getAttribute("Id") : token.getAttributeNS(WSU, "Id"));
        }
        Element usernameToken = userName.map(u -> SecurityHeaderWriter.usernameToken(doc, u)).orElse(null);
        if (usernameToken != null) {
            usernameToken.setIdAttributeNS(WSU, "Id", true);
            security.appendChild(usernameToken);
        }
        Element endorsingToken = endorsing.map(c -> SecurityHeaderWriter.binarySecurityToken(doc, c)).orElse(null);
        if (endorsingToken != null) {
            endorsingToken.setIdAttributeNS(WSU, "Id", true);
            security.appendChild(endorsingToken);
        }
        Element contextToken = context.map(c -> (Element) doc.importNode(DomXml.parse(c.tokenXml()), true))
                .orElse(null);
        if (contextToken != null) {
            if (contextToken.getAttributeNS(WSU, "Id").isEmpty()) {
                throw new IllegalArgumentException("the security context token has no wsu:Id");
            }
            contextToken.setIdAttributeNS(WSU, "Id", true);
            security.appendChild(contextToken);
        }
        List<Element> confirmationElements = new ArrayList<>();
        for (byte[] confirmed : confirmations) {
            Element c = doc.createElementNS(WSSE11, WSSE11_PREFIX + ":SignatureConfirmation");
            confirmationElements.add(c);
            signed.add(ids.assign(c));
            if (confirmed.length > 0) {
                c.setAttribute("Value", Base64.getEncoder().encodeToString(confirmed));
            }
            c.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + WSSE11_PREFIX, WSSE11);
            security.appendChild(c);
        }
        if (ts != null && last) {
            security.appendChild(ts);
        }
        byte[] encryptionKey = encrypting != null ? encrypting.key(key) : key;
        TokenReference encryptionRef = listInKey ? null : encrypting != null
                ? new TokenReference.Local(encrypting.id(), s.localValueType(s.derivedKeyTokenType())) : keySource;
        List<String> encrypted = new ArrayList<>();
        if (encrypt && !signFirst) {
            // EncryptBeforeSign: the body content and the UsernameToken are encrypted first and the signature covers
            // their encrypted form (SendSecurityHeader.CompleteSecurityApplication: CompleteEncryption first;
            // SecurityAppliedMessage.WriteBodyToEncryptThenSign)
            String bodyData = ids.next();
            declarePrefixes(XmlEncryption.encryptContent(body, bodyData, encryptionKey, suite, encryptionRef));
            encrypted.add(bodyData);
            if (usernameToken != null) {
                String tokenData = ids.next();
                Element data = XmlEncryption.encryptElement(usernameToken, tokenData, encryptionKey, suite,
                        encryptionRef);
                declarePrefixes(data);
                data.setIdAttribute("Id", true);
                signed.add(tokenData);
                encrypted.add(tokenData);
            }
        } else if (usernameToken != null) {
            signed.add(usernameToken.getAttributeNS(WSU, "Id"));
        }
        // WCF gives the primary signature an id only when an endorsing signature is to reference it
        String signatureId = endorsingToken == null && contextToken == null ? null : ids.next();
        Node before = ts != null && last ? ts : null;
        byte[] signingKey = signing != null ? signing.key(key) : key;
        TokenReference signingRef = signing != null
                ? new TokenReference.Local(signing.id(), s.localValueType(s.derivedKeyTokenType())) : keySource;
        Element signature = sign(security, before, signed, signingKey, signingRef, suite, signatureId);
        List<byte[]> signatureValues = new ArrayList<>(List.of(signatureValue(signature)));
        List<Element> endorsingSignatures = new ArrayList<>();
        if (endorsingToken != null) {
            Element endorsingSignature = endorse(signature, signatureId, endorsingToken, endorsing.get(), s);
            endorsingSignatures.add(endorsingSignature);
            signatureValues.add(signatureValue(endorsingSignature));
        }
        if (contextToken != null) {
            // the session token's endorsing signature: a key derived from the token's (SecureConversation's
            // parameters require derived keys), over the primary signature
            DerivedKeyToken dkt = DerivedKeyToken.create(ids.next(), new TokenReference.Local(
                    contextToken.getAttributeNS(WSU, "Id"), s.scNamespace() + "/sct"),
                    suite.signingDerivationBits() / 8);
            security.insertBefore(dkt.write(doc, s.scNamespace(), null), before);
            Element endorsingSignature = sign(security, before, List.of(signatureId), dkt.key(context.get().key()),
                    new TokenReference.Local(dkt.id(), s.localValueType(s.derivedKeyTokenType())), suite, null);
            endorsingSignatures.add(endorsingSignature);
            signatureValues.add(signatureValue(endorsingSignature));
        }
        if (!encrypt) {
            return signatureValues;
        }
        if (signFirst) {
            String bodyData = ids.next();
            XmlEncryption.encryptContent(body, bodyData, encryptionKey, suite, encryptionRef);
            encrypted.add(bodyData);
            if (encryptSignature) {
                String signatureData = ids.next();
                XmlEncryption.encryptElement(signature, signatureData, encryptionKey, suite, encryptionRef);
                encrypted.add(signatureData);
            }
            if (usernameToken != null) {
                String tokenData = ids.next();
                XmlEncryption.encryptElement(usernameToken, tokenData, encryptionKey, suite, encryptionRef);
                encrypted.add(tokenData);
            }
            // WCF marks a reply's confirmations for encryption when the request's signature arrived encrypted
            // (SignatureConfirmations.IsMarkedForEncryption), so under this order only; the endorsing signature is
            // encrypted with the primary one (SendSecurityHeader.SignWithSupportingTokens: MarkedForEncryption =
            // encryptSignature)
            if (encryptSignature) {
                for (Element c : confirmationElements) {
                    String confirmationData = ids.next();
                    XmlEncryption.encryptElement(c, confirmationData, encryptionKey, suite, encryptionRef);
                    encrypted.add(confirmationData);
                }
                for (Element endorsingSignature : endorsingSignatures) {
                    String endorsingData = ids.next();
                    XmlEncryption.encryptElement(endorsingSignature, endorsingData, encryptionKey, suite,
                            encryptionRef);
                    encrypted.add(endorsingData);
                }
            }
        } else {
            // EncryptBeforeSign: the reference list follows the signatures (SendSecurityHeader.OnWriteHeaderContents)
            security.insertBefore(referenceList, before);
        }
        for (String id : encrypted) {
            Element ref = doc.createElementNS(XENC, XENC_PREFIX + ":DataReference");
            ref.setAttribute("URI", "#" + id);
            referenceList.appendChild(ref);
        }
        return signatureValues;
    }

    /**
     * Declares on each prefixed element under {@code e} its prefix, as the serialized message will: an element
     * signed in its DOM form is digested with the declarations the receiver's parse gives it.
     */
    static void declarePrefixes(Element e) {
        for (Element c : DomXml.children(e)) {
            if (c.getPrefix() != null && !c.hasAttribute("xmlns:" + c.getPrefix())) {
                c.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + c.getPrefix(), c.getNamespaceURI());
            }
            declarePrefixes(c);
        }
    }

    private static boolean is(Element e, String namespace, String local) {
        return namespace.equals(e.getNamespaceURI()) && local.equals(e.getLocalName());
    }

    static byte[] signatureValue(Element signature) {
        return Base64.getMimeDecoder().decode(
                signature.getElementsByTagNameNS(DS, "SignatureValue").item(0).getTextContent());
    }

    static Element timestamp(Document doc, SecurityTimestamp t, Ids ids) {
        Element ts = doc.createElementNS(WSU, WSU_PREFIX + ":Timestamp");
        ids.assign(ts);
        Element created = doc.createElementNS(WSU, WSU_PREFIX + ":Created");
        created.setTextContent(SecurityTimestamp.format(t.created()));
        Element expires = doc.createElementNS(WSU, WSU_PREFIX + ":Expires");
        expires.setTextContent(SecurityTimestamp.format(t.expires()));
        ts.appendChild(created);
        ts.appendChild(expires);
        return ts;
    }

    private static Element sign(Element security, Node before, List<String> ids, byte[] key, TokenReference keyRef,
            AlgorithmSuite suite, String signatureId) {
        Document doc = security.getOwnerDocument();
        try {
            XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
            List<Reference> references = new ArrayList<>();
            for (String id : ids) {
                references.add(f.newReference("#" + id, f.newDigestMethod(suite.digest(), null),
                        List.of(f.newTransform(EXC_C14N, (TransformParameterSpec) null)), null, null));
            }
            SignedInfo si = f.newSignedInfo(f.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE,
                    (C14NMethodParameterSpec) null), f.newSignatureMethod(suite.symmetricSignature(), null),
                    references);
            XMLSignature signature = f.newXMLSignature(si,
                    f.getKeyInfoFactory().newKeyInfo(List.of(new DOMStructure(keyRef.write(doc, null)))), null,
                    signatureId, null);
            DOMSignContext context = before == null
                    ? new DOMSignContext(new SecretKeySpec(key, suite.jcaMac()), security)
                    : new DOMSignContext(new SecretKeySpec(key, suite.jcaMac()), security, before);
            context.setDefaultNamespacePrefix("");
            signature.sign(context);
        } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
            throw new MessageSecurityException("The message cannot be signed: " + e.getMessage(), e);
        }
        Element signature = before == null ? (Element) security.getLastChild() : (Element) before.getPreviousSibling();
        if (signatureId != null) {
            signature.setIdAttribute("Id", true);
        }
        Element value = (Element) signature.getElementsByTagNameNS(DS, "SignatureValue").item(0);
        value.setTextContent(value.getTextContent().replaceAll("\\s", ""));
        return signature;
    }

    /**
     * The endorsing signature (WCF {@code CreateSupportingSignature(token, identifier, primarySignature)}): one
     * reference, to the primary signature by its id, exclusive c14n and the suite's digest; signed with the client's
     * private key by the suite's asymmetric signature; the key named by a local reference to its
     * {@code BinarySecurityToken}. Placed right after the primary signature.
     */
    private static Element endorse(Element primary, String primaryId, Element token, X509Credential client,
            Settings s) {
        AlgorithmSuite suite = s.suite();
        Element security = (Element) primary.getParentNode();
        Document doc = security.getOwnerDocument();
        Node after = primary.getNextSibling();
        TokenReference tokenRef = new TokenReference.Local(token.getAttributeNS(WSU, "Id"),
                s.localValueType(WsSecurityNames.X509V3));
        try {
            XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
            Reference reference = f.newReference("#" + primaryId, f.newDigestMethod(suite.digest(), null),
                    List.of(f.newTransform(EXC_C14N, (TransformParameterSpec) null)), null, null);
            SignedInfo si = f.newSignedInfo(f.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE,
                    (C14NMethodParameterSpec) null), f.newSignatureMethod(suite.asymmetricSignature(), null),
                    List.of(reference));
            XMLSignature signature = f.newXMLSignature(si,
                    f.getKeyInfoFactory().newKeyInfo(List.of(new DOMStructure(tokenRef.write(doc, null)))));
            DOMSignContext context = after == null
                    ? new DOMSignContext(client.privateKey(), security)
                    : new DOMSignContext(client.privateKey(), security, after);
            context.setDefaultNamespacePrefix("");
            signature.sign(context);
        } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
            throw new MessageSecurityException("The message cannot be signed: " + e.getMessage(), e);
        }
        Element endorsing = (Element) primary.getNextSibling();
        Element value = (Element) endorsing.getElementsByTagNameNS(DS, "SignatureValue").item(0);
        value.setTextContent(value.getTextContent().replaceAll("\\s", ""));
        return endorsing;
    }

    static Optional<Element> child(Element parent, String namespace, String local) {
        return DomXml.children(parent).stream()
                .filter(c -> namespace.equals(c.getNamespaceURI()) && local.equals(c.getLocalName())).findFirst();
    }

    /** WCF's message-local ids: {@code _0}, {@code _1}, ... */
    static final class Ids {
        private int next;

        String next() {
            return "_" + next++;
        }

        String assign(Element e) {
            String id = next();
            e.setAttributeNS(WSU, WSU_PREFIX + ":Id", id);
            e.setIdAttributeNS(WSU, "Id", true);
            return id;
        }
    }
}
