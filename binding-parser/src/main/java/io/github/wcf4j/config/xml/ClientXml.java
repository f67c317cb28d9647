package io.github.wcf4j.config.xml;

import io.github.wcf4j.config.read.LocatedXml;

/** {@code <client>}: {@code <endpoint>} items with clear/remove, and {@code <metadata>} (not read). */
public class ClientXml extends SectionXml {
    @Override
    protected Class<? extends LocatedXml> childType(String name) {
        switch (name) {
            case ConfigStrings.ENDPOINT: return ClientEndpointXml.class;
            case ConfigStrings.CLEAR: return CollectionItemXml.Clear.class;
            case ConfigStrings.REMOVE: return CollectionItemXml.Remove.class;
            default: return null;
        }
    }

    @Override
    protected boolean isKnownUnsupported(String name) {
        return ConfigStrings.METADATA.equals(name);
    }
}
