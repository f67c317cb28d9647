package io.github.wcf4j.runtime.service;

import com.ctc.wstx.stax.WstxInputFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.namespace.NamespaceContext;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * WCF's comparable form of an address header ({@code EndpointAddressProcessor.GetComparableForm}), the string two
 * headers must share to match: each element as its local name and namespace with its attributes sorted (namespace
 * declarations, {@code wsa:IsReferenceParameter} and {@code wsu:Id} left out; the QName values of {@code xsi:type} and
 * the serializer's {@code ItemType}/{@code FactoryType} resolved to local name and namespace), text as written (text
 * that is only whitespace skipped, as {@code XmlReader.MoveToContent} skips it), CDATA kept apart, comments and
 * processing instructions ignored; every string length-prefixed so that no two structures share a form.
 */
final class HeaderComparableForm {
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String SERIALIZATION = "http://schemas.microsoft.com/2003/10/Serialization/";
    private static final String ADDRESSING_10 = "http://www.w3.org/2005/08/addressing";
    private static final String UTILITY =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    private static final WstxInputFactory FACTORY = new WstxInputFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        FACTORY.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        FACTORY.setProperty(XMLInputFactory.IS_COALESCING, false);
    }

    private HeaderComparableForm() {
    }

    private record Attr(String local, String ns, String value) {
    }

    /** The comparable form of {@code xml}, one element with every namespace it uses declared. */
    static String of(String xml) {
        StringBuilder out = new StringBuilder();
        StringBuilder text = new StringBuilder();
        int valueStart = -1;
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(new StringReader(xml));
            try {
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.SPACE) {
                        text.append(r.getText());
                        continue;
                    }
                    // a text node ends: skipped when only whitespace, else part of the current value
                    if (!text.isEmpty()) {
                        if (!text.toString().isBlank()) {
                            if (valueStart < 0) {
                                valueStart = out.length();
                            }
                            out.append(text);
                        }
                        text.setLength(0);
                    }
                    switch (event) {
                        case XMLStreamConstants.START_ELEMENT -> {
                            valueStart = completeValue(out, valueStart);
                            out.append('<');
                            append(out, r.getLocalName());
                            out.append(':');
                            append(out, nullToEmpty(r.getNamespaceURI()));
                            out.append(' ');
                            for (Attr a : attributes(r)) {
                                append(out, a.local());
                                out.append(':');
                                append(out, a.ns());
                                out.append("=\"");
                                append(out, a.value());
                                out.append("\" ");
                            }
                            out.append('>');
                        }
                        case XMLStreamConstants.END_ELEMENT -> {
                            valueStart = completeValue(out, valueStart);
                            out.append("</>");
                        }
                        case XMLStreamConstants.CDATA -> {
                            valueStart = completeValue(out, valueStart);
                            out.append("<![CDATA[");
                            append(out, r.getText());
                            out.append("]]>");
                        }
                        default -> {
                            // comments, processing instructions: nothing, as XmlReader.MoveToContent skips them
                        }
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("unreadable address header: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** Whether the header element {@code xml} carries {@code wsa:IsReferenceParameter="true"} (or {@code "1"}). */
    static boolean isReferenceParameter(String xml, String addressingNamespace) {
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(new StringReader(xml));
            try {
                r.nextTag();
                String v = r.getAttributeValue(addressingNamespace, "IsReferenceParameter");
                return v != null && (v.trim().equals("true") || v.trim().equals("1"));
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            return false;
        }
    }

    private static List<Attr> attributes(XMLStreamReader r) {
        List<Attr> attrs = new ArrayList<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String local = r.getAttributeLocalName(i);
            String ns = nullToEmpty(r.getAttributeNamespace(i));
            if (local.equals("IsReferenceParameter") && ns.equals(ADDRESSING_10)
                    || local.equals("Id") && ns.equals(UTILITY)) {
                continue;
            }
            String value = r.getAttributeValue(i);
            if (local.equals("type") && ns.equals(XSI)
                    || ns.equals(SERIALIZATION) && (local.equals("ItemType") || local.equals("FactoryType"))) {
                value = qualified(value, r.getNamespaceContext());
            }
            attrs.add(new Attr(local, ns, value));
        }
        // .NET's Attr.CompareTo: "namespace:local", ordinal
        attrs.sort(Comparator.comparing((Attr a) -> a.ns() + ":" + a.local()));
        return attrs;
    }

    private static String qualified(String qname, NamespaceContext context) {
        String v = qname.trim();
        int colon = v.indexOf(':');
        String prefix = colon < 0 ? "" : v.substring(0, colon);
        String local = colon < 0 ? v : v.substring(colon + 1);
        String ns = nullToEmpty(context.getNamespaceURI(prefix));
        return local + "^" + local.length() + ":" + ns + "^" + ns.length();
    }

    private static int completeValue(StringBuilder out, int valueStart) {
        if (valueStart >= 0) {
            int length = out.length() - valueStart;
            out.append('^').append(length);
        }
        return -1;
    }

    private static void append(StringBuilder out, String s) {
        out.append(s).append('^').append(s.length());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
