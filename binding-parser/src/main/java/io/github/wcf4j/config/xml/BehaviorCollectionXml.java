package io.github.wcf4j.config.xml;

import io.github.wcf4j.config.read.LocatedXml;
import io.github.wcf4j.config.read.OrderedElementXml;
import java.util.Set;

/** {@code <serviceBehaviors>} / {@code <endpointBehaviors>}: {@code <behavior>} items with clear/remove. */
public abstract class BehaviorCollectionXml extends OrderedElementXml {
    abstract Class<? extends BehaviorXml> behaviorType();

    @Override
    protected Set<String> attributeNames() {
        return Set.of();
    }

    @Override
    protected Class<? extends LocatedXml> childType(String name) {
        switch (name) {
            case ConfigStrings.BEHAVIOR: return behaviorType();
            case ConfigStrings.CLEAR: return CollectionItemXml.Clear.class;
            case ConfigStrings.REMOVE: return CollectionItemXml.Remove.class;
            default: return null;
        }
    }

    /** {@code <serviceBehaviors>}. */
    public static class Service extends BehaviorCollectionXml {
        @Override
        Class<? extends BehaviorXml> behaviorType() {
            return BehaviorXml.Service.class;
        }
    }

    /** {@code <endpointBehaviors>}. */
    public static class Endpoint extends BehaviorCollectionXml {
        @Override
        Class<? extends BehaviorXml> behaviorType() {
            return BehaviorXml.Endpoint.class;
        }
    }
}
