package io.github.wcf4j.config.xml;

import io.github.wcf4j.config.read.LocatedXml;
import io.github.wcf4j.config.read.OrderedElementXml;
import java.util.Set;

/** {@code <client>}: {@code <endpoint>} items with clear/remove, and {@code <metadata>} (not read). */
public class ClientXml extends OrderedElementXml {
    @Override
    protected Set<String> attributeNames() {
        return Set.of();
    }

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
