package io.github.wcf4j.binding.description;

import io.github.wcf4j.binding.ArgumentChecks;
import java.util.List;

/**
 * One {@code <endpointBehaviors><behavior>} (WCF's configuration type {@code EndpointBehaviorElement}); wcf4j honours
 * none of WCF's endpoint behaviors yet and lists them by name so that they are reported, not silently dropped.
 */
public record EndpointBehaviorElement(String name, List<String> unsupported) {
    public EndpointBehaviorElement {
        ArgumentChecks.notNull(name, "name");
        unsupported = List.copyOf(unsupported);
    }
}
