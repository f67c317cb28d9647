package io.github.wcf4j.runtime.metro;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.encoding.binary.NbfxStreamWriter;
import io.github.wcf4j.runtime.message.BodyWriter;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.StreamedBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * The body of a stream message as WCF's {@code StreamFormatter} writes and reads it: the operation's wrapper element
 * holding one part element whose content is the stream's bytes in base64, {@code <Upload xmlns="ns"><data>...</data>
 * </Upload>} (request) or {@code <DownloadResponse xmlns="ns"><DownloadResult>...</DownloadResult></DownloadResponse>}
 * (reply). Written as the stream is read, in pieces of {@link #PIECE_BYTES}, one continuous base64 text; read as it
 * arrives ({@link MessageBodyStream}), never held whole. Immutable and thread-safe.
 */
final class StreamFormatter {
    /** Bytes read from the source stream per base64 piece (a multiple of 3: the pieces join without padding). */
    static final int PIECE_BYTES = 3 * 16 * 1024;

    private final QName wrapper;
    private final String part;
    private final boolean request;

    /**
     * @param wrapper the operation's wrapper element ({@code {ns}Upload}, {@code {ns}DownloadResponse})
     * @param part    the part element's local name, in the wrapper's namespace
     * @param request whether this is a request body (WCF's texts differ by direction)
     */
    StreamFormatter(QName wrapper, String part, boolean request) {
        this.wrapper = wrapper;
        this.part = part;
        this.request = request;
    }

    /**
     * The body that writes {@code stream} (WCF's {@code Serialize}); {@code close}: the stream is closed once written
     * (a service's returned stream, as WCF disposes it after the reply is sent).
     *
     * @throws IllegalArgumentException for a {@code null} stream (WCF's {@code ArgumentNullException})
     */
    BodyWriter writer(InputStream stream, boolean close) {
        if (stream == null) {
            throw new IllegalArgumentException("Value cannot be null.\nParameter name: " + part);
        }
        return w -> {
            try {
                writeBody(w, stream);
            } finally {
                if (close) {
                    closeQuietly(stream);
                }
            }
        };
    }

    private void writeBody(XMLStreamWriter w, InputStream stream) throws XMLStreamException {
        String ns = wrapper.getNamespaceURI();
        w.writeStartElement("", wrapper.getLocalPart(), ns);
        w.writeDefaultNamespace(ns);
        w.writeStartElement("", part, ns);
        byte[] piece = new byte[PIECE_BYTES];
        Base64.Encoder base64 = Base64.getEncoder();
        try {
            int n;
            while ((n = stream.readNBytes(piece, 0, piece.length)) > 0) {
                if (w instanceof NbfxStreamWriter.Records bytes) {
                    bytes.writeBinary(piece, 0, n); // binary XML: Bytes records, as WCF's WriteBase64
                    continue;
                }
                ByteBuffer encoded = base64.encode(ByteBuffer.wrap(piece, 0, n));
                w.writeCharacters(new String(encoded.array(), 0, encoded.limit(), StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        w.writeEndElement();
        w.writeEndElement();
    }

    /** The stream of {@code message}'s part (WCF's {@code Deserialize}: a {@code MessageBodyStream}). */
    InputStream reader(Message message) {
        return new MessageBodyStream(message);
    }

    private static void closeQuietly(InputStream s) {
        try {
            s.close();
        } catch (IOException e) {
            // the bytes were sent; a failing close changes nothing for the receiver
        }
    }

    /**
     * WCF's {@code StreamFormatter.MessageBodyStream}: the part's bytes, decoded as they arrive. Errors surface as
     * WCF's {@code IOException} ({@code SFxStreamIOException}) with the cause (a quota, a broken connection) inside;
     * reading after {@link #close} fails with WCF's message-closed text. Closing discards what was not read.
     */
    private final class MessageBodyStream extends InputStream {
        private final Message message;
        private XMLStreamReader2 reader;
        private boolean done;
        private boolean closed;

        MessageBodyStream(Message message) {
            this.message = message;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException(request ? WcfText.SFxStreamRequestMessageClosed.format()
                        : WcfText.SFxStreamResponseMessageClosed.format());
            }
            if (len == 0) {
                return 0;
            }
            try {
                if (reader == null && !start()) {
                    return -1;
                }
                if (done) {
                    return -1;
                }
                int n;
                do {
                    n = reader.readElementAsBinary(b, off, len);
                } while (n == 0);
                if (n < 0) {
                    done = true;
                }
                return n;
            } catch (XMLStreamException | RuntimeException e) {
                throw new IOException(WcfText.SFxStreamIOException.format(), cause(e));
            }
        }

        /** To the part's start tag; {@code false} when the wrapper is empty (WCF reads that as an empty stream). */
        private boolean start() throws XMLStreamException {
            reader = (XMLStreamReader2) message.streamedBody().map(StreamedBody::readerAtBodyContents)
                    .orElseGet(this::bufferedReader);
            if (reader.getEventType() != XMLStreamConstants.START_ELEMENT || !wrapper.equals(reader.getName())) {
                throw new XMLStreamException("Expecting element '" + wrapper.getLocalPart() + "' from namespace '"
                        + wrapper.getNamespaceURI() + "'.");
            }
            if (reader.nextTag() == XMLStreamConstants.END_ELEMENT) {
                done = true;
                return false;
            }
            if (!part.equals(reader.getLocalName()) || !wrapper.getNamespaceURI().equals(reader.getNamespaceURI())) {
                throw new XMLStreamException("Expecting element '" + part + "' from namespace '"
                        + wrapper.getNamespaceURI() + "'.");
            }
            return true;
        }

        private XMLStreamReader bufferedReader() {
            try {
                return PayloadXml.reader(message.body());
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }

        /** Woodstox wraps what the stream below threw (a quota, a broken connection): the cause WCF shows is that. */
        private Throwable cause(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof CommunicationException) {
                    return t;
                }
            }
            return e;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                message.streamedBody().ifPresent(StreamedBody::close);
            }
        }
    }
}
