package io.github.wcf4j.runtime.encoding;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.BinaryMessageEncodingBindingElement;
import io.github.wcf4j.binding.encoding.EnvelopeVersion;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.ReaderQuotas;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.encoding.binary.BinaryInput;
import io.github.wcf4j.runtime.encoding.binary.DictionaryLookup;
import io.github.wcf4j.runtime.encoding.binary.MalformedBinaryException;
import io.github.wcf4j.runtime.encoding.binary.NbfxOutput;
import io.github.wcf4j.runtime.encoding.binary.NbfxReader;
import io.github.wcf4j.runtime.encoding.binary.NbfxStreamReader;
import io.github.wcf4j.runtime.encoding.binary.SessionReaderStrings;
import io.github.wcf4j.runtime.encoding.binary.SessionWriterStrings;
import io.github.wcf4j.runtime.encoding.binary.NbfxStreamWriter;
import io.github.wcf4j.runtime.encoding.binary.XmlToNbfx;
import io.github.wcf4j.runtime.message.EnvelopeProtection;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.ReceivedEnvelope;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;

/**
 * SOAP in WCF's binary XML, as WCF's {@code BinaryMessageEncoder} writes and reads it for one
 * {@link BinaryMessageEncodingBindingElement}: {@code application/soap+msbin1} without a session, and
 * {@code application/soap+msbinsession1} on a framing session, where every message carries the session strings it
 * introduces in front of it ([MC-NBFSE]; {@link Session}). SOAP 1.2 with WS-Addressing 1.0 only.
 *
 * <p>The envelope is written by the text encoder's {@link EnvelopeWriter} into records directly
 * ({@link NbfxStreamWriter}) and read by the text encoder's {@link EnvelopeReader} from records directly
 * ({@link NbfxStreamReader}), so both encoders share one envelope model, one set of quotas and one reading of headers;
 * a message that message security protects (written) or verifies (read) goes through its text
 * ({@link XmlToNbfx}, {@link NbfxReader}). Thread-safe; a {@link Session} is
 * per channel.
 *
 * <pre>{@code
 * BinaryMessageEncoder encoder = new BinaryMessageEncoder(BinaryMessageEncodingBindingElement.defaults());
 * BinaryMessageEncoder.Session s = encoder.newSession();
 * byte[] payload = encoder.write(message, s);          // a SizedEnvelope's payload
 * Message back = peerEncoder.read(payload, 0, payload.length, peerSession);
 * }</pre>
 */
public final class BinaryMessageEncoder {
    /** Sessionless binary SOAP ([MC-NMF] known encoding {@code 07}). */
    public static final String CONTENT_TYPE = "application/soap+msbin1";
    /** Binary SOAP with in-band dictionary ([MC-NMF] known encoding {@code 08}). */
    public static final String SESSION_CONTENT_TYPE = "application/soap+msbinsession1";
    private static final QName WS_SECURITY = new QName(ReceivedEnvelope.WS_SECURITY_NAMESPACE, "Security");
    private final BinaryMessageEncodingBindingElement element;
    private final EnvelopeWriter writer = new EnvelopeWriter();
    private final EnvelopeReader reader;
    private final XmlToNbfx transcoder = new XmlToNbfx();

    public BinaryMessageEncoder(BinaryMessageEncodingBindingElement element) {
        this.element = element;
        this.reader = new EnvelopeReader(element.readerQuotas());
    }

    public BinaryMessageEncodingBindingElement bindingElement() {
        return element;
    }

    public MessageVersion messageVersion() {
        return MessageVersion.SOAP12_WS_ADDRESSING10;
    }

    /** The string tables of one framing session, one per direction; a channel's own, used one message at a time. */
    public Session newSession() {
        return newSession(sessionContentType(), Long.MAX_VALUE);
    }

