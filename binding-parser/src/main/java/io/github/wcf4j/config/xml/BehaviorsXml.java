package io.github.wcf4j.config.xml;

import io.github.wcf4j.config.read.LocatedXml;
import io.github.wcf4j.config.read.OrderedElementXml;
import java.util.Set;

/** {@code <behaviors>}: {@code <serviceBehaviors>} and {@code <endpointBehaviors>}. */
public class BehaviorsXml extends OrderedElementXml {
    @Override
    protected Set<String> attributeNames() {
        return Set.of();
    }

    @Override
    protected Class<? extends LocatedXml> childType(String name) {
        switch (name) {
            case ConfigStrings.SERVICE_BEHAVIORS: return BehaviorCollectionXml.Service.class;
            case ConfigStrings.ENDPOINT_BEHAVIORS: return BehaviorCollectionXml.Endpoint.class;
            default: return null;
        }
    }
}
