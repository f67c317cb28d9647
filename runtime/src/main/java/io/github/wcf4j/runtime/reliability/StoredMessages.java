package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.github.wcf4j.runtime.message.Message;
import java.nio.charset.StandardCharsets;

/**
 * Messages as a {@link io.github.wcf4j.runtime.reliability.store.SequenceStore} keeps them: the text envelope of the
 * session's message version in UTF-8, whatever the binding's encoder (the store is above it), read back by any
 * process. What is not in the envelope (a message's properties) is not kept.
 */
final class StoredMessages {
    private final TextMessageEncoder encoder;
    private final String contentType;

    StoredMessages(MessageVersion version) {
        this.encoder = new TextMessageEncoder(TextMessageEncodingBindingElement.of(version, StandardCharsets.UTF_8));
        this.contentType = encoder.contentType();
    }

    byte[] write(Message m) {
        return encoder.write(m.buffered().copy());
    }

    Message read(byte[] stored) {
        return encoder.read(stored, 0, stored.length, contentType);
    }
}
