package io.github.wcf4j.runtime.metro;

import com.ctc.wstx.stax.WstxInputFactory;
import com.ctc.wstx.stax.WstxOutputFactory;
import io.github.wcf4j.runtime.message.XmlFragment;
import java.io.StringReader;
import java.io.StringWriter;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Message bodies between wcf4j and Metro: a body fragment becomes a Woodstox reader positioned on its element (no DTDs,
 * no external entities), and Metro's payload is written back as text.
 */
final class PayloadXml {
    private static final WstxInputFactory INPUT = new WstxInputFactory();
    private static final WstxOutputFactory OUTPUT = new WstxOutputFactory();

    static {
        INPUT.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        INPUT.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        INPUT.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    }

    private PayloadXml() {
    }

    /** A reader on the (non-empty) fragment's element. */
    static XMLStreamReader reader(XmlFragment body) throws XMLStreamException {
        XMLStreamReader r = INPUT.createXMLStreamReader(new StringReader(body.xml()));
        r.nextTag();
        return r;
    }

    /** Closes a reader Metro has consumed (its names go back to the factory's symbol table); failures ignored. */
    static void close(XMLStreamReader r) {
        try {
            r.close();
        } catch (XMLStreamException e) {
            // nothing is lost: the message was read
        }
    }

    static XMLStreamWriter writer(StringWriter out) throws XMLStreamException {
        return OUTPUT.createXMLStreamWriter(out);
    }
}