    /**
     * A session whose messages travel as {@code contentType} (this encoder's {@link #sessionContentType()}, or, at a
     * service, the plain type a client without compression announced: WCF's compressing service answers it plainly),
     * decompressed to at most {@code maxReceivedMessageSize} bytes.
     */
    public Session newSession(String contentType, long maxReceivedMessageSize) {
        return new Session(new SessionWriterStrings(element.maxSessionSize()),
                new SessionReaderStrings(element.maxSessionSize()), SessionCompression.announcedBy(contentType),
                maxReceivedMessageSize);
    }

    /** What a client announces: {@link #SESSION_CONTENT_TYPE}, with {@code +gzip}/{@code +deflate} when compressing. */
    public String sessionContentType() {
        return SessionCompression.of(element.compressionFormat()).contentType(SESSION_CONTENT_TYPE);
    }

    /** Whether a session announced as {@code contentType} is read by this encoder (WCF's IsContentTypeSupported). */
    public boolean acceptsSession(String contentType) {
        return SESSION_CONTENT_TYPE.equals(contentType) || sessionContentType().equals(contentType);
    }

    /**
     * What a sessionless message (streamed net.tcp, WCF's {@code CreateMessageEncoder()}) travels as:
     * {@link #CONTENT_TYPE}, with {@code +gzip}/{@code +deflate} when compressing.
     */
    public String sessionlessContentType() {
        return SessionCompression.of(element.compressionFormat()).contentType(CONTENT_TYPE);
    }

    /** Whether a sessionless message announced as {@code contentType} is read by this encoder. */
    public boolean acceptsSessionless(String contentType) {
        return CONTENT_TYPE.equals(contentType) || sessionlessContentType().equals(contentType);
    }

    /** {@code m} as a sessionless message of {@code contentType} (compressed if it says so). */
    public byte[] write(Message m, String contentType) {
        return SessionCompression.announcedBy(contentType).compress(write(m));
    }

    /** Reads a sessionless message of {@code contentType}, decompressed to at most {@code maxReceivedMessageSize}. */
    public Message read(byte[] data, String contentType, long maxReceivedMessageSize) {
        SessionCompression c = SessionCompression.announcedBy(contentType);
        if (c == SessionCompression.None) {
            return read(data, 0, data.length);
        }
        byte[] plain = c.decompress(data, 0, data.length, maxReceivedMessageSize);
        return read(plain, 0, plain.length);
    }

