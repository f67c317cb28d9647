package io.github.wcf4j.config.read;

import io.github.wcf4j.config.SourceLocation;
import java.util.Optional;

/**
 * One child of an {@link OrderedElementXml}, in document order.
 *
 * @param name     the element name
 * @param location its start tag
 * @param value    the DTO, for a child wcf4j models; empty for one it does not (see {@code kind})
 * @param kind     how the parent's registry classified the name
 */
public record ChildXml(String name, SourceLocation location, Optional<LocatedXml> value, ChildKind kind) {

    /** How a container classifies a child element name. */
    public enum ChildKind {
        /** Modelled: read into a DTO. */
        MODELLED,
        /** Known to WCF but not modelled by wcf4j: skipped unread, reported as unsupported where it matters. */
        KNOWN_UNSUPPORTED,
        /** Not known to WCF's built-in registry: an error unless registered as an extension. */
        UNKNOWN
    }

    /** The DTO, cast. */
    public <T extends LocatedXml> T as(Class<T> type) {
        return type.cast(value.orElseThrow());
    }
}
