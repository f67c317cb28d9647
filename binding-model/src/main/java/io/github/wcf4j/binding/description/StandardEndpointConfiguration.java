package io.github.wcf4j.binding.description;

import io.github.wcf4j.binding.ArgumentChecks;

/**
 * One {@code <standardEndpoints><kind><standardEndpoint name>}: a named configuration of a standard endpoint kind, which
 * endpoints select with {@code endpointConfiguration}. A {@code mexEndpoint} configuration has nothing but its name; the
 * settings of the other kinds are not read by wcf4j (their endpoints are refused by name).
 *
 * @param kind the kind, e.g. {@code mexEndpoint}
 * @param name {@code name}, {@code ""} for the kind's unnamed configuration
 */
public record StandardEndpointConfiguration(String kind, String name) {
    public StandardEndpointConfiguration {
        ArgumentChecks.notNull(kind, "kind");
        ArgumentChecks.notNull(name, "name");
    }
}
