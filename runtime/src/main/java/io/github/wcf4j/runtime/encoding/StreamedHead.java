package io.github.wcf4j.runtime.encoding;

import io.github.wcf4j.runtime.message.Message;

/**
 * What a streamed read found before the body: the message, its headers read and its body still arriving, and whether
 * the body is a fault (a transport reads a fault whole, as WCF reads faults buffered).
 *
 * @param message   the message, its body a {@link io.github.wcf4j.runtime.message.StreamedBody}
 * @param faultBody whether the message must be read whole: its body's first child is the envelope version's
 *                  {@code Fault}, or (binary) it carries a WS-Security header, verified through its text
 */
public record StreamedHead(Message message, boolean faultBody) {
}
