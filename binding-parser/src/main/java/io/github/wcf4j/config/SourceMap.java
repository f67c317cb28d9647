package io.github.wcf4j.config;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each model object a configuration produced came from, so that problems found later (channel-shape
 * negotiation, hosting) are reported at the right line. Keyed by identity: the reader creates one model object per
 * configuration element.
 */
public final class SourceMap {
    private final Map<Object, SourceLocation> locations = new IdentityHashMap<>();

    /** Records that {@code modelObject} was read at {@code at}. */
    public void put(Object modelObject, SourceLocation at) {
        locations.put(modelObject, at);
    }

    /** Where {@code modelObject} was read, if it came from this configuration. */
    public Optional<SourceLocation> locate(Object modelObject) {
        return Optional.ofNullable(locations.get(modelObject));
    }
}
