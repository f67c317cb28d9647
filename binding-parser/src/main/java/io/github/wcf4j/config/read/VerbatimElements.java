package io.github.wcf4j.config.read;

import java.util.Set;

/**
 * Which elements a read keeps verbatim ({@link RawXmlElement}), and from which depth namespace declarations are in
 * scope for them. System.Configuration hands each section to its reader as the section's own XML, so declarations on
 * {@code <configuration>} and {@code <system.serviceModel>} do not reach the section's content: sections start at depth
 * 3 in a configuration file and at depth 1 in a {@code configSource} file.
 *
 * @param names        the element names, e.g. {@code headers}
 * @param sectionDepth the depth of the section elements (the root is 1)
 */
public record VerbatimElements(Set<String> names, int sectionDepth) {
    public VerbatimElements {
        names = Set.copyOf(names);
        if (sectionDepth < 1) {
            throw new IllegalArgumentException("sectionDepth must be at least 1");
        }
    }

    /** Nothing kept verbatim. */
    public static VerbatimElements none() {
        return new VerbatimElements(Set.of(), 1);
    }
}
