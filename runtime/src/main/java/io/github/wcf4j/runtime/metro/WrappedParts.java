package io.github.wcf4j.runtime.metro;

import io.github.wcf4j.runtime.contract.OperationDescription.Part;
import io.github.wcf4j.runtime.message.XmlFragment;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.StringWriter;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.codehaus.stax2.util.StreamWriterDelegate;

/**
 * The half of a stream operation that is not a stream, in WCF's wrapped form: the wrapper element holding one element
 * per part, each written and read by JAXB (as Metro would, which does not see stream operations at all). A part that
 * is absent reads as its type's default, as the DataContractSerializer reads a missing optional member. Thread-safe.
 */
final class WrappedParts {
    private static final Map<Class<?>, JAXBContext> CONTEXTS = new ConcurrentHashMap<>();

    private WrappedParts() {
    }

    /** {@code <wrapper xmlns="ns"><part>value</part>...</wrapper>}. */
    static XmlFragment write(QName wrapper, List<Part> parts, Object[] values) {
        String ns = wrapper.getNamespaceURI();
        StringWriter out = new StringWriter(256);
        try {
            XMLStreamWriter w = PayloadXml.writer(out);
            w.writeStartElement("", wrapper.getLocalPart(), ns);
            w.writeDefaultNamespace(ns);
            XMLStreamWriter inWrapper = new InheritedDefaultNamespace(w, ns);
            for (int i = 0; i < parts.size(); i++) {
                Class<?> type = boxed(parts.get(i).type());
                Marshaller m = context(type).createMarshaller();
                m.setProperty(Marshaller.JAXB_FRAGMENT, true);
                m.marshal(element(new QName(ns, parts.get(i).name()), type, values[i]), inWrapper);
            }
            w.writeEndElement();
            w.close();
        } catch (XMLStreamException | JAXBException e) {
            throw new IllegalStateException("cannot write the parts of " + wrapper + ": " + e.getMessage(), e);
        }
        return new XmlFragment(out.toString());
    }

    /** The values of {@code parts} in {@code body}, whose element must be {@code wrapper}. */
    static Object[] read(XmlFragment body, QName wrapper, List<Part> parts) {
        Object[] values = new Object[parts.size()];
        try {
            if (body.isEmpty()) {
                throw new IllegalArgumentException("the body is empty, not " + wrapper);
            }
            XMLStreamReader r = PayloadXml.reader(body);
            if (!wrapper.equals(r.getName())) {
                throw new IllegalArgumentException("the body is not " + wrapper);
            }
            int event = r.nextTag();
            for (int i = 0; i < parts.size(); i++) {
                Class<?> type = boxed(parts.get(i).type());
                if (event == XMLStreamConstants.START_ELEMENT && parts.get(i).name().equals(r.getLocalName())) {
                    values[i] = context(type).createUnmarshaller().unmarshal(r, type).getValue();
                    event = r.getEventType();
                    while (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
                        event = r.next();
                    }
                }
                if (values[i] == null) {
                    values[i] = defaultValue(parts.get(i).type());
                }
            }
            r.close();
        } catch (XMLStreamException | JAXBException e) {
            throw new IllegalArgumentException("cannot read the parts of " + wrapper + ": " + e.getMessage(), e);
        }
        return values;
    }

    /**
     * JAXB declares its fragment's namespace on every part, which the wrapper already declares as the default: the
     * part's own declaration of it is left out, as the DataContractSerializer writes {@code <UploadResult>3</...>}.
     */
    private static final class InheritedDefaultNamespace extends StreamWriterDelegate {
        private final String ns;
        private int depth;

        InheritedDefaultNamespace(XMLStreamWriter w, String ns) {
            super(w);
            this.ns = ns;
        }

        @Override
        public void writeStartElement(String prefix, String local, String uri) throws XMLStreamException {
            depth++;
            super.writeStartElement(prefix, local, uri);
        }

        @Override
        public void writeEmptyElement(String prefix, String local, String uri) throws XMLStreamException {
            depth++;
            super.writeEmptyElement(prefix, local, uri);
            depth--;
        }

        @Override
        public void writeEndElement() throws XMLStreamException {
            depth--;
            super.writeEndElement();
        }

        @Override
        public void writeDefaultNamespace(String uri) throws XMLStreamException {
            if (depth > 1 || !ns.equals(uri)) {
                super.writeDefaultNamespace(uri);
            }
        }

        @Override
        public void writeNamespace(String prefix, String uri) throws XMLStreamException {
            if (prefix == null || prefix.isEmpty()) {
                writeDefaultNamespace(uri);
            } else {
                super.writeNamespace(prefix, uri);
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static JAXBElement<?> element(QName name, Class<?> type, Object value) {
        return new JAXBElement(name, type, value);
    }

    private static JAXBContext context(Class<?> type) {
        return CONTEXTS.computeIfAbsent(type, t -> {
            try {
                return JAXBContext.newInstance(t);
            } catch (JAXBException e) {
                throw new IllegalArgumentException("JAXB cannot bind " + t.getName() + ": " + e.getMessage(), e);
            }
        });
    }

    private static Class<?> boxed(Type type) {
        if (!(type instanceof Class<?> c)) {
            throw new IllegalArgumentException("a stream operation's other parts must be classes, not " + type);
        }
        if (!c.isPrimitive()) {
            return c;
        }
        return MethodType.methodType(c).wrap().returnType();
    }

    private static Object defaultValue(Type type) {
        if (type instanceof Class<?> c && c.isPrimitive()) {
            return Array.get(Array.newInstance(c, 1), 0);
        }
        return null;
    }
}
