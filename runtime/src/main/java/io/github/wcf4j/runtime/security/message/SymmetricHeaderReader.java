package io.github.wcf4j.runtime.security.message;

import static io.github.wcf4j.runtime.security.message.SymmetricHeaderWriter.child;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.DS;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.ENCRYPTED_KEY_SHA1;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.EXC_C14N;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSSE;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSSE11;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSU;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.XENC;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.security.MessageProtectionOrder;
import io.github.wcf4j.runtime.security.CertificateFind;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.crypto.spec.SecretKeySpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Verifies and decrypts a SOAP envelope (as a DOM) secured by {@link SymmetricHeaderWriter}'s protocol, as WCF's
 * {@code ReceiveSecurityHeader} does for the symmetric X.509 modes, and strictly:
 *
 * <ul>
 *   <li>every {@code Id} unique in the whole envelope ({@code DuplicateIdInMessageToBeVerified}); tokens declared
 *       before use; one timestamp, one key, one reference list, one primary signature;</li>
 *   <li>the request's key: an {@code EncryptedKey} to this service's certificate (thumbprint), the suite's key wrap;
 *       the reply's: the request's key, named by its {@code EncryptedKeySHA1};</li>
 *   <li>derived keys required under {@code requireDerivedKeys} (a key used directly is refused with WCF's text), at
 *       least the suite's derivation lengths; without it the key itself or derived keys;</li>
 *   <li>the binding's {@code messageProtectionOrder} met as WCF's {@code OrderTracker} checks it (the reference list
 *       before or after the primary signature; under {@code SignBeforeEncryptAndEncryptSignature} the signature
 *       encrypted); the body encrypted (no downgrade), the suite's encryption; under {@code EncryptBeforeSign} the
 *       signature verified over the cipher text before anything is decrypted;</li>
 *   <li>under {@code protectTokens}, a request's signature covering its primary token (EncryptedKey or context
 *       token), as WCF's service requires it; a signed primary token accepted whatever the setting;</li>
 *   <li>the signature the suite's HMAC (no {@code HMACOutputLength}), exclusive c14n, one exclusive-c14n
 *       transform and the suite's digest per reference;</li>
 *   <li>every required part signed: the body, the timestamp, every WS-Addressing header instance, every signature
 *       confirmation; references only to those (signature wrapping);</li>
 *   <li>MutualCertificate ({@link EndorsingToken#X509}): one X509v3 {@code BinarySecurityToken} and one endorsing
 *       signature after the primary one (encrypted or not), by that token's key (a local reference or its
 *       thumbprint), the suite's RSA signature, exactly one reference: the primary signature by its id, as WCF's
 *       {@code ReceiveSecurityHeader.ProcessSupportingSignature} and {@code VerifySupportingToken} check; WCF's texts
 *       for a token not provided, a token that did not endorse, a reference to anything else.</li>
 * </ul>
 *
 * Decryption failures of every kind surface as one text ({@link BlockCipher#DECRYPTION_FAILED}); the caller answers
 * every failure with WCF's one generic fault anyway.
 */
final class SymmetricHeaderReader {

    /**
     * What a verified message carried: its key, the primary signature's value (the replay nonce), the signature
     * confirmations (of a reply), the UsernameToken (UserNameForCertificate), the client's certificate whose key
     * endorsed the request (MutualCertificate; verified to have signed, not yet trusted: that is the service's
     * {@link X509CertificateAuthentication}'s decision), and the values of all its signatures, primary first (what the
     * reply confirms).
     */
    record Received(byte[] key, String encryptedKeySha1, byte[] signatureValue, Optional<SecurityTimestamp> timestamp,
            List<byte[]> confirmations, Optional<UserNameCredential> userName,
            Optional<X509Certificate> clientCertificate, List<byte[]> signatureValues, Optional<String> contextId) {
        Received {
            signatureValues = List.copyOf(signatureValues);
        }
    }

    /**
     * Where a secure conversation's keys come from: the service opens the context token a request carries (its
     * cookie), the client knows the key of the context it holds.
     */
    interface ContextKeys {
        /**
         * The key of the {@code c:SecurityContextToken} a request carries.
         *
         * @throws MessageSecurityException when the token is not one this service issued, or has expired
         */
        byte[] keyOf(Element securityContextToken);

        /**
         * The key of the context named {@code contextId} (a reply's external reference).
         *
         * @throws MessageSecurityException when it is not the context this side holds
         */
        byte[] keyOf(String contextId);

        /**
         * The key of generation {@code instance} (a renewed key's {@code c:Instance}; empty for the first key) of the
         * context named {@code contextId}.
         *
         * @throws MessageSecurityException when this side holds no such key
         */
        default byte[] keyOf(String contextId, Optional<String> instance) {
            return keyOf(contextId);
        }
    }

    /** The endorsing supporting token a request must carry, by the binding's authentication mode. */
    enum EndorsingToken {
        /** AnonymousForCertificate, UserNameForCertificate: none; a token or second signature is refused. */
        NONE,
        /** MutualCertificate (WS-Security 1.1): the client's X.509 certificate, included, endorsing. */
        X509
    }

    /**
     * WCF's rendering of MutualCertificate's endorsing token parameters ({@code X509SecurityTokenParameters.ToString},
     * Windows line breaks), the {@code '{0}'} of its supporting-token texts.
     */
    static final String ENDORSING_X509_PARAMETERS = "System.ServiceModel.Security.Tokens.X509SecurityTokenParameters:"
            + "\r\nInclusionMode: AlwaysToRecipient\r\nReferenceStyle: Internal\r\nRequireDerivedKeys: False"
            + "\r\nX509ReferenceStyle: Thumbprint";
    /**
     * WCF's rendering of {@code new IssuedSecurityTokenParameters()} ({@code ToString}, Windows line breaks), the
     * {@code '{0}'} of the text WCF's service answers a request whose primary token its signature does not cover under
     * {@code protectTokens} ({@code WSSecurityOneDotZeroReceiveSecurityHeader.ProcessPrimarySignature}).
     */
    static final String ISSUED_PARAMETERS = "System.ServiceModel.Security.Tokens.IssuedSecurityTokenParameters:"
            + "\r\nInclusionMode: AlwaysToRecipient\r\nReferenceStyle: Internal\r\nRequireDerivedKeys: True"
            + "\r\nTokenType: null\r\nKeyType: SymmetricKey\r\nKeySize: 0\r\nIssuerAddress: null"
            + "\r\nIssuerMetadataAddress: null\r\nDefaultMessgeSecurityVersion: null\r\nUseStrTransform: False"
            + "\r\nIssuerBinding: null\r\nClaimTypeRequirements: none";
    private static final int MIN_RSA_BITS = 1024;
    /**
     * Encrypted items a security header may hold besides the body: the primary and the endorsing signature, the
     * UsernameToken and the signature confirmations (one per request signature); a bound on the decryption work.
     */
    private static final int MAX_ENCRYPTED_HEADER_ITEMS = 8;

    private SymmetricHeaderReader() {
    }

    /**
     * Verifies a request (with a signed, encrypted UsernameToken under UserNameForCertificate) to the service
     * holding {@code serviceKey} (its certificate's base64 {@code thumbprint}).
     */
    static Received readRequest(Document envelope, SymmetricHeaderWriter.Settings s, PrivateKey serviceKey,
            String thumbprint) {
        return readRequest(envelope, s, serviceKey, thumbprint, EndorsingToken.NONE);
    }

    /**
     * Verifies a request as {@link #readRequest(Document, SymmetricHeaderWriter.Settings, PrivateKey, String)} does,
     * requiring the {@code endorsing} token of the binding's mode.
     */
    static Received readRequest(Document envelope, SymmetricHeaderWriter.Settings s, PrivateKey serviceKey,
            String thumbprint, EndorsingToken endorsing) {
        Verification v = new Verification(envelope, s, endorsing);
        v.request = true;
        return v.run(new KeySource.Wrapped(serviceKey, thumbprint));
    }

    /**
     * Verifies a renew request secured by the bootstrap as {@link #readRequest(Document,
     * SymmetricHeaderWriter.Settings, PrivateKey, String, EndorsingToken)} does, its primary signature endorsed by the
     * session's context token as well (WCF's {@code SecuritySessionSecurityTokenProvider.CreateRenewRequest}: the
     * token included, endorsing with a key derived from it), whose key {@code session} gives.
     */
    static Received readEndorsedRequest(Document envelope, SymmetricHeaderWriter.Settings s, PrivateKey serviceKey,
            String thumbprint, EndorsingToken endorsing, ContextKeys session) {
        Verification v = new Verification(envelope, s, endorsing);
        v.request = true;
        v.endorsingKeys = session;
        return v.run(new KeySource.Wrapped(serviceKey, thumbprint));
    }

    /**
     * As {@link #readWithContext(Document, SymmetricHeaderWriter.Settings, boolean, boolean, ContextKeys)} for a
     * request, its primary signature endorsed by a security session's context token as well, whose key
     * {@code session} gives: a renew request secured by a negotiated bootstrap's token, WCF's way. The first context
     * token of the header is the primary one, the second the session's.
     */
    static Received readEndorsedWithContext(Document envelope, SymmetricHeaderWriter.Settings s, ContextKeys keys,
            ContextKeys session) {
        Verification v = new Verification(envelope, s, EndorsingToken.NONE);
        v.request = true;
        v.endorsingKeys = session;
        return v.run(new KeySource.Context(keys));
    }

    /**
     * As {@link #readKerberosRequest(Document, SymmetricHeaderWriter.Settings, Function)}, its primary signature
     * endorsed by a security session's context token as well, whose key {@code session} gives: a renew request
     * secured by a Kerberos bootstrap, WCF's way.
     */
    static Received readEndorsedKerberosRequest(Document envelope, SymmetricHeaderWriter.Settings s,
            Function<byte[], byte[]> acceptor, ContextKeys session) {
        Verification v = new Verification(envelope, s, EndorsingToken.NONE);
        v.request = true;
        v.endorsingKeys = session;
        return v.run(new KeySource.Kerberos(acceptor));
    }

    /**
     * Verifies a message secured with a security context's key (WS-SecureConversation): a request carrying its
     * context token, or a reply naming it by identifier; {@link Received#contextId()} names the context.
     */
    static Received readWithContext(Document envelope, SymmetricHeaderWriter.Settings s, ContextKeys keys) {
        return readWithContext(envelope, s, false, keys);
    }

    /**
     * As {@link #readWithContext(Document, SymmetricHeaderWriter.Settings, ContextKeys)}; with {@code signedOnly}
     * the message may also be signed only, its signature in clear and nothing encrypted: WCF requires no encryption
     * of a security session's cancel and its response ({@code IncomingEncryptionParts} {@code NoParts} for the
     * {@code CloseAction} and {@code CloseResponseAction}), and signs them only.
     */
    static Received readWithContext(Document envelope, SymmetricHeaderWriter.Settings s, boolean signedOnly,
            ContextKeys keys) {
        return readWithContext(envelope, s, signedOnly, false, keys);
    }

    /**
     * As {@link #readWithContext(Document, SymmetricHeaderWriter.Settings, boolean, ContextKeys)}; {@code request}
     * when the service reads a request (under {@code protectTokens} its signature must cover its context token).
     */
    static Received readWithContext(Document envelope, SymmetricHeaderWriter.Settings s, boolean signedOnly,
            boolean request, ContextKeys keys) {
        Verification v = new Verification(envelope, s, EndorsingToken.NONE);
        v.signedOnly = signedOnly;
        v.request = request;
        return v.run(new KeySource.Context(keys));
    }

    /** Verifies a reply secured with the request's {@code key} ({@code encryptedKeySha1}). */
    static Received readReply(Document envelope, SymmetricHeaderWriter.Settings s, byte[] key,
            String encryptedKeySha1) {
        return new Verification(envelope, s, EndorsingToken.NONE).run(new KeySource.Known(key, encryptedKeySha1));
    }

    /**
     * Verifies a request whose protection token is a Kerberos AP-REQ ({@code authenticationMode="Kerberos"}): the
     * {@code o:BinarySecurityToken} of {@link KerberosApRequest#VALUE_TYPE}, its key what {@code acceptor} (the
     * service's Kerberos acceptor) makes of the token's bytes; {@link Received#encryptedKeySha1()} is then the token's
     * {@code Kerberosv5APREQSHA1}.
     */
    static Received readKerberosRequest(Document envelope, SymmetricHeaderWriter.Settings s,
            Function<byte[], byte[]> acceptor) {
        Verification v = new Verification(envelope, s, EndorsingToken.NONE);
        v.request = true;
        return v.run(new KeySource.Kerberos(acceptor));
    }

    /** Verifies a reply secured with the key of the request's Kerberos token, named by its {@code tokenSha1}. */
    static Received readKerberosReply(Document envelope, SymmetricHeaderWriter.Settings s, byte[] key,
            String tokenSha1) {
        return new Verification(envelope, s, EndorsingToken.NONE).run(new KeySource.Known(key, tokenSha1,
                KerberosApRequest.SHA1_VALUE_TYPE));
    }

    /**
     * The client's check of a reply's confirmations ({@code MessageSecurityProtocol.CheckSignatureConfirmation}):
     * exactly the values of the request's signatures ({@link SymmetricHeaderWriter.Sent#signatureValues()}), in any
     * order.
     *
     * @throws MessageSecurityException {@code NotAllSignaturesConfirmed} otherwise
     */
    static void checkConfirmations(List<byte[]> sent, List<byte[]> confirmed) {
        List<byte[]> unmatched = new ArrayList<>(confirmed);
        boolean all = sent.size() == confirmed.size();
        for (byte[] value : sent) {
            int match = -1;
            for (int i = 0; i < unmatched.size() && match < 0; i++) {
                match = Arrays.equals(unmatched.get(i), value) ? i : -1;
            }
            all &= match >= 0;
            if (match >= 0) {
                unmatched.remove(match);
            }
        }
        if (!all) {
            throw new MessageSecurityException(WcfText.NotAllSignaturesConfirmed.format());
        }
    }

    private sealed interface KeySource {
        record Wrapped(PrivateKey own, String thumbprint) implements KeySource {
        }

        /** A key this side knows, named in the message by the key identifier {@code sha1Type} {@code sha1}. */
        record Known(byte[] key, String sha1, String sha1Type) implements KeySource {
            Known(byte[] key, String sha1) {
                this(key, sha1, ENCRYPTED_KEY_SHA1);
            }
        }

        /** A Kerberos AP-REQ's key, as the service's acceptor gives it. */
        record Kerberos(Function<byte[], byte[]> acceptor) implements KeySource {
        }

        record Context(ContextKeys keys) implements KeySource {
        }
    }

    private static final class Verification {
        private final Document doc;
        private final SymmetricHeaderWriter.Settings s;
        private final EndorsingToken endorsing;
        private final AlgorithmSuite suite;
        private final Map<String, Element> byId = new HashMap<>();
        private final Map<String, DerivedKeyToken> derived = new LinkedHashMap<>();
        private byte[] key;
        private String keySha1;
        /** The key identifier type naming the message's key in a reply (EncryptedKeySHA1, Kerberosv5APREQSHA1). */
        private String keySha1Type = ENCRYPTED_KEY_SHA1;
        private String encryptedKeyId;
        private KeySource source;
        private String contextTokenId;
        private String contextId;
        /** The key generation a reply's external references name ({@code c:Instance}, a renewed key). */
        private Optional<String> contextInstance = Optional.empty();
        /** Whether a message signed only (its signature in clear, nothing encrypted) is acceptable. */
        private boolean signedOnly;
        /** Whether this side is the service reading a request (WCF's RequireSignedPrimaryToken under protectTokens). */
        private boolean request;
        /** The primary token the message carries (the request's EncryptedKey or security context token). */
        private Element primaryToken;
        /** Whether the reference list is the EncryptedKey's (its EncryptedData then name no key). */
        private boolean keyHoldsList;
        /**
         * A renew request secured by its bootstrap: the session's keys (non-null when the session's token must
         * endorse), its token, and the keys derived from it.
         */
        private ContextKeys endorsingKeys;
        private Element endorsingContext;
        private final Map<String, DerivedKeyToken> endorsingDerived = new LinkedHashMap<>();

        Verification(Document doc, SymmetricHeaderWriter.Settings s, EndorsingToken endorsing) {
            this.doc = doc;
            this.s = s;
            this.endorsing = endorsing;
            this.suite = s.suite();
        }

        Received run(KeySource source) {
            this.source = source;
            Element envelope = doc.getDocumentElement();
            String soap = envelope.getNamespaceURI();
            Element header = child(envelope, soap, "Header").orElseThrow(() -> new MessageSecurityException(
                    WcfText.UnableToFindSecurityHeaderInMessage.format("")));
            Element body = child(envelope, soap, "Body").orElseThrow(() -> new MessageSecurityException(
                    "The message has no body."));
            List<Element> securities = DomXml.children(header).stream()
                    .filter(h -> WSSE.equals(h.getNamespaceURI()) && "Security".equals(h.getLocalName())).toList();
            if (securities.size() != 1) {
                throw new MessageSecurityException(securities.isEmpty()
                        ? WcfText.UnableToFindSecurityHeaderInMessage.format("")
                        : "The message has more than one security header for the same actor.");
            }
            Element security = securities.get(0);
            SecurityHeaderReader.checkUniqueIds(envelope);
            indexIds(envelope);
            if (source instanceof KeySource.Known known) {
                key = known.key();
                keySha1 = known.sha1();
                keySha1Type = known.sha1Type();
            }

            Element timestamp = null;
            Element referenceList = null;
            List<String> dataReferences = null;
            List<Element> encryptedItems = new ArrayList<>();
            List<Element> confirmations = new ArrayList<>();
            // the encrypted items and plain signatures, in order: signatures are told apart by their position (WCF:
            // the first is the primary signature, later ones supporting signatures)
            List<Element> protectedItems = new ArrayList<>();
            Element endorsingToken = null;
            List<Element> items = DomXml.children(security);
            for (int i = 0; i < items.size(); i++) {
                Element item = items.get(i);
                String ns = item.getNamespaceURI();
                String local = item.getLocalName();
                if (WSU.equals(ns) && "Timestamp".equals(local) && timestamp == null) {
                    timestamp = item;
                } else if (XENC.equals(ns) && "EncryptedKey".equals(local) && key == null
                        && source instanceof KeySource.Wrapped wrapped) {
                    EncryptedKeyToken ek = EncryptedKeyToken.readAny(item);
                    if (ek.thumbprint() == null || !wrapped.thumbprint().equals(ek.thumbprint())) {
                        throw new MessageSecurityException("The EncryptedKey is not for this service's certificate.");
                    }
                    key = ek.unwrap(suite, wrapped.own());
                    keySha1 = ek.sha1();
                    encryptedKeyId = ek.id();
                    primaryToken = item;
                    if (!ek.dataReferences().isEmpty()) {
                        // WCF's EncryptedKeyContainsReferenceList (true by default): its EncryptedData name no key
                        dataReferences = ek.dataReferences();
                        referenceList = item;
                        keyHoldsList = true;
                    }
                } else if (WSSE.equals(ns) && "BinarySecurityToken".equals(local) && key == null
                        && source instanceof KeySource.Kerberos kerberos) {
                    String valueType = item.getAttribute("ValueType");
                    if (!KerberosApRequest.VALUE_TYPE.equals(valueType)
                            && !KerberosApRequest.VALUE_TYPE_1510.equals(valueType)) {
                        throw new MessageSecurityException("The protection token is not a Kerberos AP-REQ ("
                                + valueType + ").");
                    }
                    encryptedKeyId = item.getAttributeNS(WSU, "Id");
                    if (encryptedKeyId.isEmpty()) {
                        throw new MessageSecurityException("The Kerberos token has no Id.");
                    }
                    byte[] token = DerivedKeyToken.base64(item.getTextContent());
                    key = kerberos.acceptor().apply(token);
                    keySha1 = KerberosApRequest.sha1(token);
                    keySha1Type = KerberosApRequest.SHA1_VALUE_TYPE;
                    primaryToken = item;
                } else if (s.scNamespace().equals(ns) && "SecurityContextToken".equals(local) && key == null
                        && source instanceof KeySource.Context context) {
                    contextTokenId = item.getAttributeNS(WSU, "Id");
                    if (contextTokenId.isEmpty()) {
                        throw new MessageSecurityException("The security context token has no Id.");
                    }
                    contextId = DomXml.children(item).stream()
                            .filter(c -> s.scNamespace().equals(c.getNamespaceURI())
                                    && "Identifier".equals(c.getLocalName()))
                            .map(c -> c.getTextContent().strip()).findFirst()
                            .orElseThrow(() -> new MessageSecurityException(
                                    "The security context token has no Identifier."));
                    key = context.keys().keyOf(item);
                    primaryToken = item;
                } else if (s.scNamespace().equals(ns) && "SecurityContextToken".equals(local)
                        && endorsingKeys != null && endorsingContext == null) {
                    if (item.getAttributeNS(WSU, "Id").isEmpty()) {
                        throw new MessageSecurityException("The security context token has no Id.");
                    }
                    endorsingContext = item;
                } else if (s.scNamespace().equals(ns) && "DerivedKeyToken".equals(local)) {
                    DerivedKeyToken dkt = DerivedKeyToken.read(item, s.scNamespace());
                    if (endorsingContext != null && dkt.source() instanceof TokenReference.Local l
                            && l.id().equals(endorsingContext.getAttributeNS(WSU, "Id"))) {
                        endorsingDerived.put(dkt.id(), dkt);
                        continue;
                    }
                    checkSource(dkt.source());
                    derived.put(dkt.id(), dkt);
                } else if (XENC.equals(ns) && "ReferenceList".equals(local) && dataReferences == null) {
                    dataReferences = EncryptedKeyToken.dataReferences(item);
                    referenceList = item;
                } else if (WSSE11.equals(ns) && "SignatureConfirmation".equals(local)) {
                    confirmations.add(item);
                } else if (WSSE.equals(ns) && "BinarySecurityToken".equals(local) && endorsingToken == null
                        && endorsing == EndorsingToken.X509) {
                    endorsingToken = item;
                } else if (XENC.equals(ns) && "EncryptedData".equals(local)
                        && encryptedItems.size() < MAX_ENCRYPTED_HEADER_ITEMS) {
                    encryptedItems.add(item);
                    protectedItems.add(item);
                } else if (DS.equals(ns) && "Signature".equals(local)
                        && protectedItems.size() <= MAX_ENCRYPTED_HEADER_ITEMS) {
                    protectedItems.add(item);
                } else {
                    throw new MessageSecurityException("The security header element '" + local
                            + "' is not expected here.");
                }
            }
            // without derived keys a reply names its context only in its signature's and encrypted data's key info
            boolean keyByReference = source instanceof KeySource.Context && !s.derivedKeys() && derived.isEmpty();
            if (key == null && !keyByReference) {
                throw new MessageSecurityException("The message's key was not found.");
            }
            List<Element> clearSignatures = protectedItems.stream().filter(e -> is(e, DS, "Signature")).toList();
            if (signedOnly && dataReferences == null && encryptedItems.isEmpty() && clearSignatures.size() == 1) {
                if (!confirmations.isEmpty()) {
                    throw new MessageSecurityException("A message signed only encrypts nothing.");
                }
                byte[] value = verify(clearSignatures.get(0), header, body, timestamp, List.of(), null);
                return new Received(key, keySha1, value,
                        Optional.ofNullable(timestamp).map(SecurityHeaderReader::timestamp), List.of(),
                        Optional.empty(), Optional.empty(), List.of(value), Optional.ofNullable(contextId));
            }
            if (dataReferences == null) {
                throw new MessageSecurityException("The message's body and signature must be encrypted.");
            }
            List<Element> bodyContent = DomXml.children(body);
            if (bodyContent.size() != 1 || !XENC.equals(bodyContent.get(0).getNamespaceURI())
                    || !"EncryptedData".equals(bodyContent.get(0).getLocalName())) {
                throw new MessageSecurityException("The message's body must be encrypted.");
            }
            Element encryptedBody = bodyContent.get(0);
            Set<String> encryptedIds = new HashSet<>();
            encryptedIds.add(encryptedBody.getAttribute("Id"));
            encryptedItems.forEach(e -> encryptedIds.add(e.getAttribute("Id")));
            if (!Set.copyOf(dataReferences).equals(encryptedIds) || dataReferences.size() != encryptedIds.size()) {
                throw new MessageSecurityException("The reference list must name exactly the encrypted parts.");
            }
            // WCF's OrderTracker: the reference list met before the primary signature is SignBeforeEncrypt (decrypt,
            // then verify), after it EncryptBeforeSign; the binding's order must be met
            // (MessageProtectionOrderMismatch), and with ...AndEncryptSignature the signature must be encrypted
            // (PrimarySignatureIsRequiredToBeEncrypted)
            Element firstClear = clearSignatures.isEmpty() ? null : clearSignatures.get(0);
            boolean verifyFirst = firstClear != null && position(security, firstClear) < position(security, referenceList);
            MessageProtectionOrder order = s.order();
            if (order == MessageProtectionOrder.EncryptBeforeSign ? !verifyFirst : verifyFirst) {
                throw new MessageSecurityException(WcfText.MessageProtectionOrderMismatch.format(order));
            }
            if (order == MessageProtectionOrder.EncryptBeforeSign) {
                return encryptedBeforeSigned(security, header, body, timestamp, firstClear, protectedItems,
                        confirmations, endorsingToken, encryptedBody);
            }
            Element signature = null;
            List<Element> supportingSignatures = new ArrayList<>();
            Element usernameToken = null;
            for (Element item : protectedItems) {
                boolean encrypted = is(item, XENC, "EncryptedData");
                Element element = encrypted ? decryptElement(item) : item;
                if (is(element, DS, "Signature") && signature == null) {
                    if (!encrypted && order == MessageProtectionOrder.SignBeforeEncryptAndEncryptSignature) {
                        throw new MessageSecurityException(WcfText.PrimarySignatureIsRequiredToBeEncrypted.format());
                    }
                    signature = element;
                } else if (is(element, DS, "Signature") && endorsements() == 0) {
                    throw new MessageSecurityException(WcfText.SupportingTokenSignaturesNotExpected.format());
                } else if (is(element, DS, "Signature") && supportingSignatures.size() < endorsements()) {
                    supportingSignatures.add(element);
                } else if (is(element, DS, "Signature")) {
                    throw new MessageSecurityException(WcfText.MoreThanOneSupportingSignature.format(
                            "X509SecurityToken"));
                } else if (encrypted && is(element, WSSE, "UsernameToken") && usernameToken == null) {
                    usernameToken = element;
                } else if (encrypted && is(element, WSSE11, "SignatureConfirmation")) {
                    // WCF encrypts a reply's confirmations when the request's signature was encrypted, and reads
                    // them decrypted (ReceiveSecurityHeader.ProcessEncryptedData); so does CXF under EncryptSignature
                    confirmations.add(element);
                } else {
                    throw new MessageSecurityException("The encrypted header element '" + element.getLocalName()
                            + "' is not expected here.");
                }
            }
            if (signature == null) {
                throw new MessageSecurityException("The message has no signature.");
            }
            decrypt(encryptedBody, XmlEncryption.CONTENT);
            byte[] signatureValue = verify(signature, header, body, timestamp, confirmations, usernameToken);
            return supported(security, signature, signatureValue, supportingSignatures, endorsingToken, timestamp,
                    confirmations, usernameToken);
        }

        /**
         * EncryptBeforeSign: the primary signature (in clear, before the reference list) covers the encrypted body and
         * the encrypted UsernameToken, so it is verified before anything is decrypted; then the endorsing signature,
         * then the encrypted items are decrypted.
         */
        private Received encryptedBeforeSigned(Element security, Element header, Element body, Element timestamp,
                Element signature, List<Element> protectedItems, List<Element> confirmations, Element endorsingToken,
                Element encryptedBody) {
            List<Element> supportingSignatures = new ArrayList<>();
            List<Element> encryptedHeaderItems = new ArrayList<>();
            for (Element item : protectedItems) {
                if (is(item, XENC, "EncryptedData")) {
                    encryptedHeaderItems.add(item);
                } else if (item != signature && endorsements() == 0) {
                    throw new MessageSecurityException(WcfText.SupportingTokenSignaturesNotExpected.format());
                } else if (item != signature && supportingSignatures.size() < endorsements()) {
                    supportingSignatures.add(item);
                } else if (item != signature) {
                    throw new MessageSecurityException(WcfText.MoreThanOneSupportingSignature.format(
                            "X509SecurityToken"));
                }
            }
            List<Element> signedItems = new ArrayList<>(confirmations);
            signedItems.addAll(encryptedHeaderItems);
            byte[] signatureValue = verify(signature, header, body, timestamp, signedItems, null);
            Received verified = supported(security, signature, signatureValue, supportingSignatures, endorsingToken,
                    timestamp, confirmations, null);
            Element usernameToken = null;
            for (Element item : encryptedHeaderItems) {
                Element element = decryptElement(item);
                if (is(element, WSSE, "UsernameToken") && usernameToken == null) {
                    usernameToken = element;
                } else {
                    throw new MessageSecurityException("The encrypted header element '" + element.getLocalName()
                            + "' is not expected here.");
                }
            }
            decrypt(encryptedBody, XmlEncryption.CONTENT);
            return new Received(verified.key(), verified.encryptedKeySha1(), verified.signatureValue(),
                    verified.timestamp(), verified.confirmations(),
                    Optional.ofNullable(usernameToken).map(SecurityHeaderReader::usernameToken),
                    verified.clientCertificate(), verified.signatureValues(), verified.contextId());
        }

        /** How many endorsing signatures the message must carry: the mode's certificate's, the session token's. */
        private int endorsements() {
            return (endorsing == EndorsingToken.X509 ? 1 : 0) + (endorsingKeys != null ? 1 : 0);
        }

        /** Whether {@code signature}'s key is one derived from the endorsing session token. */
        private boolean byContextKey(Element signature) {
            List<Element> parts = DomXml.children(signature);
            if (parts.size() != 3 || !is(parts.get(2), DS, "KeyInfo")) {
                return false;
            }
            List<Element> clauses = DomXml.children(parts.get(2));
            TokenReference ref = clauses.size() == 1 ? TokenReference.read(clauses.get(0)) : null;
            return ref instanceof TokenReference.Local local && endorsingDerived.containsKey(local.id());
        }

        /** The endorsing signatures' checks (MutualCertificate, a session token), then what the message carried. */
        private Received supported(Element security, Element signature, byte[] signatureValue,
                List<Element> supportingSignatures, Element endorsingToken, Element timestamp,
                List<Element> confirmations, Element usernameToken) {
            List<byte[]> signatureValues = new ArrayList<>(List.of(signatureValue));
            X509Certificate client = null;
            Element contextSignature = endorsingKeys == null ? null : supportingSignatures.stream()
                    .filter(this::byContextKey).findFirst().orElse(null);
            Element supportingSignature = supportingSignatures.stream().filter(e -> e != contextSignature)
                    .findFirst().orElse(null);
            if (endorsing == EndorsingToken.X509) {
                if (endorsingToken == null) {
                    throw new MessageSecurityException(WcfText.SupportingTokenNotProvided.format(
                            ENDORSING_X509_PARAMETERS, "Endorsing"));
                }
                if (supportingSignature == null) {
                    throw new MessageSecurityException(WcfText.SupportingTokenIsNotEndorsing.format(
                            ENDORSING_X509_PARAMETERS));
                }
                if (position(security, endorsingToken) > position(security, supportingSignature)) {
                    throw new MessageSecurityException("The endorsing token must precede its signature in the"
                            + " security header.");
                }
                client = SecurityHeaderReader.certificate(endorsingToken);
                signatureValues.add(verifyEndorsing(supportingSignature, signature, endorsingToken, client));
            }
            if (endorsingKeys != null) {
                if (endorsingContext == null || contextSignature == null) {
                    throw new MessageSecurityException(WcfText.SupportingTokenNotProvided.format(
                            "System.ServiceModel.Security.Tokens.SecureConversationSecurityTokenParameters",
                            "Endorsing"));
                }
                if (position(security, endorsingContext) > position(security, contextSignature)) {
                    throw new MessageSecurityException("The endorsing token must precede its signature in the"
                            + " security header.");
                }
                signatureValues.add(verifyContextEndorsing(contextSignature, signature));
            }
            List<byte[]> confirmed = new ArrayList<>();
            for (Element c : confirmations) {
                confirmed.add(c.hasAttribute("Value") ? DerivedKeyToken.base64(c.getAttribute("Value")) : new byte[0]);
            }
            return new Received(key, keySha1, signatureValue,
                    Optional.ofNullable(timestamp).map(SecurityHeaderReader::timestamp), confirmed,
                    Optional.ofNullable(usernameToken).map(SecurityHeaderReader::usernameToken),
                    Optional.ofNullable(client), signatureValues, Optional.ofNullable(contextId));
        }

        /** The index among {@code security}'s children of {@code e} (a child, or decrypted in a child's place). */
        private static int position(Element security, Element e) {
            return DomXml.children(security).indexOf(e);
        }

        /**
         * Verifies MutualCertificate's endorsing signature: WCF's {@code ProcessSupportingSignature} resolves its key
         * among the header's tokens, verifies the digest of the primary signature and then that every reference was
         * verified; so exactly one reference, to the primary signature's id, the suite's algorithms, the client's
         * RSA key of at least 1024 bits.
         *
         * @return its signature value (the reply confirms it)
         */
        private byte[] verifyEndorsing(Element endorsingSignature, Element primary, Element token,
                X509Certificate client) {
            List<Element> parts = DomXml.children(endorsingSignature);
            if (parts.size() != 3 || !is(parts.get(0), DS, "SignedInfo") || !is(parts.get(1), DS, "SignatureValue")
                    || !is(parts.get(2), DS, "KeyInfo")) {
                throw new MessageSecurityException("The signature must hold SignedInfo, SignatureValue and KeyInfo.");
            }
            List<Element> clauses = DomXml.children(parts.get(2));
            TokenReference keyRef = clauses.size() == 1 ? TokenReference.read(clauses.get(0)) : null;
            String tokenId = token.getAttributeNS(WSU, "Id");
            boolean byReference = keyRef instanceof TokenReference.Local local && local.id().equals(tokenId)
                    && (local.valueType() == null || local.valueType().equals(WsSecurityNames.X509V3));
            boolean byThumbprint = keyRef instanceof TokenReference.KeyIdentifier ki
                    && ki.valueType().equals(WsSecurityNames.THUMBPRINT_SHA1)
                    && Arrays.equals(DerivedKeyToken.base64(ki.value()), CertificateFind.thumbprint(client));
            if (!byReference && !byThumbprint) {
                throw new MessageSecurityException(WcfText.UnableToResolveKeyInfoForVerifyingSignature.format(
                        clauses.isEmpty() ? "" : DomXml.write(clauses.get(0)), "X509SecurityToken " + tokenId));
            }
            if (!(client.getPublicKey() instanceof RSAPublicKey rsa) || rsa.getModulus().bitLength() < MIN_RSA_BITS) {
                throw new MessageSecurityException(WcfText.TokenDoesNotMeetKeySizeRequirements.format(suite,
                        "X509SecurityToken", client.getPublicKey() instanceof RSAPublicKey r
                                ? r.getModulus().bitLength() : 0));
            }
            String primaryId = primary.getAttribute("Id");
            Set<String> referenced = checkSignedInfo(parts.get(0), suite.asymmetricSignature(), "AsymmetricSign");
            for (String id : referenced) {
                if (primaryId.isEmpty() || !id.equals(primaryId)) {
                    throw new MessageSecurityException(WcfText.UnableToResolveReferenceUriForSignature.format(
                            "#" + id));
                }
            }
            if (referenced.size() != 1) {
                throw new MessageSecurityException(WcfText.SupportingTokenIsNotEndorsing.format(
                        ENDORSING_X509_PARAMETERS));
            }
            XmlSignatureCheck.verify(rsa, endorsingSignature);
            return DerivedKeyToken.base64(parts.get(1).getTextContent());
        }

        /**
         * Verifies the session token's endorsing signature of a renew request: its key derived from the token's (the
         * session's current key), exactly one reference, to the primary signature, the suite's algorithms.
         */
        private byte[] verifyContextEndorsing(Element endorsingSignature, Element primary) {
            List<Element> parts = DomXml.children(endorsingSignature);
            if (parts.size() != 3 || !is(parts.get(0), DS, "SignedInfo") || !is(parts.get(1), DS, "SignatureValue")
                    || !is(parts.get(2), DS, "KeyInfo")) {
                throw new MessageSecurityException("The signature must hold SignedInfo, SignatureValue and KeyInfo.");
            }
            List<Element> clauses = DomXml.children(parts.get(2));
            TokenReference keyRef = clauses.size() == 1 ? TokenReference.read(clauses.get(0)) : null;
            if (!(keyRef instanceof TokenReference.Local local) || !endorsingDerived.containsKey(local.id())) {
                throw new MessageSecurityException(WcfText.UnableToResolveKeyInfoForVerifyingSignature.format(
                        clauses.isEmpty() ? "" : DomXml.write(clauses.get(0)), "SecurityContextSecurityToken"));
            }
            DerivedKeyToken dkt = endorsingDerived.get(local.id());
            if (dkt.length() * 8 < suite.signingDerivationBits()) {
                throw new MessageSecurityException("The derived key is shorter than the suite " + suite
                        + " requires.");
            }
            byte[] signingKey = dkt.key(endorsingKeys.keyOf(endorsingContext));
            String primaryId = primary.getAttribute("Id");
            Set<String> referenced = checkSignedInfo(parts.get(0), suite.symmetricSignature(), "SymmetricSign");
            if (referenced.size() != 1 || primaryId.isEmpty() || !referenced.contains(primaryId)) {
                throw new MessageSecurityException(WcfText.SupportingTokenIsNotEndorsing.format(
                        "System.ServiceModel.Security.Tokens.SecureConversationSecurityTokenParameters"));
            }
            XmlSignatureCheck.verify(new SecretKeySpec(signingKey, suite.jcaMac()), endorsingSignature);
            return DerivedKeyToken.base64(parts.get(1).getTextContent());
        }

        private void indexIds(Element root) {
            MessageSignatureCheck.index(root, byId);
        }

        /** A derived key's source must be this message's key, declared before. */
        private void checkSource(TokenReference ref) {
            if (source instanceof KeySource.Context context) {
                boolean local = ref instanceof TokenReference.Local l && contextTokenId != null
                        && l.id().equals(contextTokenId);
                boolean external = ref instanceof TokenReference.External e && contextTokenId == null
                        && (contextId == null || e.uri().equals(contextId));
                if (external && key == null) {
                    contextId = ((TokenReference.External) ref).uri();
                    contextInstance = ((TokenReference.External) ref).instance();
                    key = context.keys().keyOf(contextId, contextInstance);
                } else if (external && !((TokenReference.External) ref).instance().equals(contextInstance)) {
                    throw new MessageSecurityException("The derived keys of a message derive from different"
                            + " generations of its security context's key.");
                }
                if (!local && !external) {
                    throw new MessageSecurityException("A derived key token does not derive from the message's"
                            + " security context.");
                }
                return;
            }
            boolean ok = ref instanceof TokenReference.Local local && encryptedKeyId != null
                    && local.id().equals(encryptedKeyId)
                    || ref instanceof TokenReference.KeyIdentifier ki && encryptedKeyId == null && keySha1 != null
                    && ki.valueType().equals(keySha1Type) && ki.value().equals(keySha1);
            if (!ok) {
                throw new MessageSecurityException("A derived key token does not derive from the message's key.");
            }
        }

        /**
         * The key {@code ref} names (null: the EncryptedKey whose reference list names the data): a derived key of
         * the header of at least {@code minBits}, or, with {@code requireDerivedKeys="false"}, the message's key
         * itself, named as the derived keys name their source (WCF accepts derived keys then too: it checks only that
         * required ones were used). {@code signing} picks WCF's text when a required derived key was not used.
         */
        private byte[] messageKey(TokenReference ref, int minBits, boolean signing) {
            if (ref instanceof TokenReference.Local local && derived.containsKey(local.id())) {
                DerivedKeyToken dkt = derived.get(local.id());
                if (dkt.length() * 8 < minBits) {
                    throw new MessageSecurityException("The derived key is shorter than the suite " + suite
                            + " requires.");
                }
                return dkt.key(key);
            }
            if (ref == null && !keyHoldsList) {
                throw new MessageSecurityException("An EncryptedData must name its key.");
            }
            if (ref != null) {
                checkSource(ref);
            }
            if (s.derivedKeys()) {
                throw new MessageSecurityException(signing
                        ? WcfText.PrimarySignatureWasNotSignedByDerivedKey.format(primaryTokenParameters())
                        : WcfText.MessageWasNotEncryptedByDerivedEncryptionToken.format(primaryTokenParameters()));
            }
            return key;
        }

        /**
         * WCF's rendering of the binding's protection token parameters ({@code SecurityTokenParameters.ToString}, the
         * derived-key texts' {@code '{0}'}); for a secure conversation the leading lines only (WCF goes on with its
         * bootstrap binding element).
         */
        private String primaryTokenParameters() {
            if (source instanceof KeySource.Kerberos || KerberosApRequest.SHA1_VALUE_TYPE.equals(keySha1Type)) {
                return "System.ServiceModel.Security.Tokens.KerberosSecurityTokenParameters:\r\nInclusionMode: Once"
                        + "\r\nReferenceStyle: Internal\r\nRequireDerivedKeys: True";
            }
            return source instanceof KeySource.Context
                    ? "System.ServiceModel.Security.Tokens.SecureConversationSecurityTokenParameters:\r\nInclusionMode:"
                            + " AlwaysToRecipient\r\nReferenceStyle: Internal\r\nRequireDerivedKeys: True"
                    : "System.ServiceModel.Security.Tokens.X509SecurityTokenParameters:\r\nInclusionMode: Never"
                            + "\r\nReferenceStyle: Internal\r\nRequireDerivedKeys: True\r\nX509ReferenceStyle:"
                            + " Thumbprint";
        }

        private List<Node> decrypt(Element encryptedData, String type) {
            XmlEncryption.Parsed parsed = XmlEncryption.read(encryptedData, suite);
            if (!type.equals(parsed.type())) {
                throw new MessageSecurityException("The encrypted data is not of type " + type + ".");
            }
            return XmlEncryption.decrypt(parsed, messageKey(parsed.keyRef(), suite.encryptionDerivationBits(), false),
                    suite);
        }

        /** An encrypted header element ({@code #Element}): exactly one element once decrypted. */
        private Element decryptElement(Element encrypted) {
            List<Node> nodes = decrypt(encrypted, XmlEncryption.ELEMENT);
            if (nodes.size() != 1 || !(nodes.get(0) instanceof Element element)) {
                throw new MessageSecurityException(BlockCipher.DECRYPTION_FAILED);
            }
            if (element.hasAttributeNS(WSU, "Id")) {
                String id = element.getAttributeNS(WSU, "Id");
                if (byId.containsKey(id)) {
                    throw new MessageSecurityException(WcfText.DuplicateIdInMessageToBeVerified.format(id));
                }
                element.setIdAttributeNS(WSU, "Id", true);
                byId.put(id, element);
            }
            // a signature's own id (the primary signature's, which an endorsing signature references)
            if (element.hasAttribute("Id")) {
                String id = element.getAttribute("Id");
                if (byId.containsKey(id)) {
                    throw new MessageSecurityException(WcfText.DuplicateIdInMessageToBeVerified.format(id));
                }
                element.setIdAttribute("Id", true);
                byId.put(id, element);
            }
            return element;
        }

        private byte[] verify(Element signature, Element header, Element body, Element timestamp,
                List<Element> confirmations, Element usernameToken) {
            List<Element> parts = DomXml.children(signature);
            if (parts.size() != 3 || !is(parts.get(0), DS, "SignedInfo") || !is(parts.get(1), DS, "SignatureValue")
                    || !is(parts.get(2), DS, "KeyInfo")) {
                throw new MessageSecurityException("The signature must hold SignedInfo, SignatureValue and KeyInfo.");
            }
            Set<String> referenced = checkSignedInfo(parts.get(0), suite.symmetricSignature(), "SymmetricSign");
            List<Element> clauses = DomXml.children(parts.get(2));
            if (clauses.size() != 1) {
                throw new MessageSecurityException("The signature must name its key once.");
            }
            byte[] signingKey = messageKey(TokenReference.read(clauses.get(0)), suite.signingDerivationBits(), true);
            // checkSignedInfo made the checks the JDK's secure validation would
            XmlSignatureCheck.verify(new SecretKeySpec(signingKey, suite.jcaMac()), signature);
            List<Element> more = new ArrayList<>(confirmations);
            if (usernameToken != null) {
                more.add(usernameToken);
            }
            // the primary token may be signed (WCF consumes protected tokens quietly); the service requires it under
            // protectTokens (RequireSignedPrimaryToken: SupportingTokenIsNotSigned)
            List<Element> optional = primaryToken == null ? List.of() : List.of(primaryToken);
            if (s.protectTokens() && request && (primaryToken == null
                    || !referenced.contains(primaryToken.hasAttribute("Id") ? primaryToken.getAttribute("Id")
                            : primaryToken.getAttributeNS(WSU, "Id")))) {
                throw new MessageSecurityException(WcfText.SupportingTokenIsNotSigned.format(ISSUED_PARAMETERS));
            }
            new MessageSignatureCheck(byId, suite).coversExactly(referenced, header, body, timestamp, more, optional);
            return DerivedKeyToken.base64(parts.get(1).getTextContent());
        }

        private Set<String> checkSignedInfo(Element signedInfo, String signature, String operation) {
            return new MessageSignatureCheck(byId, suite).signedInfo(signedInfo, signature, operation);
        }

        private static boolean is(Element e, String namespace, String local) {
            return namespace.equals(e.getNamespaceURI()) && local.equals(e.getLocalName());
        }
    }
}
