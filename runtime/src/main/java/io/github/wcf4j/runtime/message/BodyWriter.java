package io.github.wcf4j.runtime.message;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A body written as the message is sent, piece by piece, instead of held whole (WCF {@code BodyWriter} with
 * {@code IsBuffered == false}): a streamed operation's request or reply, whose bytes are read from the caller's
 * {@code InputStream} while the transport sends them. It can be written once.
 *
 * <p>Called on the sending thread, which may block (a transport in streamed mode writes from the caller's thread or the
 * service's invocation thread, never from an I/O thread).
 */
@FunctionalInterface
public interface BodyWriter {
    /** Writes the children of {@code soap:Body} to {@code w}. */
    void writeBodyContents(XMLStreamWriter w) throws XMLStreamException;
}
