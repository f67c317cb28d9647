package io.github.wcf4j.config.read;

import java.util.List;

/**
 * The content of a {@link RawXmlElement} as written: its child elements verbatim, in document order.
 *
 * @param elements   the child elements
 * @param attributes the names of the element's own attributes (which a raw element does not interpret)
 * @param hasText    whether non-white-space text stands directly in the element, between its children
 */
public record RawContent(List<RawElement> elements, List<String> attributes, boolean hasText) {
    public RawContent {
        elements = List.copyOf(elements);
        attributes = List.copyOf(attributes);
    }

    /** No children, no attributes, no text: {@code <headers/>}. */
    public static RawContent empty() {
        return new RawContent(List.of(), List.of(), false);
    }
}