    /**
     * Writes {@code m} as a sessionless message of {@code contentType} to {@code out} as it is written (in pieces of
     * {@code piece} bytes; a body written by a {@link io.github.wcf4j.runtime.message.BodyWriter} is never held
     * whole), compressed as it goes when the content type says {@code +gzip}/{@code +deflate} (WCF's
     * {@code BinaryMessageEncoder.WriteMessage(Message, Stream)} through {@code MessageEncoderCompressionHandler
     * .GetCompressStream}).
     */
    public void write(Message m, String contentType, OutputStream out, int piece) {
        SessionCompression c = SessionCompression.announcedBy(contentType);
        if (c == SessionCompression.None) {
            NbfxOutput document = NbfxOutput.flushingTo(out, piece);
            writeDocument(m, document, null);
            document.finish();
            return;
        }
        OutputStream z = c.compressing(out);
        try (z) {
            NbfxOutput document = NbfxOutput.flushingTo(z, piece);
            writeDocument(m, document, null);
            document.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the headers of a sessionless message of {@code contentType} received in streamed mode from the bytes that
     * have arrived ({@code prefix}, not copied), its body to be read from them and then from {@code rest} (WCF's
     * {@code BinaryMessageEncoder.ReadMessage(Stream, int, string)}). A compressed one is decompressed as it is read,
     * its headers from at most {@code prefix.length} decompressed bytes of the prefix, the whole to at most
     * {@code maxReceivedMessageSize} decompressed bytes (WCF's {@code MaxMessageSizeStream} around the decompressing
     * stream). Empty while the (decompressed) prefix ends before the body's first child. A message with a WS-Security
     * header is reported as one to read whole ({@link StreamedHead#faultBody()}), as its text is verified as received.
     *
     * @throws ProtocolException for malformed binary XML, envelopes or compressed data
     */
    public Optional<StreamedHead> readHead(byte[] prefix, String contentType, InputStream rest,
            long maxReceivedMessageSize) {
        SessionCompression c = SessionCompression.announcedBy(contentType);
        if (c == SessionCompression.None) {
            return readHead(prefix, rest, maxReceivedMessageSize);
        }
        InflatingInput plain = c.inflating(prefix, rest, maxReceivedMessageSize);
        return readHead(plain.inflateArrived(prefix.length), plain, maxReceivedMessageSize);
    }

    /** {@link #readHead(byte[], String, InputStream, long)} of a plain {@code application/soap+msbin1} message. */
    public Optional<StreamedHead> readHead(byte[] prefix, InputStream rest, long maxReceivedMessageSize) {
        ReaderQuotas q = element.readerQuotas();
        NbfxStreamReader records = new NbfxStreamReader(new BinaryInput(prefix, 0, prefix.length),
                DictionaryLookup.STATIC_ONLY, q.maxDepth(), q.maxArrayLength(),
                Math.max(65_536, q.maxStringContentLength()));
        StreamedHead head;
        try {
            head = reader.readHead(records, messageVersion(), new StreamedBinaryEnvelope(this, prefix, rest,
                    maxReceivedMessageSize));
        } catch (MalformedBinaryException e) {
            if (e.truncated()) {
                return Optional.empty();
            }
            throw e;
        }
        if (head.message().headers().find(WS_SECURITY).isPresent()) {
            return Optional.of(new StreamedHead(head.message(), true));
        }
        return Optional.of(head);
    }

    /** A streamed body's records from its start, Bytes records in pieces (for {@link StreamedBinaryEnvelope}). */
    NbfxStreamReader streamedRecords(InputStream envelope, long maxReceivedMessageSize) {
        ReaderQuotas q = element.readerQuotas();
        return new NbfxStreamReader(BinaryInput.streamed(envelope, maxReceivedMessageSize),
                DictionaryLookup.STATIC_ONLY, q.maxDepth(), q.maxArrayLength(),
                Math.max(65_536, q.maxStringContentLength())).bytesInPieces();
    }

    /** One channel's binary session: the strings it has sent and those it has received. */
    public static final class Session {
        private final SessionWriterStrings outgoing;
        private final SessionReaderStrings incoming;
        private final SessionCompression compression;
        private final long maxReceived;

        private Session(SessionWriterStrings outgoing, SessionReaderStrings incoming, SessionCompression compression,
                long maxReceived) {
            this.outgoing = outgoing;
            this.incoming = incoming;
            this.compression = compression;
            this.maxReceived = maxReceived;
        }
    }

    /** {@code m} as {@code application/soap+msbin1}. */
    public byte[] write(Message m) {
        NbfxOutput out = new NbfxOutput(1024);
        writeDocument(m, out, null);
        return out.toByteArray();
    }

    /**
     * Writes {@code m}'s envelope as binary XML into {@code out}: directly from the envelope writer's events; through
     * its text only when an {@link EnvelopeProtection} (message security) rewrites that text.
     */
    private void writeDocument(Message m, NbfxOutput out, SessionWriterStrings session) {
        if (m.properties().get(EnvelopeProtection.class).isPresent()) {
            transcoder.write(envelopeText(m), out, session);
            return;
        }
        checkVersion(m);
        try {
            writer.write(m, new NbfxStreamWriter(out, session).asStax2());
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the message: " + e.getMessage(), e);
        }
    }

    /** {@code m} as a session message: the session block of the strings it introduces, then the document. */
    public byte[] write(Message m, Session session) {
        NbfxOutput document = new NbfxOutput(1024);
        try {
            writeDocument(m, document, session.outgoing);
        } catch (RuntimeException e) {
            session.outgoing.discardPending();
            throw e;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(document.size() + 64);
        session.outgoing.drainBlock(out);
        out.write(document.toByteArray(), 0, document.size());
        return session.compression.compress(out.toByteArray());
    }

    /**
     * Reads an {@code application/soap+msbin1} message.
     *
     * @throws ProtocolException for malformed binary XML or envelopes
     */
    public Message read(byte[] data, int offset, int length) {
        return readDocument(new BinaryInput(data, offset, length), DictionaryLookup.STATIC_ONLY);
    }

    /**
     * Reads a session message: its session block first, then the document, which may use every string the session
     * has received. A message that cannot be read leaves the session unusable, as in WCF.
     *
     * @throws io.github.wcf4j.runtime.channel.CommunicationException for a malformed, too large or invalid session
     * @throws ProtocolException for malformed binary XML or envelopes
     */
    public Message read(byte[] data, int offset, int length, Session session) {
        BinaryInput in;
        if (session.compression == SessionCompression.None) {
            in = new BinaryInput(data, offset, length);
        } else {
            byte[] plain = session.compression.decompress(data, offset, length, session.maxReceived);
            in = new BinaryInput(plain, 0, plain.length);
        }
        session.incoming.readBlock(in);
        try {
            return readDocument(in, session.incoming);
        } catch (RuntimeException e) {
            session.incoming.invalidate();
            throw e;
        }
    }

    /**
     * The envelope read from the records directly ({@link NbfxStreamReader}); a message with a WS-Security header is
     * read again through its text ({@link NbfxReader}), which message security verifies as received
     * ({@link ReceivedEnvelope}): only those messages pay for a text envelope.
     */
    private Message readDocument(BinaryInput in, DictionaryLookup lookup) {
        int start = in.position();
        ReaderQuotas q = element.readerQuotas();
        Message m = reader.read(new NbfxStreamReader(in, lookup, q.maxDepth(), q.maxArrayLength(),
                Math.max(65_536, q.maxStringContentLength())), messageVersion());
        if (m.headers().find(WS_SECURITY).isPresent()) {
            return readThroughText(in.from(start), lookup);
        }
        return m;
    }

    /** The envelope read from its text, as the text encoder reads it (kept with the message when it is secured). */
    private Message readThroughText(BinaryInput in, DictionaryLookup lookup) {
        String text = new NbfxReader(lookup, element.readerQuotas().maxDepth(),
                element.readerQuotas().maxArrayLength()).toXml(in);
        Message m = reader.read(text, messageVersion());
        if (m.headers().find(WS_SECURITY).isPresent()) {
            m.properties().put(ReceivedEnvelope.class, new ReceivedEnvelope(text));
        }
        return m;
    }

    /** A sessionless message read through its text, as every message was before the direct reader (for tests). */
    Message readThroughText(byte[] data, int offset, int length) {
        return readThroughText(new BinaryInput(data, offset, length), DictionaryLookup.STATIC_ONLY);
    }

    /**
     * A session message read through its text, as every message was before the direct reader and as a secured one
     * still is: for comparing the two paths (tests, {@code BinaryEncoderThroughput}); {@link #read(byte[], int, int,
     * Session)} is the encoder's read.
     */
    public Message readThroughText(byte[] data, int offset, int length, Session session) {
        BinaryInput in = new BinaryInput(data, offset, length);
        session.incoming.readBlock(in);
        return readThroughText(in, session.incoming);
    }

    /** The envelope as UTF-8 XML text, protected first when the message carries an {@link EnvelopeProtection}. */
    private byte[] envelopeText(Message m) {
        checkVersion(m);
        try {
            ByteArrayOutputStream plain = new ByteArrayOutputStream(2048);
            writer.write(m, plain, StandardCharsets.UTF_8);
            Optional<EnvelopeProtection> protection = m.properties().get(EnvelopeProtection.class);
            if (protection.isPresent()) {
                return protection.get().protect(plain.toString(StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8);
            }
            return plain.toByteArray();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the message: " + e.getMessage(), e);
        }
    }

    private static void checkVersion(Message m) {
        if (m.version().envelope() != EnvelopeVersion.SOAP12) {
            throw new ProtocolException(WcfText.UnsupportedEnvelopeVersion.format(
                    "BinaryMessageEncodingBindingElement", EnvelopeVersion.SOAP12.wcfName(),
                    m.version().envelope().wcfName()));
        }
    }
}
