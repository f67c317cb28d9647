package io.github.wcf4j.runtime.encoding;

import com.ctc.wstx.stax.WstxInputFactory;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.AddressingVersion;
import io.github.wcf4j.binding.encoding.EnvelopeVersion;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextEncodings;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.channel.QuotaExceededException;
import io.github.wcf4j.runtime.message.EnvelopeProtection;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.ReceivedEnvelope;
import io.github.wcf4j.runtime.message.XmlFragment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;

/**
 * SOAP as XML text, as WCF's {@code TextMessageEncoder} writes and reads it, for one
 * {@link TextMessageEncodingBindingElement}: the message version, the write encoding, the reader quotas.
 *
 * <p>Content types are WCF's: {@code application/soap+xml; charset=utf-8} (SOAP 1.2, with the {@code action}
 * parameter on requests) and {@code text/xml; charset=utf-8} (SOAP 1.1, the action travels in {@code SOAPAction}).
 * Incoming messages in UTF-8 or UTF-16 (either byte order; BOM or {@code charset} decides) are accepted whatever the
 * write encoding. Thread-safe and shared by every channel of a stack.
 *
 * <p>{@code messageVersion="None"} writes and reads plain XML ({@link PlainXmlWriter}): {@code application/xml}, the
 * body element alone; as WCF, it also reads the media types of plain XML feeds ({@code text/xml},
 * {@code application/rss+xml}, {@code application/atom+xml}, {@code text/html}), and an empty body is an empty message.
 */
public final class TextMessageEncoder {
    private static final QName WS_SECURITY = new QName(ReceivedEnvelope.WS_SECURITY_NAMESPACE, "Security");
    /** What WCF's text encoder also reads for {@code MessageVersion.None} besides {@code application/xml}. */
    private static final Set<String> PLAIN_XML_ALSO = Set.of("text/xml", "application/rss+xml",
            "application/atom+xml", "text/html");
    private final TextMessageEncodingBindingElement element;
    private final EnvelopeWriter writer = new EnvelopeWriter();
    private final EnvelopeReader reader;
    /** Readers of streamed bodies: text is not coalesced, so a base64 part is read piece by piece. */
    private final WstxInputFactory incremental;
    private final String contentType;

    public TextMessageEncoder(TextMessageEncodingBindingElement element) {
        this.element = element;
        this.reader = new EnvelopeReader(element.readerQuotas());
        this.incremental = StreamedEnvelope.incrementalFactory(element.readerQuotas());
        this.contentType = element.messageVersion().envelope().mediaType() + "; charset="
                + TextEncodings.webName(element.writeEncoding());
    }

    /** The encoder WCF's transports use when a binding names none: text, SOAP 1.2 + WS-Addressing 1.0, UTF-8. */
    public static TextMessageEncoder defaultEncoder() {
        return new TextMessageEncoder(TextMessageEncodingBindingElement.defaults());
    }

    public MessageVersion messageVersion() {
        return element.messageVersion();
    }

    public TextMessageEncodingBindingElement bindingElement() {
        return element;
    }

    /** The content type of messages this encoder writes, without an action. */
    public String contentType() {
        return contentType;
    }

    /**
     * The content type of a request as WCF's HTTP channel sends it: the encoder's, plus {@code ; action="..."} only for
     * SOAP 1.2 without WS-Addressing (with addressing the action is in the envelope; replies never carry it).
     */
    public String requestContentType(Message m) {
        String action = m.headers().action();
        if (element.messageVersion().envelope() == EnvelopeVersion.SOAP12
                && element.messageVersion().addressing() == AddressingVersion.NONE && action != null) {
            return contentType + "; action=" + quotedAction(action);
        }
        return contentType;
    }

    /** The {@code SOAPAction} header value WCF sends for SOAP 1.1: the action quoted, URL-path-encoded. */
    public static String quotedAction(String action) {
        StringBuilder b = new StringBuilder(action.length() + 2).append('"');
        for (byte x : action.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xFF;
            if (c <= 0x20 || c >= 0x7F) {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            } else {
                b.append((char) c);
            }
        }
        return b.append('"').toString();
    }

    /** Whether a received {@code Content-Type} is one this encoder reads (media type must match). */
    public boolean accepts(String contentTypeHeader) {
        String media = ContentType.parse(contentTypeHeader).mediaType();
        EnvelopeVersion envelope = element.messageVersion().envelope();
        return media.equals(envelope.mediaType()) || envelope == EnvelopeVersion.NONE && PLAIN_XML_ALSO.contains(media);
    }

