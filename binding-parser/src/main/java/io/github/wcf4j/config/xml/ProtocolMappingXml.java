package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.config.read.LocatedXml;

/**
 * {@code <protocolMapping>} ({@code ProtocolMappingSection}): {@code <add scheme binding bindingConfiguration>} items
 * keyed by scheme, with {@code <remove scheme>} and {@code <clear/>}.
 */
public class ProtocolMappingXml extends SectionXml {
    @Override
    protected Class<? extends LocatedXml> childType(String name) {
        switch (name) {
            case ConfigStrings.ADD: return AddXml.class;
            case ConfigStrings.REMOVE: return RemoveXml.class;
            case ConfigStrings.CLEAR: return CollectionItemXml.Clear.class;
            default: return null;
        }
    }

    /** {@code <add scheme binding bindingConfiguration/>}. */
    public static class AddXml extends LocatedXml {
        @JacksonXmlProperty(isAttribute = true) public String scheme;
        @JacksonXmlProperty(isAttribute = true) public String binding;
        @JacksonXmlProperty(isAttribute = true) public String bindingConfiguration;
    }

    /** {@code <remove scheme/>}. */
    public static class RemoveXml extends LocatedXml {
        @JacksonXmlProperty(isAttribute = true) public String scheme;
    }
}
