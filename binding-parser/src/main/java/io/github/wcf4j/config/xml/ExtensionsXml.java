package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.config.read.LocatedXml;
import io.github.wcf4j.config.read.OrderedElementXml;
import java.util.Set;

/** {@code <extensions>}: registrations of custom binding, binding-element, behavior and endpoint extensions. */
public class ExtensionsXml extends SectionXml {
    private static final Set<String> COLLECTIONS = Set.of(ConfigStrings.BEHAVIOR_EXTENSIONS,
            ConfigStrings.BINDING_ELEMENT_EXTENSIONS, ConfigStrings.BINDING_EXTENSIONS,
            ConfigStrings.ENDPOINT_EXTENSIONS);

    @Override
    protected Class<? extends LocatedXml> childType(String name) {
        return COLLECTIONS.contains(name) ? CollectionXml.class : null;
    }

    /** One extension collection: {@code <add name type>} items only. */
    public static class CollectionXml extends OrderedElementXml {
        @Override
        protected Set<String> attributeNames() {
            return Set.of();
        }

        @Override
        protected Class<? extends LocatedXml> childType(String name) {
            return ConfigStrings.ADD.equals(name) ? AddXml.class : null;
        }
    }

    /** {@code <add name="..." type="..."/>}. */
    public static class AddXml extends LocatedXml {
        @JacksonXmlProperty(isAttribute = true) public String name;
        @JacksonXmlProperty(isAttribute = true) public String type;
    }
}
