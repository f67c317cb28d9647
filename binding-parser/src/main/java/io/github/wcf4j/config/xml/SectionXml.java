package io.github.wcf4j.config.xml;

import io.github.wcf4j.config.read.OrderedElementXml;
import java.util.HashSet;
import java.util.Set;

/**
 * A section of {@code <system.serviceModel>} ({@code <services>}, {@code <bindings>}, ...): a System.Configuration
 * {@code ConfigurationSection}, whose content may instead come from another file named by {@code configSource}.
 */
public abstract class SectionXml extends OrderedElementXml {
    /** {@code configSource}: a relative path to a file whose root element is this section. */
    public static final String CONFIG_SOURCE = "configSource";

    /** The section's own attributes; {@code configSource} is accepted on every section. */
    protected Set<String> sectionAttributes() {
        return Set.of();
    }

    @Override
    protected final Set<String> attributeNames() {
        Set<String> names = new HashSet<>(sectionAttributes());
        names.add(CONFIG_SOURCE);
        return names;
    }

    /** {@code configSource}, or {@code null} when the section is written inline. */
    public String configSource() {
        return attribute(CONFIG_SOURCE);
    }
}
