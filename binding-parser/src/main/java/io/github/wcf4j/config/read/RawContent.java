package io.github.wcf4j.config.read;

import io.github.wcf4j.config.SourceLocation;
import java.util.List;

/**
 * The content of a {@link RawXmlElement} as written: its child elements verbatim, in document order.
 *
 * @param elements   the child elements
 * @param attributes the names of the element's own attributes (which a raw element does not interpret)
 * @param hasText    whether non-white-space text stands directly in the element, between its children
 * @param undeclared the prefixes used in the children without a declaration in the section, where they are used
 */
public record RawContent(List<RawElement> elements, List<String> attributes, boolean hasText,
        List<UndeclaredPrefix> undeclared) {
    public RawContent {
        elements = List.copyOf(elements);
        attributes = List.copyOf(attributes);
        undeclared = List.copyOf(undeclared);
    }

    /** No children, no attributes, no text: {@code <headers/>}. */
    public static RawContent empty() {
        return new RawContent(List.of(), List.of(), false, List.of());
    }

    /** A prefix used where no declaration in the section binds it (WCF's section reader fails there). */
    public record UndeclaredPrefix(String prefix, SourceLocation at) {
    }
}
