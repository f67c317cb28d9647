package io.github.wcf4j.config.xml;

import io.github.wcf4j.config.read.LocatedXml;
import io.github.wcf4j.config.read.OrderedElementXml;
import java.util.Set;

/** {@code <services>}: {@code <service>} items with clear/remove. */
public class ServicesXml extends OrderedElementXml {
    @Override
    protected Set<String> attributeNames() {
        return Set.of();
    }

    @Override
    protected Class<? extends LocatedXml> childType(String name) {
        switch (name) {
            case ConfigStrings.SERVICE: return ServiceXml.class;
            case ConfigStrings.CLEAR: return CollectionItemXml.Clear.class;
            case ConfigStrings.REMOVE: return CollectionItemXml.Remove.class;
            default: return null;
        }
    }
}
