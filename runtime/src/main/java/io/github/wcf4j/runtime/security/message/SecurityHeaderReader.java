package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.runtime.security.CertificateFind;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.BASE64_BINARY;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.BINARY_SECURITY_TOKEN;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.DS;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.EXC_C14N;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.PASSWORD_TEXT;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.SIGNATURE;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.THUMBPRINT_SHA1;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.TIMESTAMP;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.USERNAME_TOKEN;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSSE;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSU;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.X509V3;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.security.SecurityHeaderLayout;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.Transform;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Reads a received {@code o:Security} header of a transport-secured message as WCF's {@code ReceiveSecurityHeader}
 * does: every id unique in the header, the layout's timestamp position (LaxTimestampFirst/Last) and declare-before-use
 * (Strict), only the tokens a transport binding knows
 * ({@code Timestamp}, {@code UsernameToken} with a text password, X509v3 {@code BinarySecurityToken},
 * {@code ds:Signature}), and each signature checked to be an endorsing signature over exactly the timestamp with
 * exactly the suite's algorithms (WCF's receivers accept one algorithm per slot), by an X.509 token of this header.
 * What it returns is read and verified; whether it is <em>enough</em> (a token present, trusted, a timestamp fresh)
 * is the {@link TransportSecurityProtocol}'s decision.
 */
final class SecurityHeaderReader {
    private static final Instant NO_EXPIRY = Instant.parse("9999-12-31T23:59:59.999Z");
    private static final int MIN_RSA_BITS = 1024;

    /** What the header carried, verified. */
    record Received(Optional<SecurityTimestamp> timestamp, Optional<String> timestampId,
            Optional<UserNameCredential> userName, List<X509Certificate> tokens,
            List<X509Certificate> endorsingSigners) {
    }

    private SecurityHeaderReader() {
    }

    static Received read(Element security, SecurityHeaderLayout layout, AlgorithmSuite suite) {
        return read(security, layout, suite, Optional.empty());
    }