    /** WCF's text for a content type this encoder does not read (HTTP 415). */
    public String unexpectedContentType(String received) {
        return WcfText.ContentTypeNotExpected.format(received, contentType);
    }

    /** The message as bytes in the write encoding. */
    public byte[] write(Message m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        write(m, out);
        return out.toByteArray();
    }

    /**
     * Writes {@code m}; a message with an {@link EnvelopeProtection} is written whole, protected, then sent in the
     * write encoding.
     */
    public void write(Message m, OutputStream out) {
        try {
            Optional<EnvelopeProtection> protection = m.properties().get(EnvelopeProtection.class);
            if (protection.isPresent()) {
                ByteArrayOutputStream plain = new ByteArrayOutputStream(2048);
                writer.write(m, plain, StandardCharsets.UTF_8);
                String secured = protection.get().protect(plain.toString(StandardCharsets.UTF_8));
                out.write(secured.getBytes(element.writeEncoding()));
                return;
            }
            writer.write(m, out, element.writeEncoding());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the message: " + e.getMessage(), e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the message: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a message from {@code length} bytes; the charset comes from the BOM, else the content type, else UTF-8.
     *
     * @throws ProtocolException for malformed or wrong-version envelopes
     * @throws QuotaExceededException when a reader quota is exceeded
     */
    public Message read(byte[] data, int offset, int length, String contentTypeHeader) {
        Charset charset = charset(data, offset, length, contentTypeHeader);
        int skip = bomLength(data, offset, length);
        if (length == skip && element.messageVersion() == MessageVersion.NONE) {
            return Message.create(MessageVersion.NONE, null, XmlFragment.EMPTY); // WCF's NullMessage
        }
        String text = new String(data, offset + skip, length - skip, charset);
        Message m = reader.read(text, element.messageVersion());
        if (m.headers().find(WS_SECURITY).isPresent()) {
            m.properties().put(ReceivedEnvelope.class, new ReceivedEnvelope(text));
        }
        return m;
    }

    /**
     * Reads the headers of a message received in streamed mode from the bytes that have arrived ({@code prefix}, not
     * copied: the caller gives it up), its body to be read from them and then from {@code rest} (WCF's
     * {@code TextMessageEncoder.ReadMessage(Stream, int, string)}). Empty while {@code prefix} ends before the body's
     * first child; a transport bounds how long it waits by its {@code maxBufferSize}.
     *
     * @throws ProtocolException for malformed or wrong-version envelopes
     * @throws QuotaExceededException when a reader quota is exceeded in the headers
     */
    public Optional<StreamedHead> readHead(byte[] prefix, String contentTypeHeader, InputStream rest) {
        Charset charset = charset(prefix, 0, prefix.length, contentTypeHeader);
        int skip = bomLength(prefix, 0, prefix.length);
        byte[] envelope = skip == 0 ? prefix : Arrays.copyOfRange(prefix, skip, prefix.length);
        CharBuffer text = CharBuffer.allocate(envelope.length);
        // a character cut by the end of what arrived stays undecoded until the next attempt
        charset.newDecoder().decode(ByteBuffer.wrap(envelope), text, false);
        text.flip();
        return reader.readHead(text.toString(), element.messageVersion(), new StreamedEnvelope(envelope, rest, charset,
                element.messageVersion(), reader, incremental));
    }

    /** The charset of a message: the BOM's, else the content type's, else UTF-8. */
    private static Charset charset(byte[] data, int offset, int length, String contentTypeHeader) {
        if (length >= 2 && (data[offset] & 0xFF) == 0xFF && (data[offset + 1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (length >= 2 && (data[offset] & 0xFF) == 0xFE && (data[offset + 1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (bomLength(data, offset, length) == 3) {
            return StandardCharsets.UTF_8;
        }
        return ContentType.parse(contentTypeHeader).charset().orElse(StandardCharsets.UTF_8);
    }

    private static int bomLength(byte[] data, int offset, int length) {
        if (length >= 3 && (data[offset] & 0xFF) == 0xEF && (data[offset + 1] & 0xFF) == 0xBB
                && (data[offset + 2] & 0xFF) == 0xBF) {
            return 3;
        }
        if (length >= 2 && ((data[offset] & 0xFF) == 0xFF && (data[offset + 1] & 0xFF) == 0xFE
                || (data[offset] & 0xFF) == 0xFE && (data[offset + 1] & 0xFF) == 0xFF)) {
            return 2;
        }
        return 0;
    }

    public Message read(byte[] data, String contentTypeHeader) {
        return read(data, 0, data.length, contentTypeHeader);
    }
}
