package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.binding.encoding.BinaryMessageEncodingBindingElement;
import io.github.wcf4j.runtime.encoding.BinaryMessageEncoder;
import io.github.wcf4j.runtime.encoding.ContentType;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.encoding.StreamedHead;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The message encoding a TCP stack frames: binary with an in-band dictionary ({@code application/soap+msbinsession1},
 * known encoding {@code 08}: what netTcpBinding and a TCP transport with no encoder use; with {@code compressionFormat}
 * {@code +gzip}/{@code +deflate}, an extensible encoding) or text, as in WCF a custom
 * binding may put {@code textMessageEncoding} over {@code tcpTransport}. Each channel gets its own {@link Codec}: a
 * binary session's string tables live exactly as long as the framing session. Thread-safe.
 */
final class FramingEncoding {
    /** [MC-NMF] §2.2.3.4 known encodings, by byte. */
    private static final List<String> KNOWN = List.of("text/xml; charset=utf-8", "text/xml; charset=utf-16",
            "text/xml; charset=unicodeFFFE", "application/soap+xml; charset=utf-8",
            "application/soap+xml; charset=utf-16", "application/soap+xml; charset=unicodeFFFE", "multipart/related",
            BinaryMessageEncoder.CONTENT_TYPE, BinaryMessageEncoder.SESSION_CONTENT_TYPE);
    private final BinaryMessageEncoder binary;
    private final TextMessageEncoder text;
    private final String contentType;
    /** Binary without the in-band dictionary ({@code application/soap+msbin1}, known encoding {@code 07}). */
    private final boolean sessionless;

    private FramingEncoding(BinaryMessageEncoder binary, TextMessageEncoder text) {
        this(binary, text, false);
    }

    private FramingEncoding(BinaryMessageEncoder binary, TextMessageEncoder text, boolean sessionless) {
        this.binary = binary;
        this.text = text;
        this.sessionless = sessionless;
        this.contentType = binary == null ? text.contentType() : sessionless ? binary.sessionlessContentType()
                : binary.sessionContentType();
    }

    /**
     * This encoding for the singleton mode of streamed transfer, whose envelopes share no dictionary: binary is
     * WCF's sessionless {@code CreateMessageEncoder()} ({@code 07}; with {@code compressionFormat}, the extensible
     * {@code application/soap+msbin1+gzip|+deflate}); text is unchanged.
     */
    FramingEncoding sessionless() {
        return binary == null ? this : new FramingEncoding(binary, null, true);
    }

    /** The encoder the stack above contributed; binary with WCF's defaults when there is none (WCF's TCP default). */
    static FramingEncoding from(BindingParameters p) {
        return p.find(BinaryMessageEncoder.class).map(b -> new FramingEncoding(b, null))
                .or(() -> p.find(TextMessageEncoder.class).map(t -> new FramingEncoding(null, t)))
                .orElseGet(() -> new FramingEncoding(new BinaryMessageEncoder(
                        BinaryMessageEncodingBindingElement.defaults()), null));
    }

    String contentType() {
        return contentType;
    }

    /** The KnownEncoding byte of this encoding's content type, or -1 when it travels as an ExtensibleEncoding. */
    int knownEncoding() {
        return KNOWN.indexOf(contentType);
    }

    /** The content type a client announced with a KnownEncoding byte, or {@code null} for an unknown byte. */
    static String knownContentType(int encoding) {
        return encoding >= 0 && encoding < KNOWN.size() ? KNOWN.get(encoding) : null;
    }

    /** Whether this encoding reads what a client announced (WCF's {@code IsContentTypeSupported}). */
    boolean accepts(String announced) {
        if (announced == null) {
            return false;
        }
        if (binary != null) {
            return sessionless ? binary.acceptsSessionless(announced) : binary.acceptsSession(announced);
        }
        return text.accepts(announced) && ContentType.parse(announced).mediaType()
                .equals(ContentType.parse(contentType).mediaType());
    }

    /**
     * A codec for one framing session whose preamble announced {@code announced} (a client: its own content type), its
     * messages at most {@code maxReceivedMessageSize} once decompressed.
     */
    Codec newCodec(String announced, long maxReceivedMessageSize) {
        if (binary != null && sessionless) {
            return new Codec() {
                @Override
                public byte[] write(Message m) {
                    return binary.write(m, announced); // a compressing service answers a plain client plainly
                }

                @Override
                public Message read(byte[] payload) {
                    return binary.read(payload, announced, maxReceivedMessageSize);
                }

                @Override
                public void write(Message m, OutputStream out, int piece) {
                    binary.write(m, announced, out, piece);
                }

                @Override
                public boolean streams() {
                    return true; // compressed ones too, decompressed as they are read
                }

                @Override
                public Optional<StreamedHead> readHead(byte[] prefix, InputStream rest) {
                    return binary.readHead(prefix, announced, rest, maxReceivedMessageSize);
                }
            };
        }
        if (binary != null) {
            BinaryMessageEncoder.Session session = binary.newSession(announced, maxReceivedMessageSize);
            return new Codec() {
                @Override
                public byte[] write(Message m) {
                    return binary.write(m, session);
                }

                @Override
                public Message read(byte[] payload) {
                    return binary.read(payload, 0, payload.length, session);
                }
            };
        }
        return new Codec() {
            @Override
            public byte[] write(Message m) {
                return text.write(m);
            }

            @Override
            public Message read(byte[] payload) {
                return text.read(payload, 0, payload.length, contentType);
            }

            @Override
            public void write(Message m, OutputStream out, int piece) {
                text.write(m, out);
            }

            @Override
            public boolean streams() {
                return true;
            }

            @Override
            public Optional<StreamedHead> readHead(byte[] prefix, InputStream rest) {
                return text.readHead(prefix, contentType, rest);
            }
        };
    }

    /**
     * Encodes and decodes the messages of one session. Writes must reach the wire in the order they were encoded (a
     * binary session's strings are introduced by the first message that uses them); reads happen in wire order.
     */
    interface Codec {
        byte[] write(Message m);

        Message read(byte[] payload);

        /**
         * Writes {@code m} to {@code out} as it is written (streamed transfer: a body written by a {@code BodyWriter}
         * is never held whole), in pieces of about {@code piece} bytes.
         */
        default void write(Message m, OutputStream out, int piece) {
            try {
                out.write(write(m));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Whether a received message is delivered once its headers are in ({@link #readHead}), else read whole. */
        default boolean streams() {
            return false;
        }

        /**
         * The headers of a message of which {@code prefix} has arrived, its body to be read from the prefix and then
         * {@code rest}; empty while the prefix ends before the body's first child.
         */
        default Optional<StreamedHead> readHead(byte[] prefix, InputStream rest) {
            throw new UnsupportedOperationException("a session message is read whole");
        }
    }
}