    /**
     * As {@link #read(Element, SecurityHeaderLayout, AlgorithmSuite)}, each endorsing signature also required to cover
     * {@code to} (a {@code To} header with its {@code wsu:Id}, in the same document), as WCF requires of an
     * asymmetric endorsing signature over a transport.
     */
    static Received read(Element security, SecurityHeaderLayout layout, AlgorithmSuite suite, Optional<Element> to) {
        List<Element> items = DomXml.children(security);
        if (items.isEmpty()) {
            throw new MessageSecurityException("Security header is empty.");
        }
        checkUniqueIds(security);
        SecurityTimestamp timestamp = null;
        String timestampId = null;
        int timestampIndex = -1;
        UserNameCredential userName = null;
        List<Element> tokenElements = new ArrayList<>();
        List<X509Certificate> tokens = new ArrayList<>();
        List<Element> signatures = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Element e = items.get(i);
            if (is(e, WSU, TIMESTAMP)) {
                if (timestamp != null) {
                    throw new MessageSecurityException("Only one Timestamp element may be present in the security"
                            + " header.");
                }
                timestamp = timestamp(e);
                timestampId = id(e);
                timestampIndex = i;
            } else if (is(e, WSSE, USERNAME_TOKEN)) {
                if (userName != null) {
                    throw new MessageSecurityException(WcfText.TokenNotExpectedInSecurityHeader.format(
                            "UserNameSecurityToken"));
                }
                userName = usernameToken(e);
            } else if (is(e, WSSE, BINARY_SECURITY_TOKEN)) {
                tokens.add(certificate(e));
                tokenElements.add(e);
            } else if (is(e, DS, SIGNATURE)) {
                signatures.add(e);
            } else {
                throw new MessageSecurityException(WcfText.TokenNotExpectedInSecurityHeader.format(
                        "{" + e.getNamespaceURI() + "}" + e.getLocalName()));
            }
        }
        checkLayout(layout, timestampIndex, items.size());
        List<X509Certificate> signers = new ArrayList<>();
        for (Element s : signatures) {
            if (timestampId == null) {
                throw new MessageSecurityException(WcfText.RequiredTimestampMissingInSecurityHeader.format());
            }
            int token = signingToken(s, tokenElements, tokens);
            if (layout == SecurityHeaderLayout.Strict && items.indexOf(tokenElements.get(token)) > items.indexOf(s)) {
                // WS-SecurityPolicy Strict: declare before use
                throw new MessageSecurityException("The signature's token must precede it in the Strict security"
                        + " header layout.");
            }
            verify(s, tokens.get(token), timestampId, suite, security, to);
            signers.add(tokens.get(token));
        }
        return new Received(Optional.ofNullable(timestamp), Optional.ofNullable(timestampId),
                Optional.ofNullable(userName), tokens, signers);
    }

    private static void checkLayout(SecurityHeaderLayout layout, int timestampIndex, int count) {
        if (timestampIndex < 0) {
            return;
        }
        // Strict places no constraint on the timestamp (StrictModeSecurityHeaderElementInferenceEngine reads the
        // header in one pass, tokens before the signatures that use them); only LaxTimestampFirst/Last do
        if (layout == SecurityHeaderLayout.LaxTimestampFirst && timestampIndex != 0) {
            throw new MessageSecurityException(WcfText.TimestampMustOccurFirstInSecurityHeaderLayout.format());
        }
        if (layout == SecurityHeaderLayout.LaxTimestampLast && timestampIndex != count - 1) {
            throw new MessageSecurityException(WcfText.TimestampMustOccurLastInSecurityHeaderLayout.format());
        }
    }

    /** WCF's {@code DuplicateIdInMessageToBeVerified}: no {@code wsu:Id} or {@code Id} twice under {@code root}. */
    static void checkUniqueIds(Element security) {
        Set<String> seen = new HashSet<>();
        List<Element> all = new ArrayList<>();
        descendants(security, all);
        for (Element e : all) {
            NamedNodeMap attributes = e.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr a = (Attr) attributes.item(i);
                String local = a.getLocalName() == null ? a.getName() : a.getLocalName();
                boolean isId = local.equals("Id") && (a.getNamespaceURI() == null || WSU.equals(a.getNamespaceURI()));
                if (isId && !seen.add(a.getValue())) {
                    throw new MessageSecurityException(WcfText.DuplicateIdInMessageToBeVerified.format(a.getValue()));
                }
            }
        }
    }

    static SecurityTimestamp timestamp(Element e) {
        List<Element> parts = DomXml.children(e);
        if (parts.isEmpty() || !is(parts.get(0), WSU, "Created") || parts.size() > 2
                || parts.size() == 2 && !is(parts.get(1), WSU, "Expires")) {
            throw new MessageSecurityException("The security timestamp must hold Created and optionally Expires.");
        }
        Instant created = SecurityTimestamp.parse(parts.get(0).getTextContent());
        Instant expires = parts.size() == 2 ? SecurityTimestamp.parse(parts.get(1).getTextContent()) : NO_EXPIRY;
        return new SecurityTimestamp(created, expires);
    }

    static UserNameCredential usernameToken(Element e) {
        String user = null;
        String password = null;
        for (Element c : DomXml.children(e)) {
            if (is(c, WSSE, "Username") && user == null) {
                user = c.getTextContent();
            } else if (is(c, WSSE, "Password") && password == null) {
                String type = c.getAttribute("Type");
                if (!type.isEmpty() && !type.equals(PASSWORD_TEXT)) {
                    throw new MessageSecurityException("The UsernameToken password type '" + type
                            + "' is not supported; only PasswordText is.");
                }
                password = c.getTextContent();
            } else if (!is(c, WSSE, "Nonce") && !is(c, WSU, "Created")) {
                throw new MessageSecurityException("The UsernameToken has an unexpected element '"
                        + c.getLocalName() + "'.");
            }
        }
        if (user == null) {
            throw new MessageSecurityException("The UsernameToken has no Username.");
        }
        return new UserNameCredential(user, password == null ? "" : password);
    }

    static X509Certificate certificate(Element e) {
        String valueType = e.getAttribute("ValueType");
        String encoding = e.getAttribute("EncodingType");
        if (!valueType.equals(X509V3) || !encoding.isEmpty() && !encoding.equals(BASE64_BINARY)) {
            throw new MessageSecurityException(WcfText.TokenNotExpectedInSecurityHeader.format(
                    "BinarySecurityToken ValueType='" + valueType + "'"));
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(e.getTextContent().trim());
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException | IllegalArgumentException ex) {
            throw new MessageSecurityException("The X.509 BinarySecurityToken cannot be read.", ex);
        }
    }

    /**
     * The token a signature's {@code KeyInfo} names: a local {@code o:Reference} to a token of this header, or its
     * {@code ThumbprintSHA1} key identifier.
     */
    private static int signingToken(Element signature, List<Element> tokenElements, List<X509Certificate> tokens) {
        Element keyInfo = child(signature, DS, "KeyInfo");
        Element str = keyInfo == null ? null : child(keyInfo, WSSE, "SecurityTokenReference");
        List<Element> clauses = str == null ? List.of() : DomXml.children(str);
        if (clauses.size() != 1) {
            throw new MessageSecurityException("The signature's KeyInfo must hold one SecurityTokenReference with one"
                    + " reference.");
        }
        Element clause = clauses.get(0);
        if (is(clause, WSSE, "Reference")) {
            String uri = clause.getAttribute("URI");
            String valueType = clause.getAttribute("ValueType");
            if (!valueType.isEmpty() && !valueType.equals(X509V3)) {
                throw new MessageSecurityException("The signature's token reference has ValueType '" + valueType
                        + "'.");
            }
            for (int i = 0; i < tokenElements.size(); i++) {
                if (uri.equals("#" + id(tokenElements.get(i)))) {
                    return i;
                }
            }
        } else if (is(clause, WSSE, "KeyIdentifier") && THUMBPRINT_SHA1.equals(clause.getAttribute("ValueType"))) {
            byte[] thumbprint = Base64.getMimeDecoder().decode(clause.getTextContent().trim());
            for (int i = 0; i < tokens.size(); i++) {
                if (Arrays.equals(thumbprint, CertificateFind.thumbprint(tokens.get(i)))) {
                    return i;
                }
            }
        }
        throw new MessageSecurityException("The signature's key does not refer to a token of the security header.");
    }

    private static void verify(Element signatureElement, X509Certificate signer, String timestampId,
            AlgorithmSuite suite, Element security, Optional<Element> to) {
        if (!(signer.getPublicKey() instanceof RSAPublicKey rsa) || rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new MessageSecurityException("The signing token's key is not an RSA key of at least "
                    + MIN_RSA_BITS + " bits.");
        }
        List<Element> all = new ArrayList<>();
        descendants(security, all);
        to.ifPresent(all::add);
        List<String> expected = new ArrayList<>(List.of("#" + timestampId));
        to.ifPresent(t -> expected.add("#" + id(t)));
        // every check the JDK's secure validation would make that applies here is made below, and more strictly: one
        // same-document reference to the timestamp, one transform
        XmlSignatureCheck.verify(rsa, signatureElement, all, si -> {
            accept(si.getCanonicalizationMethod().getAlgorithm(), EXC_C14N, "Canonicalization", suite);
            accept(si.getSignatureMethod().getAlgorithm(), suite.asymmetricSignature(), "AsymmetricSignature", suite);
            if (si.getReferences().size() != expected.size()) {
                if (to.isPresent() && si.getReferences().size() == 1) {
                    throw new MessageSecurityException(WcfText.UnsignedToHeaderInTransportSecuredMessage.format());
                }
                throw new MessageSecurityException(to.isPresent() ? "The endorsing signature must sign exactly the"
                        + " timestamp and the To header." : "The endorsing signature must sign exactly the timestamp.");
            }
            // in any order, as WCF's receiver finds each signed part by its id
            List<String> uris = new ArrayList<>();
            for (Object o : si.getReferences()) {
                Reference reference = (Reference) o;
                uris.add(reference.getURI());
                accept(reference.getDigestMethod().getAlgorithm(), suite.digest(), "Digest", suite);
                List<?> transforms = reference.getTransforms();
                if (transforms.size() != 1) {
                    throw new MessageSecurityException("A signed part must be transformed by exclusive c14n only.");
                }
                accept(((Transform) transforms.get(0)).getAlgorithm(), EXC_C14N, "Transform", suite);
            }
            if (!uris.contains(expected.get(0))) {
                throw new MessageSecurityException(WcfText.RequiredSecurityHeaderElementNotSigned.format(TIMESTAMP,
                        timestampId));
            }
            if (!uris.containsAll(expected)) {
                throw new MessageSecurityException(WcfText.UnsignedToHeaderInTransportSecuredMessage.format());
            }
        });
    }

    /** WCF's exact-match rule: {@code SuiteDoesNotAcceptAlgorithm}. */
    private static void accept(String algorithm, String expected, String operation, AlgorithmSuite suite) {
        if (!expected.equals(algorithm)) {
            throw new MessageSecurityException(WcfText.SuiteDoesNotAcceptAlgorithm.format(algorithm, operation,
                    suite));
        }
    }

    private static String id(Element e) {
        return e.getAttributeNS(WSU, "Id");
    }

    private static boolean is(Element e, String namespace, String local) {
        return namespace.equals(e.getNamespaceURI()) && local.equals(e.getLocalName());
    }

    private static Element child(Element parent, String namespace, String local) {
        return DomXml.children(parent).stream().filter(c -> is(c, namespace, local)).findFirst().orElse(null);
    }

    private static void descendants(Element e, List<Element> out) {
        out.add(e);
        for (Element c : DomXml.children(e)) {
            descendants(c, out);
        }
    }
}
