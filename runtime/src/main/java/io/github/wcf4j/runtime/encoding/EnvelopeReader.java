package io.github.wcf4j.runtime.encoding;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.exc.WstxEOFException;
import com.ctc.wstx.exc.WstxLazyException;
import com.ctc.wstx.stax.WstxInputFactory;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.AddressingVersion;
import io.github.wcf4j.binding.encoding.EnvelopeVersion;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.ReaderQuotas;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.channel.QuotaExceededException;
import io.github.wcf4j.runtime.channel.UriCache;
import io.github.wcf4j.runtime.encoding.binary.NbfxStreamReader;
import io.github.wcf4j.runtime.message.BufferedHeader;
import io.github.wcf4j.runtime.message.FaultCode;
import io.github.wcf4j.runtime.message.TypedBodyQuotas;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.MessageFault;
import io.github.wcf4j.runtime.message.MessageHeaders;
import io.github.wcf4j.runtime.message.ParsedElement;
import io.github.wcf4j.runtime.message.PayloadElement;
import io.github.wcf4j.runtime.message.StreamedBody;
import io.github.wcf4j.runtime.message.UnreadableBody;
import io.github.wcf4j.runtime.message.XmlFragment;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.XMLInputFactory2;

/**
 * Reads a SOAP envelope from text in one streaming pass (Woodstox; no DOM): WS-Addressing headers into typed fields,
 * every other header and the body captured verbatim from the source text as standalone {@link XmlFragment}s (the
 * namespace declarations they inherit from the envelope are copied into their start tags), faults into
 * {@link MessageFault}. Reader quotas are enforced with WCF's texts; a DTD is refused. Thread-safe.
 *
 * <p>The body's long texts and long runs of repeated elements are the exception: which quota applies to them depends
 * on the type they are read as ({@code maxStringContentLength} for a string, {@code maxArrayLength} in bytes for base64
 * read as {@code byte[]}, in items for an array of primitives), which only the service model knows, so they are
 * recorded ({@link TypedBodyQuotas}) and judged there; a long text that no type can excuse stops the read as any other
 * quota does.
 */
final class EnvelopeReader {
    private final WstxInputFactory factory = new WstxInputFactory();
    private final ReaderQuotas quotas;

    EnvelopeReader(ReaderQuotas quotas) {
        this.quotas = quotas;
        configure(factory, quotas);
    }

