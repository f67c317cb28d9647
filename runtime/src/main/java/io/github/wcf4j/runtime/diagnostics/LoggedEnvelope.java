package io.github.wcf4j.runtime.diagnostics;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.XMLEvent;

/**
 * An envelope as message logging writes it, WCF's {@code MessageLogger} rules applied while it is copied (one pass,
 * StAX): the content of the {@code Security} and {@code IssuedTokens} headers replaced by {@code <!-- Removed-->};
 * without {@code logEntireMessage} the body's content replaced by {@code ... stream ...}; with it, the content of a
 * WS-Trust token request or response in the body of a message whose action is a WS-Trust one (or none) removed too.
 * Text that is not a well-formed envelope is logged as it is (it was logged on the wire, or is malformed).
 */
final class LoggedEnvelope {
    static final String REMOVED = " Removed";
    static final String BODY_LEFT_OUT = "... stream ...";
    private static final Set<String> PII_HEADERS = Set.of("Security", "IssuedTokens");
    private static final Set<String> PII_BODIES = Set.of("RequestSecurityToken", "RequestSecurityTokenResponse",
            "RequestSecurityTokenResponseCollection");
    private static final XMLInputFactory INPUT = input();
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();
    private static final XMLEventFactory EVENTS = XMLEventFactory.newFactory();

    private LoggedEnvelope() {
    }

    private static XMLInputFactory input() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }

    /** What is logged of a message whose body is streamed or written as it is sent: it is not read for logging. */
    static String streamed(String action) {
        return BODY_LEFT_OUT + " (a streamed message, action " + action + ")";
    }

    static String of(String envelope, boolean logEntireMessage) {
        try {
            return filter(envelope, logEntireMessage);
        } catch (XMLStreamException | RuntimeException notAnEnvelope) {
            return envelope;
        }
    }

    private static String filter(String envelope, boolean logEntireMessage) throws XMLStreamException {
        XMLEventReader in = INPUT.createXMLEventReader(new StringReader(envelope));
        StringWriter text = new StringWriter(envelope.length());
        XMLEventWriter out = OUTPUT.createXMLEventWriter(text);
        Deque<String> path = new ArrayDeque<>();
        String action = "";
        StringBuilder actionText = null;
        int skipping = 0;
        while (in.hasNext()) {
            XMLEvent e = in.nextEvent();
            if (e.isStartDocument() || e.isEndDocument()) {
                continue;
            }
            if (skipping > 0) {
                if (e.isStartElement()) {
                    skipping++;
                } else if (e.isEndElement()) {
                    skipping--;
                }
                if (skipping > 0) {
                    continue;
                }
            }
            if (e.isStartElement()) {
                String name = e.asStartElement().getName().getLocalPart();
                out.add(e);
                path.push(name);
                if (path.size() == 3 && "Header".equals(parent(path)) && "Action".equals(name)) {
                    actionText = new StringBuilder();
                }
                if (path.size() == 3 && "Header".equals(parent(path)) && PII_HEADERS.contains(name)) {
                    out.add(EVENTS.createComment(REMOVED));
                    skipping = 1;
                } else if (path.size() == 2 && "Body".equals(name) && !logEntireMessage) {
                    out.add(EVENTS.createCharacters(BODY_LEFT_OUT));
                    skipping = 1;
                } else if (path.size() == 3 && "Body".equals(parent(path)) && PII_BODIES.contains(name)
                        && (action.isEmpty() || action.contains("/trust/"))) {
                    out.add(EVENTS.createComment(REMOVED));
                    skipping = 1;
                }
                continue;
            }
            if (e.isEndElement()) {
                if (actionText != null && path.size() == 3) {
                    action = actionText.toString().trim();
                    actionText = null;
                }
                path.pop();
            } else if (e.isCharacters() && actionText != null) {
                actionText.append(e.asCharacters().getData());
            }
            out.add(e);
        }
        out.close();
        return text.toString();
    }

    /** The name of the element that contains the innermost open one. */
    private static String parent(Deque<String> path) {
        var it = path.iterator();
        it.next();
        return it.hasNext() ? it.next() : "";
    }
}
