package io.github.wcf4j.runtime.encoding;

import io.github.wcf4j.runtime.message.Message;

/**
 * What a streamed read found before the body: the message, its headers read and its body still arriving, and whether
 * the body is a fault (a transport reads a fault whole, as WCF reads faults buffered).
 *
 * @param message   the message, its body a {@link io.github.wcf4j.runtime.message.StreamedBody}
 * @param faultBody whether the body's first child is the envelope version's {@code Fault}
 */
public record StreamedHead(Message message, boolean faultBody) {
}
