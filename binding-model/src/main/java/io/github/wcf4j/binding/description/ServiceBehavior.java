package io.github.wcf4j.binding.description;

import io.github.wcf4j.binding.ArgumentChecks;
import java.util.List;
import java.util.Optional;

/**
 * One {@code <serviceBehaviors><behavior>}: the service behaviors wcf4j honours, and the names of those it does not.
 *
 * @param name        {@code name} (empty: the default behavior applied to every service)
 * @param metadata    {@code <serviceMetadata>}, if present
 * @param debug       {@code <serviceDebug>}, if present
 * @param throttling  {@code <serviceThrottling>}, if present
 * @param unsupported other behavior elements, by name (e.g. {@code serviceCredentials}), which wcf4j reports and ignores
 */
public record ServiceBehavior(String name, Optional<ServiceMetadataBehavior> metadata,
        Optional<ServiceDebugBehavior> debug, Optional<ServiceThrottlingBehavior> throttling,
        List<String> unsupported) {

    public ServiceBehavior {
        ArgumentChecks.notNull(name, "name");
        metadata = metadata == null ? Optional.empty() : metadata;
        debug = debug == null ? Optional.empty() : debug;
        throttling = throttling == null ? Optional.empty() : throttling;
        unsupported = List.copyOf(unsupported);
    }

    public static ServiceBehavior defaults(String name) {
        return new ServiceBehavior(name, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
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
