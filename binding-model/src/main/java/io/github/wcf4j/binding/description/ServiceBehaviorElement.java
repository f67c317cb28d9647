package io.github.wcf4j.binding.description;

import io.github.wcf4j.binding.ArgumentChecks;
import java.util.List;
import java.util.Optional;

/**
 * One {@code <serviceBehaviors><behavior>} (WCF's configuration type {@code ServiceBehaviorElement}): the service
 * behaviors wcf4j honours, and the names of those it does not. Not to be confused with the runtime's
 * {@code @ServiceBehavior} annotation, which mirrors WCF's {@code [ServiceBehavior]} attribute on a service class.
 *
 * @param name        {@code name} (empty: the default behavior applied to every service)
 * @param metadata    {@code <serviceMetadata>}, if present
 * @param debug       {@code <serviceDebug>}, if present
 * @param throttling  {@code <serviceThrottling>}, if present
 * @param unsupported other behavior elements, by name (e.g. {@code serviceCredentials}), which wcf4j reports and ignores
 */
public record ServiceBehaviorElement(String name, Optional<ServiceMetadataBehavior> metadata,
        Optional<ServiceDebugBehavior> debug, Optional<ServiceThrottlingBehavior> throttling,
        List<String> unsupported) {

    public ServiceBehaviorElement {
        ArgumentChecks.notNull(name, "name");
        metadata = metadata == null ? Optional.empty() : metadata;
        debug = debug == null ? Optional.empty() : debug;
        throttling = throttling == null ? Optional.empty() : throttling;
        unsupported = List.copyOf(unsupported);
    }

    public static ServiceBehaviorElement defaults(String name) {
        return new ServiceBehaviorElement(name, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    /** {@code includeExceptionDetailInFaults} in effect ({@code false} unless configured). */
    public boolean includeExceptionDetailInFaults() {
        return debug.map(ServiceDebugBehavior::includeExceptionDetailInFaults).orElse(false);
    }

    /** The throttle in effect: the configured one, or WCF 4's defaults for this machine. */
    public ServiceThrottlingBehavior effectiveThrottling() {
        return throttling.orElse(ServiceThrottlingBehavior.defaults());
    }
}
