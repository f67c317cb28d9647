package io.github.wcf4j.config.xml;

import io.github.wcf4j.config.read.LocatedXml;

/** {@code <serviceBehaviors>} / {@code <endpointBehaviors>}: {@code <behavior>} items with clear/remove. */
public abstract class BehaviorCollectionXml extends ItemCollectionXml {
    abstract Class<? extends BehaviorXml> behaviorType();

    @Override
    String itemName() {
        return ConfigStrings.BEHAVIOR;
    }

    @Override
    Class<? extends LocatedXml> itemType() {
        return behaviorType();
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
