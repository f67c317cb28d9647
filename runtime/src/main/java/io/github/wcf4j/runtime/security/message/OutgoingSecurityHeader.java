package io.github.wcf4j.runtime.security.message;

import static io.github.wcf4j.runtime.security.message.WsSecurityNames.SECURITY;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSSE;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSSE_PREFIX;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSU;
import static io.github.wcf4j.runtime.security.message.WsSecurityNames.WSU_PREFIX;

import io.github.wcf4j.runtime.message.MessageHeader;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamWriter2;

/**
 * The {@code o:Security} header a sender adds, written as WCF writes it: {@code s:mustUnderstand="1"}, the wsse
 * namespace declared on the header, the wsu prefix {@code u} declared on the envelope (WCF's
 * {@code xmlns:u} on {@code s:Envelope}), its items in the layout's order.
 *
 * @param content the header's items, already rendered (they use the prefixes {@code o} and {@code u})
 */
record OutgoingSecurityHeader(String content) implements MessageHeader {

    @Override
    public QName name() {
        return SECURITY;
    }

    @Override
    public boolean mustUnderstand() {
        return true;
    }

    @Override
    public String[] envelopeNamespace() {
        return new String[] {WSU_PREFIX, WSU};
    }

    @Override
    public void write(XMLStreamWriter2 writer, String envelopeNamespace, String envelopePrefix)
            throws XMLStreamException {
        writer.writeCharacters("");
        writer.writeRaw("<" + WSSE_PREFIX + ":Security " + envelopePrefix + ":mustUnderstand=\"1\" xmlns:"
                + WSSE_PREFIX + "=\"" + WSSE + "\">" + content + "</" + WSSE_PREFIX + ":Security>");
    }
}
