package io.github.wcf4j.runtime.service;

import io.github.wcf4j.runtime.message.MessageFault;
import io.github.wcf4j.runtime.message.XmlFragment;
import java.util.Optional;

/**
 * What an operation produced: a reply body with its action, a fault with its action ({@code null}: the addressing
 * version's default fault action), or nothing (a one-way operation).
 */
public record InvocationResult(Optional<XmlFragment> body, Optional<MessageFault> fault, String action) {
    private static final InvocationResult NONE = new InvocationResult(Optional.empty(), Optional.empty(), null);

    public static InvocationResult none() {
        return NONE;
    }

    public static InvocationResult reply(XmlFragment body, String action) {
        return new InvocationResult(Optional.of(body), Optional.empty(), action);
    }

    public static InvocationResult fault(MessageFault fault, String action) {
        return new InvocationResult(Optional.empty(), Optional.of(fault), action);
    }

    public boolean isNone() {
        return body.isEmpty() && fault.isEmpty();
    }
}
