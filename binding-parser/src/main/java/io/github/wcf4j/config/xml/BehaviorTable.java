package io.github.wcf4j.config.xml;

import io.github.wcf4j.binding.description.EndpointBehaviorElement;
import io.github.wcf4j.binding.description.ServiceBehaviorElement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Service and endpoint behaviors by name, as {@code BehaviorsSection} holds them. */
final class BehaviorTable {
    final Map<String, ServiceBehaviorElement> serviceBehaviors = new LinkedHashMap<>();
    final Map<String, EndpointBehaviorElement> endpointBehaviors = new LinkedHashMap<>();

    Optional<ServiceBehaviorElement> service(String name) {
        return Optional.ofNullable(serviceBehaviors.get(name));
    }

    Optional<EndpointBehaviorElement> endpoint(String name) {
        return Optional.ofNullable(endpointBehaviors.get(name));
    }
}
