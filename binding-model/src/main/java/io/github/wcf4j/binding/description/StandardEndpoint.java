package io.github.wcf4j.binding.description;

import io.github.wcf4j.binding.ArgumentChecks;

/**
 * The standard endpoint an {@code <endpoint kind="..." endpointConfiguration="...">} is (WCF {@code StandardEndpoint}):
 * a kind registered in {@code <extensions><endpointExtensions>} or built into WCF, optionally configured by a named
 * {@code <standardEndpoints><kind><standardEndpoint name>}.
 *
 * <p>wcf4j models {@value #MEX_ENDPOINT} (its endpoint is a metadata endpoint with {@code contract="IMetadataExchange"}
 * over {@code mexHttpBinding} unless the endpoint names another binding). Every other kind is kept by name, so that the
 * runtime refuses its endpoint naming the kind instead of running it as something else.
 *
 * @param kind                  {@code kind}, e.g. {@code mexEndpoint} or {@code webHttpEndpoint}
 * @param endpointConfiguration {@code endpointConfiguration}: the {@code <standardEndpoint name>}, {@code ""} for the
 *                              kind's defaults
 */
public record StandardEndpoint(String kind, String endpointConfiguration) {
    /** The metadata exchange endpoint kind, {@code mexEndpoint}. */
    public static final String MEX_ENDPOINT = "mexEndpoint";

    public StandardEndpoint {
        ArgumentChecks.notNull(kind, "kind");
        ArgumentChecks.notNull(endpointConfiguration, "endpointConfiguration");
    }

    /** Whether wcf4j models this kind ({@value #MEX_ENDPOINT}); endpoints of other kinds are refused by name. */
    public boolean isModelled() {
        return MEX_ENDPOINT.equals(kind);
    }
}
