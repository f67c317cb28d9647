package io.github.wcf4j.runtime.service;

import io.github.wcf4j.runtime.message.BodyWriter;
import io.github.wcf4j.runtime.message.MessageFault;
import io.github.wcf4j.runtime.message.XmlFragment;
import java.util.Optional;

/**
 * What an operation produced: a reply body with its action (or, for a stream result, a body written as the reply is
 * sent), a fault with its action ({@code null}: the addressing version's default fault action), or nothing (a one-way
 * operation).
 */
public record InvocationResult(Optional<XmlFragment> body, Optional<MessageFault> fault, String action,
        Optional<BodyWriter> bodyWriter) {
    private static final InvocationResult NONE = new InvocationResult(Optional.empty(), Optional.empty(), null,
            Optional.empty());

    public static InvocationResult none() {
        return NONE;
    }

    public static InvocationResult reply(XmlFragment body, String action) {
        return new InvocationResult(Optional.of(body), Optional.empty(), action, Optional.empty());
    }

    /** A reply whose body {@code writer} writes as it is sent (a stream operation's result). */
    public static InvocationResult streamedReply(BodyWriter writer, String action) {
        return new InvocationResult(Optional.empty(), Optional.empty(), action, Optional.of(writer));
    }

    public static InvocationResult fault(MessageFault fault, String action) {
        return new InvocationResult(Optional.empty(), Optional.of(fault), action, Optional.empty());
    }

    public boolean isNone() {
        return body.isEmpty() && fault.isEmpty() && bodyWriter.isEmpty();
    }
}
