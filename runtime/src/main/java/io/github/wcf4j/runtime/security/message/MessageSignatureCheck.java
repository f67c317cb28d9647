package io.github.wcf4j.runtime.security.message;

import static io.github.wcf4j.runtime.security.message.WsSecurityNames.DS;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.EXC_C14N;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSU;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * The checks WCF's {@code ReceiveSecurityHeader} makes on a message's primary signature, whatever its key (symmetric
 * or asymmetric binding): exactly the suite's algorithms in every slot (WCF's receivers accept one algorithm per slot,
 * {@code SuiteDoesNotAcceptAlgorithm}), local references each once with one exclusive-c14n transform, and the parts
 * the binding's protection requirements sign (the addressing and WS-RM headers, the body, the timestamp and whatever
 * else the caller names) all covered, nothing else. Ids are resolved through the message's own index
 * ({@link #index}), built once per message.
 */
final class MessageSignatureCheck {
    private final Map<String, Element> byId;
    private final AlgorithmSuite suite;

    MessageSignatureCheck(Map<String, Element> byId, AlgorithmSuite suite) {
        this.byId = byId;
        this.suite = suite;
    }

    /** Indexes every {@code wsu:Id} and {@code Id} under {@code root} into {@code byId}, marking them as ids. */
    static void index(Element root, Map<String, Element> byId) {
        List<Element> all = new ArrayList<>();
        collect(root, all);
        for (Element e : all) {
            if (e.hasAttributeNS(WSU, "Id")) {
                e.setIdAttributeNS(WSU, "Id", true);
                byId.put(e.getAttributeNS(WSU, "Id"), e);
            }
            if (e.hasAttribute("Id")) {
                e.setIdAttribute("Id", true);
                byId.put(e.getAttribute("Id"), e);
            }
        }
    }

    private static void collect(Element e, List<Element> out) {
        out.add(e);
        for (Element c : DomXml.children(e)) {
            collect(c, out);
        }
    }

    /** The suite's algorithms in every slot ({@code signature} signs); the ids referenced (each once, local). */
    Set<String> signedInfo(Element signedInfo, String signature, String operation) {
        List<Element> parts = DomXml.children(signedInfo);
        if (parts.size() < 3 || !is(parts.get(0), DS, "CanonicalizationMethod")
                || !is(parts.get(1), DS, "SignatureMethod")) {
            throw new MessageSecurityException("The SignedInfo is malformed.");
        }
        algorithm(parts.get(0), EXC_C14N, "Canonicalization");
        algorithm(parts.get(1), signature, operation);
        Set<String> ids = new LinkedHashSet<>();
        for (Element reference : parts.subList(2, parts.size())) {
            String uri = reference.getAttribute("URI");
            List<Element> r = DomXml.children(reference);
            if (!is(reference, DS, "Reference") || !uri.startsWith("#") || !ids.add(uri.substring(1))
                    || !byId.containsKey(uri.substring(1)) || r.size() != 3 || !is(r.get(0), DS, "Transforms")
                    || !is(r.get(1), DS, "DigestMethod") || !is(r.get(2), DS, "DigestValue")) {
                throw new MessageSecurityException("A signature reference is malformed or not local.");
            }
            List<Element> transforms = DomXml.children(r.get(0));
            if (transforms.size() != 1) {
                throw new MessageSecurityException("A signature reference must have one transform.");
            }
            algorithm(transforms.get(0), EXC_C14N, "Canonicalization");
            algorithm(r.get(1), suite.digest(), "Digest");
        }
        return ids;
    }

    /**
     * {@code e} names exactly {@code expected}, with no parameters; exclusive c14n may carry its
     * {@code InclusiveNamespaces PrefixList} (WSS4J/CXF write one; WCF reads it), which the JDK applies.
     */
    void algorithm(Element e, String expected, String operation) {
        String actual = e.getAttribute("Algorithm");
        List<Element> parameters = DomXml.children(e);
        boolean prefixList = parameters.size() == 1 && expected.equals(EXC_C14N)
                && is(parameters.get(0), EXC_C14N, "InclusiveNamespaces")
                && DomXml.children(parameters.get(0)).isEmpty();
        if (!actual.equals(expected) || !parameters.isEmpty() && !prefixList) {
            throw new MessageSecurityException(WcfText.SuiteDoesNotAcceptAlgorithm.format(actual, operation,
                    suite));
        }
    }

    /**
     * The signature whose references are {@code referenced} covers the body, the timestamp (when there is one), the
     * headers a message signature covers ({@link SymmetricHeaderWriter#signedHeader}) and {@code more}, and nothing
     * that is not one of them.
     */
    void coversExactly(Set<String> referenced, Element header, Element body, Element timestamp,
            Collection<Element> more) {
        coversExactly(referenced, header, body, timestamp, more, List.of());
    }

    /**
     * As {@link #coversExactly(Set, Element, Element, Element, Collection)}; the signature may also cover
     * {@code optional} (a message's primary token, which WCF's receivers accept signed or not).
     */
    void coversExactly(Set<String> referenced, Element header, Element body, Element timestamp,
            Collection<Element> more, Collection<Element> optional) {
        Set<Element> required = new HashSet<>();
        required.add(body);
        if (timestamp != null) {
            required.add(timestamp);
        }
        required.addAll(more);
        for (Element h : DomXml.children(header)) {
            if (SymmetricHeaderWriter.signedHeader(h)) {
                required.add(h);
            }
        }
        Set<Element> signed = new HashSet<>();
        for (String id : referenced) {
            signed.add(byId.get(id));
        }
        for (Element part : required) {
            if (!signed.contains(part)) {
                throw new MessageSecurityException("The '" + part.getLocalName() + "', '"
                        + part.getNamespaceURI() + "' required message part was not signed.");
            }
        }
        Set<Element> allowed = new HashSet<>(required);
        allowed.addAll(optional);
        if (!allowed.containsAll(signed)) {
            throw new MessageSecurityException("The signature references a part that is not a message part.");
        }
    }

    private static boolean is(Element e, String namespace, String local) {
        return namespace.equals(e.getNamespaceURI()) && local.equals(e.getLocalName());
    }
}
