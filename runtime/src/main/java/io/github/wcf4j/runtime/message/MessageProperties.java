package io.github.wcf4j.runtime.message;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Local facts about a message that are not on the wire (WCF {@code MessageProperties}), keyed by type rather than by
 * string: e.g. the HTTP request a message came in on. Layers define their own property types.
 */
public final class MessageProperties {
    private final Map<Class<?>, Object> values = new HashMap<>(4);

    public <T> void put(Class<T> type, T value) {
        values.put(type, value);
    }

    public <T> Optional<T> get(Class<T> type) {
        return Optional.ofNullable(type.cast(values.get(type)));
    }

    public void remove(Class<?> type) {
        values.remove(type);
    }

    /** Puts every property of {@code other} here (a message made from another, e.g. once decrypted, keeps them). */
    public void putAll(MessageProperties other) {
        values.putAll(other.values);
    }

    MessageProperties copy() {
        MessageProperties p = new MessageProperties();
        p.values.putAll(values);
        return p;
    }
}
