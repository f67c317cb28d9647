package io.github.wcf4j.runtime.encoding;

import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.encoding.binary.NbfxStreamReader;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.StreamedBody;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.ri.Stax2ReaderAdapter;

/**
 * The body of a sessionless binary envelope received in streamed mode (streamed net.tcp): the bytes that had arrived
 * when its headers were read, then the rest as the transport delivers it. Read incrementally, the records are read
 * again from the start with an {@code InputStream}-fed {@link NbfxStreamReader} whose Bytes records (a stream
 * operation's part) come in pieces, never whole; read whole, it is the buffered encoder's read of all its bytes
 * (within the transport's {@code maxReceivedMessageSize}). Either way once.
 */
final class StreamedBinaryEnvelope implements StreamedBody {
    private final BinaryMessageEncoder encoder;
    private final byte[] prefix;
    private final InputStream rest;
    private final long maxReceivedMessageSize;
    private final AtomicBoolean taken = new AtomicBoolean();

    StreamedBinaryEnvelope(BinaryMessageEncoder encoder, byte[] prefix, InputStream rest,
            long maxReceivedMessageSize) {
        this.encoder = encoder;
        this.prefix = prefix;
        this.rest = rest;
        this.maxReceivedMessageSize = maxReceivedMessageSize;
    }

    @Override
    public XMLStreamReader readerAtBodyContents() {
        take();
        String ens = encoder.messageVersion().envelope().namespace();
        NbfxStreamReader r = encoder.streamedRecords(envelope(), maxReceivedMessageSize);
        try {
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && EnvelopeNames.BODY.equals(r.getLocalName())
                        && ens.equals(r.getNamespaceURI())) {
                    int e;
                    do {
                        e = r.next();
                    } while (e != XMLStreamConstants.START_ELEMENT && e != XMLStreamConstants.END_ELEMENT);
                    return Stax2ReaderAdapter.wrapIfNecessary(r);
                }
            }
            throw new ProtocolException("The SOAP envelope has no " + EnvelopeNames.BODY + " element.");
        } catch (XMLStreamException e) {
            throw new ProtocolException("The message is not well-formed XML: " + e.getMessage(), e);
        }
    }

    @Override
    public Message buffer() {
        take();
        try (InputStream all = envelope()) {
            ByteArrayOutputStream whole = new ByteArrayOutputStream(prefix.length * 2);
            all.transferTo(whole);
            return encoder.read(whole.toByteArray(), 0, whole.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            rest.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private InputStream envelope() {
        return new SequenceInputStream(new ByteArrayInputStream(prefix), rest);
    }

    private void take() {
        if (!taken.compareAndSet(false, true)) {
            throw new IllegalStateException("the body of this streamed message has been read already");
        }
    }
}
