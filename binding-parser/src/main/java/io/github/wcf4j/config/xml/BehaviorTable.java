package io.github.wcf4j.config.xml;

import io.github.wcf4j.binding.description.EndpointBehavior;
import io.github.wcf4j.binding.description.ServiceBehavior;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Service and endpoint behaviors by name, as {@code BehaviorsSection} holds them. */
final class BehaviorTable {
    final Map<String, ServiceBehavior> serviceBehaviors = new LinkedHashMap<>();
    final Map<String, EndpointBehavior> endpointBehaviors = new LinkedHashMap<>();

    Optional<ServiceBehavior> service(String name) {
        return Optional.ofNullable(serviceBehaviors.get(name));
    }

    Optional<EndpointBehavior> endpoint(String name) {
        return Optional.ofNullable(endpointBehaviors.get(name));
    }
}