    /** A factory with the envelope reader's protections (no DTD, no entities, depth and size limits). */
    static void configure(WstxInputFactory factory, ReaderQuotas quotas) {
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // names are compared with equals(); interning every namespace URI went through one global lock per element
        factory.setProperty(XMLInputFactory2.P_INTERN_NS_URIS, false);
        factory.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, Math.max(64, quotas.maxDepth() * 2));
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, 512);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, Math.max(65_536, quotas.maxStringContentLength()));
        factory.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 1L);
        factory.setProperty(WstxInputProperties.P_MAX_ENTITY_DEPTH, 1);
    }

    Message read(String text, MessageVersion version) {
        return read(text, version, null).message();
    }

    /**
     * The headers of an envelope of which only {@code text} has arrived (streamed transfer: WCF reads a streamed
     * message's headers first and leaves its body on the wire): empty when {@code text} ends before the body's first
     * child is known; else a message with {@code body} and the headers read, {@link StreamedHead#faultBody()} telling
     * a fault body (which a transport then reads whole).
     */
    Optional<StreamedHead> readHead(String text, MessageVersion version, StreamedBody body) {
        try {
            return Optional.of(read(text, version, body));
        } catch (ProtocolException e) {
            if (e.getCause() instanceof WstxEOFException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private StreamedHead read(String text, MessageVersion version, StreamedBody streamed) {
        try {
            Pass pass = new Pass(factory.createXMLStreamReader(new StringReader(text)), new TextElements(text),
                    version, streamed);
            try {
                Message m = pass.read();
                return new StreamedHead(m, pass.faultBody);
            } finally {
                // closing hands the reader's new names back to the factory's symbol table and its buffers back for
                // reuse: without it every message re-learns "Envelope", "Header", ... at the cost of a table copy
                pass.r.close();
            }
        } catch (XMLStreamException e) {
            throw new ProtocolException("The message is not well-formed XML: " + firstLine(e.getMessage()), e);
        } catch (WstxLazyException e) {
            // what Woodstox finds malformed while it parses lazily (e.g. an entity name with a colon) is unchecked
            throw new ProtocolException("The message is not well-formed XML: " + firstLine(e.getCause() != null
                    ? e.getCause().getMessage() : e.getMessage()), e);
        }
    }

    /**
     * Reads an envelope from the events of {@code source}, a reader of binary XML records ({@link NbfxStreamReader}):
     * no text of the envelope is made; the raw XML of the headers and body children kept is the text the reader
     * records for them. The document is read to its end, so what follows the body is checked as the text path checks
     * it.
     */
    Message read(NbfxStreamReader source, MessageVersion version) {
        try {
            Pass pass = new Pass(source, new RecordedElements(source), version, null);
            Message m = pass.read();
            source.discardRecordings();
            while (source.hasNext()) {
                source.next();
            }
            return m;
        } catch (XMLStreamException e) {
            throw new ProtocolException("The message is not well-formed XML: " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * The headers of a binary envelope of which only what {@code source} reads has arrived (streamed transfer): as
     * {@link #readHead(String, MessageVersion, StreamedBody)}, the reader's running out of bytes being the caller's
     * to tell ({@link io.github.wcf4j.runtime.encoding.binary.MalformedBinaryException#truncated()}).
     */
    StreamedHead readHead(NbfxStreamReader source, MessageVersion version, StreamedBody body) {
        try {
            Pass pass = new Pass(source, new RecordedElements(source), version, body);
            Message m = pass.read();
            source.discardRecordings();
            return new StreamedHead(m, pass.faultBody);
        } catch (XMLStreamException e) {
            throw new ProtocolException("The message is not well-formed XML: " + firstLine(e.getMessage()), e);
        }
    }

    /** Where the raw XML of an element the envelope reader keeps (a header, a body child) comes from. */
    private interface RawElements {
        /** A mark for the element whose start tag the reader is on. */
        int mark(XMLStreamReader r);

        /** The element from {@code mark} to its end tag (at text offset {@code endTag}), which was just read. */
        Supplier<String> element(int mark, int endTag);
    }

    /** The source text's own characters, cut out by offset (lazily: only a header that is asked for is cut). */
    private record TextElements(String text) implements RawElements {
        @Override
        public int mark(XMLStreamReader r) {
            return (int) r.getLocation().getCharacterOffset();
        }

        @Override
        public Supplier<String> element(int mark, int endTag) {
            String envelope = text; // the lambda holds the text, not the pass and its reader
            return () -> {
                int end = endTag == mark ? StartTags.tagEnd(envelope, mark) : envelope.indexOf('>', endTag) + 1;
                return envelope.substring(mark, end);
            };
        }
    }

    /** The text a binary reader records for the element, written as the binary-to-text path writes it. */
    private record RecordedElements(NbfxStreamReader reader) implements RawElements {
        @Override
        public int mark(XMLStreamReader r) {
            return reader.startRecording();
        }

        @Override
        public Supplier<String> element(int mark, int endTag) {
            String raw = reader.stopRecording(mark);
            return () -> raw;
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int i = s.indexOf("\n at [");
        return (i >= 0 ? s.substring(0, i) : s).replace('\n', ' ').strip();
    }

    /** One read: the reader, the text it reads, and the namespace declarations in scope above the current level. */
    private final class Pass {
        private final RawElements raw;
        private final MessageVersion version;
        private final String ens;
        private final String ans;
        private final XMLStreamReader r;
        private final StreamedBody streamed;
        private boolean faultBody;
        private int depth;
        /** While the body's content is read: the body's depth (else -1), and the names of its first two levels. */
        private int bodyDepth = -1;
        private final QName[] bodyPath = new QName[3];
        private List<TypedBodyQuotas.Finding> findings;
        /** The name of the last element directly in the body's child, and how many of it came in a row. */
        private QName runName;
        private int runLength;
        private final NameTableQuota names = new NameTableQuota(quotas.maxNameTableCharCount());

        Pass(XMLStreamReader r, RawElements raw, MessageVersion version, StreamedBody streamed) {
            this.raw = raw;
            this.streamed = streamed;
            this.version = version;
            this.ens = version.envelope().namespace();
            this.ans = version.addressing() == AddressingVersion.NONE ? null : version.addressing().namespace();
            this.r = r;
        }

        Message read() throws XMLStreamException {
            toFirstElement();
            if (version.envelope() == EnvelopeVersion.NONE) {
                return payload();
            }
            if (!EnvelopeNames.ENVELOPE.equals(r.getLocalName()) || !ens.equals(r.getNamespaceURI())) {
                throw envelopeMismatch(r.getNamespaceURI(), r.getLocalName());
            }
            Map<String, String> scope = declarations(new LinkedHashMap<>());
            MessageHeaders headers = new MessageHeaders();
            int event = nextTag();
            if (event == XMLStreamConstants.START_ELEMENT && EnvelopeNames.HEADER.equals(r.getLocalName())
                    && ens.equals(r.getNamespaceURI())) {
                Map<String, String> headerScope = scoped(scope);
                while ((event = nextTag()) == XMLStreamConstants.START_ELEMENT) {
                    header(headers, headerScope);
                }
                event = nextTag();
            }
            if (event != XMLStreamConstants.START_ELEMENT || !EnvelopeNames.BODY.equals(r.getLocalName())
                    || !ens.equals(r.getNamespaceURI())) {
                throw new ProtocolException("The SOAP envelope has no " + EnvelopeNames.BODY + " element.");
            }
            Map<String, String> bodyScope = scoped(scope);
            Message m = streamed != null ? head() : body(bodyScope);
            copyInto(headers, m.headers());
            return m;
        }

        private void toFirstElement() throws XMLStreamException {
            while (r.hasNext()) {
                int e = r.next();
                if (e == XMLStreamConstants.DTD) {
                    throw new ProtocolException(WcfText.XmlDtdNotAllowed.format());
                }
                if (e == XMLStreamConstants.START_ELEMENT) {
                    depth = 1;
                    names.startTag(r);
                    return;
                }
            }
            throw new ProtocolException("The message is empty.");
        }

        private RuntimeException envelopeMismatch(String ns, String local) {
            for (EnvelopeVersion v : EnvelopeVersion.values()) {
                if (v.namespace() != null && v.namespace().equals(ns) && EnvelopeNames.ENVELOPE.equals(local)) {
                    return new ProtocolException(WcfText.EncoderEnvelopeVersionMismatch.format(describe(v),
                            describe(version.envelope())));
                }
            }
            return new ProtocolException("The message is not a SOAP envelope: its root element is {" + ns + "}" + local
                    + ".");
        }

        private String describe(EnvelopeVersion v) {
            return v == EnvelopeVersion.SOAP12 ? "Soap12 (" + v.namespace() + ")" : "Soap11 (" + v.namespace() + ")";
        }

        /** The declarations on the current start tag added to {@code scope}. */
        /**
         * The declarations in scope inside the element at the reader: {@code inherited} itself when the element
         * declares nothing (most do not; the maps are never changed once made), else a copy with its declarations.
         */
        private Map<String, String> scoped(Map<String, String> inherited) {
            return r.getNamespaceCount() == 0 ? inherited : declarations(new LinkedHashMap<>(inherited));
        }

        private Map<String, String> declarations(Map<String, String> scope) {
            for (int i = 0; i < r.getNamespaceCount(); i++) {
                String p = r.getNamespacePrefix(i);
                scope.put(p == null ? "" : p, r.getNamespaceURI(i));
            }
            return scope;
        }

        /** A start tag was read: one level deeper, within maxDepth, with names within the quotas. */
        private void enterElement() {
            if (++depth > quotas.maxDepth()) {
                throw new QuotaExceededException(WcfText.XmlMaxDepthExceeded.format(quotas.maxDepth()));
            }
            checkStartTagNames();
            names.startTag(r);
        }

        private void checkTextLength(int length) {
            if (length > quotas.maxStringContentLength()) {
                throw new QuotaExceededException(WcfText.XmlMaxStringContentLengthExceeded
                        .format(quotas.maxStringContentLength()));
            }
        }

        /**
         * A start tag of the body's content at {@code level} 1 (a wrapper) or 2 (a part): its name is kept, and a run
         * of more than {@code maxArrayLength} parts of one name (an array's items) is recorded.
         */
        private void bodyElement(int level) {
            QName name = r.getName();
            bodyPath[level] = name;
            if (level == 1 || !name.equals(runName)) {
                runName = level == 1 ? null : name;
                runLength = 1;
            } else if (++runLength == quotas.maxArrayLength() + 1) {
                found(new TypedBodyQuotas.LongArray(bodyPath[1], name));
            }
        }

        /**
         * A text node of the body's content: a long one is recorded, not refused ({@link TypedBodyQuotas}), as only the
         * body's types say which quota applies to it. A text past the string quota that no type can excuse (one not
         * directly in a part, or not base64 within {@code maxArrayLength} bytes) stops the read, so the work and
         * memory an over-long body costs stay what they were: the body is refused at that text at the latest.
         */
        private void bodyText() {
            int length = r.getTextLength();
            if (length <= Math.min(quotas.maxStringContentLength(), quotas.maxArrayLength())) {
                return;
            }
            int level = depth - bodyDepth;
            int bytes = level == 2
                    ? TypedBodyQuotas.LongText.base64Bytes(r.getTextCharacters(), r.getTextStart(), length) : -1;
            found(new TypedBodyQuotas.LongText(level >= 1 ? bodyPath[1] : null, level >= 2 ? bodyPath[2] : null,
                    level, length, bytes));
            if (bytes < 0 || bytes > quotas.maxArrayLength()) {
                checkTextLength(length);
            }
        }

        private void found(TypedBodyQuotas.Finding finding) {
            if (findings == null) {
                findings = new ArrayList<>(2);
            }
            findings.add(finding);
        }

        /**
         * Next start or end tag; text is checked against the string quota (in the body's content: recorded when long),
         * anything else is skipped.
         */
        private int nextTag() throws XMLStreamException {
            while (r.hasNext()) {
                int e = r.next();
                switch (e) {
                    case XMLStreamConstants.START_ELEMENT:
                        enterElement();
                        if (bodyDepth >= 0 && depth - bodyDepth <= 2) {
                            bodyElement(depth - bodyDepth);
                        }
                        return e;
                    case XMLStreamConstants.END_ELEMENT:
                        depth--;
                        return e;
                    case XMLStreamConstants.CHARACTERS:
                    case XMLStreamConstants.CDATA:
                        if (bodyDepth >= 0) {
                            bodyText();
                        } else {
                            checkTextLength(r.getTextLength());
                        }
                        break;
                    case XMLStreamConstants.DTD:
                        throw new ProtocolException(WcfText.XmlDtdNotAllowed.format());
                    default:
                        break;
                }
            }
            throw new ProtocolException("The SOAP envelope ends unexpectedly.");
        }

        /**
         * WCF's {@code maxBytesPerRead} bounds a start tag; the names in it (element and attribute names, whose
         * length no XML reader limit bounds) are checked here, attribute values by the reader's attribute size limit.
         */
        private void checkStartTagNames() {
            int length = r.getLocalName().length();
            for (int i = r.getAttributeCount() - 1; i >= 0; i--) {
                length += r.getAttributeLocalName(i).length();
            }
            if (length > quotas.maxBytesPerRead()) {
                throw new QuotaExceededException(WcfText.XmlMaxBytesPerReadExceeded.format(quotas.maxBytesPerRead()));
            }
        }

        /** Skips to the end tag of the element whose start tag was just read; returns that end tag's offset. */
        private int skipElement() throws XMLStreamException {
            int target = depth - 1;
            int end = offset();
            while (depth > target) {
                nextTag();
                end = offset();
            }
            return end;
        }

        private int offset() {
            return (int) r.getLocation().getCharacterOffset();
        }

        private String elementText() throws XMLStreamException {
            String t = r.getElementText();
            depth--;
            checkTextLength(t.length());
            return t.strip();
        }

        private void header(MessageHeaders headers, Map<String, String> scope) throws XMLStreamException {
            String ns = r.getNamespaceURI();
            String local = r.getLocalName();
            if (ans != null && ans.equals(ns)) {
                switch (local) {
                    case EnvelopeNames.ACTION: headers.action(elementText()); return;
                    case EnvelopeNames.MESSAGE_ID: headers.messageId(elementText()); return;
                    case EnvelopeNames.RELATES_TO: headers.relatesTo(elementText()); return;
                    case EnvelopeNames.TO: headers.to(EndpointAddress.of(uri(elementText()))); return;
                    case EnvelopeNames.REPLY_TO: headers.replyTo(endpoint(scope)); return;
                    case EnvelopeNames.FAULT_TO: headers.faultTo(endpoint(scope)); return;
                    case EnvelopeNames.FROM: headers.from(endpoint(scope)); return;
                    default: break;
                }
            }
            String mu = r.getAttributeValue(ens, EnvelopeNames.MUST_UNDERSTAND);
            boolean mustUnderstand = "1".equals(mu) || "true".equals(mu);
            QName name = new QName(ns == null ? "" : ns, local, r.getPrefix() == null ? "" : r.getPrefix());
            int start = raw.mark(r);
            Map<String, String> own = scoped(Map.of());
            ParsedElement tree = tree(scope);
            Supplier<String> element = raw.element(start, offset());
            headers.add(new BufferedHeader(name, mustUnderstand,
                    () -> new XmlFragment(standalone(element.get(), scope, own)), tree));
        }

        /**
         * The element at the reader (a start tag) read into a tree, with the reader left on its end tag: a header is
         * read once, here, rather than again by the layer that understands it. Quotas as {@link #nextTag}.
         */
        private ParsedElement tree(Map<String, String> inherited) throws XMLStreamException {
            QName name = r.getName();
            // allocation stays proportional to what the element holds: many siblings cost a node each, no more
            Map<String, String> ns = scoped(inherited);
            Map<String, String> attrs = Map.of();
            if (r.getAttributeCount() > 0) {
                attrs = new LinkedHashMap<>();
                for (int i = 0; i < r.getAttributeCount(); i++) {
                    String uri = r.getAttributeNamespace(i);
                    String local = r.getAttributeLocalName(i);
                    attrs.put(uri == null || uri.isEmpty() ? local : "{" + uri + "}" + local, r.getAttributeValue(i));
                }
            }
            List<ParsedElement> children = List.of();
            StringBuilder content = null;
            while (true) {
                int e = r.next();
                switch (e) {
                    case XMLStreamConstants.START_ELEMENT:
                        enterElement();
                        if (children.isEmpty()) {
                            children = new ArrayList<>(2);
                        }
                        children.add(tree(ns));
                        break;
                    case XMLStreamConstants.CHARACTERS:
                    case XMLStreamConstants.CDATA:
                        checkTextLength(r.getTextLength());
                        if (content == null) {
                            content = new StringBuilder();
                        }
                        content.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                        break;
                    case XMLStreamConstants.END_ELEMENT:
                        depth--;
                        return ParsedElement.of(name, attrs, children, content == null ? "" : content.toString(), ns);
                    case XMLStreamConstants.DTD:
                        throw new ProtocolException(WcfText.XmlDtdNotAllowed.format());
                    default:
                        break;
                }
            }
        }

        /** The element at the reader (a start tag), made standalone, with the reader moved past its end tag. */
        private XmlFragment capture(Map<String, String> scope) throws XMLStreamException {
            int start = raw.mark(r);
            Map<String, String> own = scoped(Map.of());
            return new XmlFragment(standalone(raw.element(start, skipElement()).get(), scope, own));
        }

        private EndpointAddress endpoint(Map<String, String> scope) throws XMLStreamException {
            URI address = null;
            List<String> parameters = new ArrayList<>();
            while (nextTag() == XMLStreamConstants.START_ELEMENT) {
                String local = r.getLocalName();
                if (EnvelopeNames.ADDRESS.equals(local)) {
                    address = uri(elementText());
                } else if (EnvelopeNames.REFERENCE_PARAMETERS.equals(local)
                        || EnvelopeNames.REFERENCE_PROPERTIES.equals(local)) {
                    Map<String, String> inner = declarations(new LinkedHashMap<>(scope));
                    while (nextTag() == XMLStreamConstants.START_ELEMENT) {
                        parameters.add(capture(inner).xml());
                    }
                } else {
                    skipElement();
                }
            }
            if (address == null) {
                throw new ProtocolException("An endpoint reference in the message has no Address.");
            }
            return new EndpointAddress(address, parameters);
        }

        private URI uri(String s) {
            try {
                return UriCache.uri(s);
            } catch (IllegalArgumentException e) {
                throw new ProtocolException("The address '" + s + "' in the message is not a valid URI.");
            }
        }

        /** Streamed mode: the message so far, its body to come; whether the body is a fault is known. */
        private Message head() throws XMLStreamException {
            int event = nextTag();
            faultBody = event == XMLStreamConstants.START_ELEMENT && EnvelopeNames.FAULT.equals(r.getLocalName())
                    && ens.equals(r.getNamespaceURI());
            return Message.createStreamed(version, streamed);
        }

        private Message body(Map<String, String> scope) throws XMLStreamException {
            StringBuilder content = new StringBuilder();
            int event = nextTag();
            if (event == XMLStreamConstants.START_ELEMENT && EnvelopeNames.FAULT.equals(r.getLocalName())
                    && ens.equals(r.getNamespaceURI())) {
                MessageFault f = fault(scope);
                while (nextTag() == XMLStreamConstants.START_ELEMENT) {
                    skipElement();
                }
                return Message.createFault(version, f, null);
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                bodyDepth = depth - 1;
                bodyElement(1);
            }
            try {
                while (event == XMLStreamConstants.START_ELEMENT) {
                    content.append(capture(scope).xml());
                    event = nextTag();
                }
            } catch (QuotaExceededException e) {
                // as WCF reads a body only when the operation deserializes it, the operation answers this one
                Message m = Message.create(version, null, XmlFragment.EMPTY);
                m.properties().put(UnreadableBody.class, new UnreadableBody(e.getMessage()));
                if (findings != null) {
                    m.properties().put(TypedBodyQuotas.class, new TypedBodyQuotas(findings,
                            quotas.maxStringContentLength(), quotas.maxArrayLength(), e.getMessage()));
                }
                return m;
            } finally {
                bodyDepth = -1;
            }
            Message m = Message.create(version, null, content.length() == 0 ? XmlFragment.EMPTY
                    : new XmlFragment(content.toString()));
            if (findings != null) {
                m.properties().put(TypedBodyQuotas.class, new TypedBodyQuotas(findings, quotas.maxStringContentLength(),
                        quotas.maxArrayLength(), null));
                if (findings.stream().anyMatch(f -> f instanceof TypedBodyQuotas.LongText t
                        && t.length() > quotas.maxStringContentLength())) {
                    m.properties().put(UnreadableBody.class, new UnreadableBody(
                            WcfText.XmlMaxStringContentLengthExceeded.format(quotas.maxStringContentLength())));
                }
            }
            return m;
        }

        /**
         * Without an envelope ({@code messageVersion="None"}) the document's element is the body: WCF reads no headers
         * and no action. A {@code Fault} in the namespace of {@link EnvelopeVersion#NONE} is a fault (WCF's
         * {@code MessageFault.CreateFault} reads it as SOAP 1.2's); any other element is the payload, and its name
         * ({@link PayloadElement}) is what chooses the operation. Quotas as for a body.
         */
        private Message payload() throws XMLStreamException {
            QName root = r.getName();
            Map<String, String> scope = Map.of();
            Message m;
            if (EnvelopeNames.FAULT.equals(root.getLocalPart()) && ens.equals(root.getNamespaceURI())) {
                m = Message.createFault(version, fault(scope), null);
            } else {
                try {
                    m = Message.create(version, null, capture(scope));
                } catch (QuotaExceededException e) {
                    m = Message.create(version, null, XmlFragment.EMPTY);
                    m.properties().put(UnreadableBody.class, new UnreadableBody(e.getMessage()));
                }
            }
            m.properties().put(PayloadElement.class, new PayloadElement(root));
            return m;
        }

        /**
         * A SOAP 1.2 {@code Code/Reason/Detail} (also without an envelope) or SOAP 1.1
         * {@code faultcode/faultstring/detail} fault; the reader is left on the fault's end tag.
         */
        private MessageFault fault(Map<String, String> scope) throws XMLStreamException {
            boolean soap12 = version.envelope() != EnvelopeVersion.SOAP11;
            FaultCode code = FaultCode.Sender;
            List<QName> subcodes = new ArrayList<>();
            String reason = "";
            XmlFragment detail = null;
            while (nextTag() == XMLStreamConstants.START_ELEMENT) {
                String local = r.getLocalName();
                if (soap12 && "Code".equals(local)) {
                    code = readCode(subcodes);
                } else if (soap12 && "Reason".equals(local)) {
                    while (nextTag() == XMLStreamConstants.START_ELEMENT) {
                        String t = elementText();
                        if (reason.isEmpty()) {
                            reason = t;
                        }
                    }
                } else if (!soap12 && "faultcode".equals(local)) {
                    QName faultcode = qname(elementText());
                    if (faultcode.getNamespaceURI().equals(ens)) {
                        code = FaultCode.fromLocalName(faultcode.getLocalPart());
                    } else {
                        subcodes.add(faultcode);
                    }
                } else if (!soap12 && "faultstring".equals(local)) {
                    reason = elementText();
                } else if ("Detail".equals(local) || "detail".equals(local)) {
                    Map<String, String> inner = declarations(new LinkedHashMap<>(scope));
                    StringBuilder d = new StringBuilder();
                    while (nextTag() == XMLStreamConstants.START_ELEMENT) {
                        d.append(capture(inner).xml());
                    }
                    detail = new XmlFragment(d.toString());
                } else {
                    skipElement();
                }
            }
            MessageFault f = new MessageFault(code, subcodes, reason, Optional.empty());
            return detail == null ? f : f.withDetail(detail);
        }

        /** SOAP 1.2 {@code Code}: its {@code Value} and nested {@code Subcode}s; returns the code. */
        private FaultCode readCode(List<QName> subcodes) throws XMLStreamException {
            FaultCode code = FaultCode.Sender;
            while (nextTag() == XMLStreamConstants.START_ELEMENT) {
                if ("Value".equals(r.getLocalName())) {
                    QName value = qname(elementText());
                    code = FaultCode.fromLocalName(value.getLocalPart());
                } else if ("Subcode".equals(r.getLocalName())) {
                    readSubcode(subcodes);
                } else {
                    skipElement();
                }
            }
            return code;
        }

        private void readSubcode(List<QName> subcodes) throws XMLStreamException {
            while (nextTag() == XMLStreamConstants.START_ELEMENT) {
                if ("Value".equals(r.getLocalName())) {
                    subcodes.add(qname(elementText()));
                } else if ("Subcode".equals(r.getLocalName())) {
                    readSubcode(subcodes);
                } else {
                    skipElement();
                }
            }
        }

        /** {@code prefix:local} resolved against the namespaces in scope where it was read. */
        private QName qname(String text) {
            int colon = text.indexOf(':');
            String prefix = colon < 0 ? "" : text.substring(0, colon);
            String local = colon < 0 ? text : text.substring(colon + 1);
            String ns = r.getNamespaceContext().getNamespaceURI(prefix);
            return new QName(ns == null ? "" : ns, local, prefix);
        }
    }

    private static void copyInto(MessageHeaders from, MessageHeaders to) {
        to.action(from.action()).to(from.to()).messageId(from.messageId()).relatesTo(from.relatesTo())
                .replyTo(from.replyTo()).faultTo(from.faultTo()).from(from.from());
        from.leading().forEach(to::add);
        from.others().forEach(to::add);
    }

    /**
     * {@code element} with the in-scope declarations it uses but does not declare itself copied into its start tag.
     */
    static String standalone(String element, Map<String, String> scope, Map<String, String> own) {
        StringBuilder missing = null;
        for (Map.Entry<String, String> d : scope.entrySet()) {
            String prefix = d.getKey();
            if (own.containsKey(prefix)) {
                continue;
            }
            // a default namespace in scope applies to every unprefixed name inside: always carried over
            boolean used = prefix.isEmpty() || usesPrefix(element, prefix);
            if (!used) {
                continue;
            }
            if (missing == null) {
                missing = new StringBuilder();
            }
            missing.append(prefix.isEmpty() ? " xmlns=\"" : " xmlns:" + prefix + "=\"")
                    .append(escape(d.getValue())).append('"');
        }
        if (missing == null) {
            return element;
        }
        int nameEnd = StartTags.nameEnd(element, 0);
        return element.substring(0, nameEnd) + missing + element.substring(nameEnd);
    }

    /**
     * Whether {@code prefix} is used as a prefix in {@code element}: {@code prefix:} starting a name (after {@code <},
     * {@code </}, white space, a quote or {@code >}), as element and attribute names and QName values are written;
     * {@code xmlns:prefix} declarations do not count.
     */
    static boolean usesPrefix(String element, String prefix) {
        String token = prefix + ":";
        for (int i = element.indexOf(token); i >= 0; i = element.indexOf(token, i + 1)) {
            char before = i == 0 ? '<' : element.charAt(i - 1);
            if (before == '<' || before == '/' || before == ' ' || before == '\t' || before == '\n' || before == '\r'
                    || before == '"' || before == '\'' || before == '>') {
                return true;
            }
        }
        return false;
    }

    private static String escape(String v) {
        return v.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

}
