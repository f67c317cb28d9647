package io.github.wcf4j.binding.description;

import io.github.wcf4j.binding.ArgumentChecks;
import io.github.wcf4j.binding.credentials.ServiceCredentials;
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
 * @param credentials {@code <serviceCredentials>}, if present (used only by endpoints whose binding has security)
 * @param unsupported other behavior elements, by name (e.g. {@code serviceAuthorization}), which wcf4j reports and
 *                    ignores
 */
public record ServiceBehaviorElement(String name, Optional<ServiceMetadataBehavior> metadata,
        Optional<ServiceDebugBehavior> debug, Optional<ServiceThrottlingBehavior> throttling,
        Optional<ServiceCredentials> credentials, List<String> unsupported) {

    public ServiceBehaviorElement {
        ArgumentChecks.notNull(name, "name");
        metadata = metadata == null ? Optional.empty() : metadata;
        debug = debug == null ? Optional.empty() : debug;
        throttling = throttling == null ? Optional.empty() : throttling;
        credentials = credentials == null ? Optional.empty() : credentials;
        unsupported = List.copyOf(unsupported);
    }

    /** A behavior without {@code <serviceCredentials>}. */
    public ServiceBehaviorElement(String name, Optional<ServiceMetadataBehavior> metadata,
            Optional<ServiceDebugBehavior> debug, Optional<ServiceThrottlingBehavior> throttling,
            List<String> unsupported) {
        this(name, metadata, debug, throttling, Optional.empty(), unsupported);
    }

    public static ServiceBehaviorElement defaults(String name) {
        return new ServiceBehaviorElement(name, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    /** The credentials in effect: the configured ones, or WCF's defaults ({@link ServiceCredentials#defaults()}). */
    public ServiceCredentials effectiveCredentials() {
        return credentials.orElse(ServiceCredentials.defaults());
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
