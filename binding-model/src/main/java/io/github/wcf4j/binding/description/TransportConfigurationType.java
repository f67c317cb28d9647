package io.github.wcf4j.binding.description;

import io.github.wcf4j.binding.ArgumentChecks;

/**
 * One {@code <serviceHostingEnvironment><add name transportConfigurationType>}: a .NET type that configures a hosted
 * transport for a scheme (e.g. a custom {@code net.udp} activation).
 *
 * @param name                       the scheme, e.g. {@code net.udp}
 * @param transportConfigurationType the .NET type name
 */
public record TransportConfigurationType(String name, String transportConfigurationType) {
    public TransportConfigurationType {
        ArgumentChecks.notNull(name, "name");
        ArgumentChecks.notNull(transportConfigurationType, "transportConfigurationType");
    }
}
