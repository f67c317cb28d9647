package io.github.wcf4j.runtime.encoding;

import com.ctc.wstx.stax.WstxInputFactory;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.ReaderQuotas;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.StreamedBody;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The body of a text-encoded envelope received in streamed mode: the bytes that had arrived when its headers were read,
 * then the rest as the transport delivers it. Read incrementally, the envelope is parsed again from its start with a
 * reader that does not coalesce text (a stream operation's base64 part is never held whole); read whole, it is the
 * buffered encoder's read of all its bytes. Either way once.
 */
final class StreamedEnvelope implements StreamedBody {
    private final byte[] prefix;
    private final InputStream rest;
    private final Charset charset;
    private final MessageVersion version;
    private final EnvelopeReader buffered;
    private final WstxInputFactory incremental;
    private final AtomicBoolean taken = new AtomicBoolean();

    StreamedEnvelope(byte[] prefix, InputStream rest, Charset charset, MessageVersion version,
            EnvelopeReader buffered, WstxInputFactory incremental) {
        this.prefix = prefix;
        this.rest = rest;
        this.charset = charset;
        this.version = version;
        this.buffered = buffered;
        this.incremental = incremental;
    }

    /** The factory of incremental body readers: the envelope reader's protections, text not coalesced. */
    static WstxInputFactory incrementalFactory(ReaderQuotas quotas) {
        WstxInputFactory f = new WstxInputFactory();
        EnvelopeReader.configure(f, quotas);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }

    @Override
    public XMLStreamReader readerAtBodyContents() {
        take();
        String ens = version.envelope().namespace();
        try {
            XMLStreamReader r = incremental.createXMLStreamReader(envelope(), charset.name());
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && EnvelopeNames.BODY.equals(r.getLocalName())
                        && ens.equals(r.getNamespaceURI())) {
                    int e;
                    do {
                        e = r.next();
                    } while (e != XMLStreamConstants.START_ELEMENT && e != XMLStreamConstants.END_ELEMENT);
                    return r;
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
            return buffered.read(new String(all.readAllBytes(), charset), version);
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
