package io.github.wcf4j.runtime.stack;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a stack is built with beyond its binding elements (WCF {@code BindingParameterCollection}), keyed by type: the
 * scheduler, the message encoder an encoding element contributes, the listen address, the in-memory network, shared
 * HTTP resources. Filled top to bottom before the layers are built bottom up.
 *
 * <p>Not thread-safe; used while a stack is built.
 */
public final class BindingParameters {
    private final Map<Class<?>, Object> values = new HashMap<>();

    public <T> BindingParameters put(Class<T> type, T value) {
        values.put(type, value);
        return this;
    }

    public <T> Optional<T> find(Class<T> type) {
        return Optional.ofNullable(type.cast(values.get(type)));
    }

    public <T> T require(Class<T> type) {
        return find(type).orElseThrow(() -> new IllegalStateException("building this stack needs a "
                + type.getSimpleName() + " binding parameter"));
    }

    /** A copy, for building a second stack (a back channel) from the same parameters. */
    public BindingParameters copy() {
        BindingParameters p = new BindingParameters();
        p.values.putAll(values);
        return p;
    }
}
