package io.github.wcf4j.config.xml;

import io.github.wcf4j.config.read.LocatedXml;
import io.github.wcf4j.config.read.OrderedElementXml;
import java.util.Set;

/** {@code <service name behaviorConfiguration>}: endpoints (with clear/remove) and {@code <host>}. */
public class ServiceXml extends OrderedElementXml {
    private static final Set<String> ATTRIBUTES = Set.of(ConfigStrings.NAME, ConfigStrings.BEHAVIOR_CONFIGURATION);

    @Override
    protected Set<String> attributeNames() {
        return ATTRIBUTES;
    }

    @Override
    protected Class<? extends LocatedXml> childType(String name) {
        switch (name) {
            case ConfigStrings.ENDPOINT: return ServiceEndpointXml.class;
            case ConfigStrings.HOST: return HostXml.class;
            case ConfigStrings.CLEAR: return CollectionItemXml.Clear.class;
            case ConfigStrings.REMOVE: return CollectionItemXml.Remove.class;
            default: return null;
        }
    }
}
