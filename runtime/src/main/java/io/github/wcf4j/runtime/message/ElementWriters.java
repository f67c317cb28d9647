package io.github.wcf4j.runtime.message;

import com.ctc.wstx.api.WstxOutputProperties;
import com.ctc.wstx.stax.WstxOutputFactory;
import java.io.Writer;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLOutputFactory2;
import org.codehaus.stax2.XMLStreamWriter2;

/** Woodstox writers configured as the envelope writer is (empty elements as {@code <x/>}, no repairing). */
final class ElementWriters {
    private static final WstxOutputFactory FACTORY = new WstxOutputFactory();

    static {
        FACTORY.setProperty(XMLOutputFactory2.P_AUTOMATIC_EMPTY_ELEMENTS, true);
        FACTORY.setProperty(WstxOutputProperties.P_OUTPUT_VALIDATE_STRUCTURE, false);
    }

    private ElementWriters() {
    }

    static XMLStreamWriter2 create(Writer out) throws XMLStreamException {
        return (XMLStreamWriter2) FACTORY.createXMLStreamWriter(out);
    }
}
