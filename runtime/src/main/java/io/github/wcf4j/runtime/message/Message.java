package io.github.wcf4j.runtime.message;

import io.github.wcf4j.binding.encoding.MessageVersion;
import java.util.Objects;
import java.util.Optional;

/**
 * A SOAP message (WCF {@code Message}): version, headers, local properties, and a body that is either an XML
 * {@linkplain XmlFragment fragment} or a {@linkplain MessageFault fault}; in streamed transfer also a body written as
 * it is sent ({@link BodyWriter}) or read as it arrives ({@link StreamedBody}).
 *
 * <p>The body is immutable; headers and properties belong to whichever layer holds the message. {@link #copy()} gives a
 * message with its own headers and properties and the same body, which is how a reliable session keeps a message for
 * retransmission while the layers below add their own headers to each send.
 *
 * <pre>{@code
 * Message m = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10,
 *     "http://Microsoft.ServiceModel.Samples/ICalculator/Add",
 *     new XmlFragment("<Add xmlns=\"http://Microsoft.ServiceModel.Samples\"><n1>2</n1><n2>3</n2></Add>"));
 * }</pre>
 */
public final class Message {
    private final MessageVersion version;
    private final MessageHeaders headers;
    private final MessageProperties properties;
    private final XmlFragment body;
    private final XmlElement bodyElement;
    private final MessageFault fault;
    private final BodyWriter bodyWriter;
    private final StreamedBody streamedBody;
    private XmlFragment renderedBody;
    private Message buffered;

    private Message(MessageVersion version, MessageHeaders headers, MessageProperties properties, XmlFragment body,
            XmlElement bodyElement, MessageFault fault) {
        this(version, headers, properties, body, bodyElement, fault, null, null);
    }

    private Message(MessageVersion version, MessageHeaders headers, MessageProperties properties, XmlFragment body,
            XmlElement bodyElement, MessageFault fault, BodyWriter bodyWriter, StreamedBody streamedBody) {
        this.version = Objects.requireNonNull(version, "version");
        this.headers = headers;
        this.properties = properties;
        this.body = body;
        this.bodyElement = bodyElement;
        this.fault = fault;
        this.bodyWriter = bodyWriter;
        this.streamedBody = streamedBody;
    }

    /** A message with {@code action} and {@code body}. */
    public static Message create(MessageVersion version, String action, XmlFragment body) {
        Message m = new Message(version, new MessageHeaders(), new MessageProperties(),
                Objects.requireNonNull(body, "body"), null, null);
        m.headers.action(action);
        return m;
    }

    /**
     * A message whose body element is written with the envelope's prefixes in scope, as WCF writes protocol bodies
     * ({@code <r:CloseSequenceResponse>} when the envelope declares {@code r}, else a default namespace).
     */
    public static Message create(MessageVersion version, String action, XmlElement body) {
        Message m = new Message(version, new MessageHeaders(), new MessageProperties(), null,
                Objects.requireNonNull(body, "body"), null);
        m.headers.action(action);
        return m;
    }

    /** A message whose body {@code writer} writes as the message is sent (streamed transfer). */
    public static Message create(MessageVersion version, String action, BodyWriter writer) {
        Message m = new Message(version, new MessageHeaders(), new MessageProperties(), null, null, null,
                Objects.requireNonNull(writer, "writer"), null);
        m.headers.action(action);
        return m;
    }

    /**
     * A received message whose headers were read and whose body is still arriving (an encoder's streamed read); the
     * caller fills in the headers.
     */
    public static Message createStreamed(MessageVersion version, StreamedBody body) {
        return new Message(version, new MessageHeaders(), new MessageProperties(), null, null, null, null,
                Objects.requireNonNull(body, "body"));
    }

    /** A fault message with the addressing version's default fault action (or {@code action} when given). */
    public static Message createFault(MessageVersion version, MessageFault fault, String action) {
        Message m = new Message(version, new MessageHeaders(), new MessageProperties(), XmlFragment.EMPTY, null,
                Objects.requireNonNull(fault, "fault"));
        m.headers.action(action != null ? action : version.addressing().defaultFaultAction());
        return m;
    }

    public MessageVersion version() {
        return version;
    }

    public MessageHeaders headers() {
        return headers;
    }

    public MessageProperties properties() {
        return properties;
    }

    /**
     * The body content (empty for a fault or an empty-bodied message). A streamed body is read whole first
     * ({@link #buffered()}): that blocks until it has arrived; a body writer's content is not available.
     */
    public XmlFragment body() {
        if (body != null) {
            return body;
        }
        if (streamedBody != null) {
            return buffered().body();
        }
        if (bodyWriter != null) {
            throw new IllegalStateException("the body of " + this + " is written as it is sent");
        }
        XmlFragment r = renderedBody;
        if (r == null) {
            r = new XmlFragment(bodyElement.toXml());
            renderedBody = r;
        }
        return r;
    }

    /** The body as an element tree, when the message was made from one. */
    public Optional<XmlElement> bodyElement() {
        return Optional.ofNullable(bodyElement);
    }

    /** The body writer of a message sent in streamed mode. */
    public Optional<BodyWriter> bodyWriter() {
        return Optional.ofNullable(bodyWriter);
    }

    /** The body of a message received in streamed mode, not read yet. */
    public Optional<StreamedBody> streamedBody() {
        return Optional.ofNullable(streamedBody);
    }

    /**
     * This message with its body in memory: itself unless its body is streamed; else (once, then the same) a message
     * with these headers and properties and the body read whole, blocking until it has arrived.
     */
    public synchronized Message buffered() {
        if (streamedBody == null) {
            return this;
        }
        if (buffered == null) {
            Message whole = streamedBody.buffer();
            whole.properties().get(UnreadableBody.class).ifPresent(u -> properties.put(UnreadableBody.class, u));
            buffered = new Message(version, headers, properties, whole.body, whole.bodyElement, whole.fault);
        }
        return buffered;
    }

    public boolean isFault() {
        return fault != null;
    }

    public Optional<MessageFault> fault() {
        return Optional.ofNullable(fault);
    }

    /** A message with the same body and its own copies of headers and properties. */
    public Message copy() {
        return new Message(version, headers.copy(), properties.copy(), body, bodyElement, fault, bodyWriter,
                streamedBody);
    }

    @Override
    public String toString() {
        return "Message[" + headers.action() + (fault != null ? ", fault " + fault : "") + "]";
    }
}
