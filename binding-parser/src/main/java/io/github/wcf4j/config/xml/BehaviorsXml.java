package io.github.wcf4j.config.xml;

import io.github.wcf4j.config.read.LocatedXml;

/** {@code <behaviors>}: {@code <serviceBehaviors>} and {@code <endpointBehaviors>}. */
public class BehaviorsXml extends SectionXml {
    @Override
    protected Class<? extends LocatedXml> childType(String name) {
        switch (name) {
            case ConfigStrings.SERVICE_BEHAVIORS: return BehaviorCollectionXml.Service.class;
            case ConfigStrings.ENDPOINT_BEHAVIORS: return BehaviorCollectionXml.Endpoint.class;
            default: return null;
        }
    }
}
