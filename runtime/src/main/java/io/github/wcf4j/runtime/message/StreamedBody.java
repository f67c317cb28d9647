package io.github.wcf4j.runtime.message;

import javax.xml.stream.XMLStreamReader;

/**
 * The body of a message received in streamed mode, read as its bytes arrive (WCF's {@code StreamedMessage}): the
 * headers were read when the message was delivered, the body is still on the wire. Either read it incrementally
 * ({@link #readerAtBodyContents}, WCF's {@code GetReaderAtBodyContents}) or whole ({@link #buffer}, what an operation
 * that is not a stream operation needs), once.
 *
 * <p>Reading blocks until bytes arrive: it belongs on a thread that may block (the service's invocation thread, a
 * client's calling thread), never on an I/O thread. {@link #close} discards what was not read, so the connection can
 * carry its next message. Thread-safe to close from any thread.
 */
public interface StreamedBody {
    /**
     * A reader positioned on the body's first child element (or on the end of {@code soap:Body} when it is empty).
     *
     * @throws IllegalStateException when the body was read already
     */
    XMLStreamReader readerAtBodyContents();

    /**
     * Reads the rest of the body and gives it as the message a buffered transport would have delivered (its body, a
     * fault, or the {@link UnreadableBody} a reader quota left).
     *
     * @throws IllegalStateException when the body was read already
     */
    Message buffer();

    /** Ends reading: what was not read is discarded. Reading after close fails (WCF's message-closed text). */
    void close();
}
