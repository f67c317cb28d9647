package io.github.wcf4j.config.xml;

import io.github.wcf4j.config.read.LocatedXml;

/** {@code <services>}: {@code <service>} items with clear/remove. */
public class ServicesXml extends SectionXml {
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
