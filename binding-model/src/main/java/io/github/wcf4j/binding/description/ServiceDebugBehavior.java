package io.github.wcf4j.binding.description;

/**
 * {@code <serviceDebug>}.
 *
 * @param includeExceptionDetailInFaults {@code false}: faults carry no exception details or stack traces
 * @param httpHelpPageEnabled            {@code true}
 * @param httpsHelpPageEnabled           {@code true}
 */
public record ServiceDebugBehavior(boolean includeExceptionDetailInFaults, boolean httpHelpPageEnabled,
        boolean httpsHelpPageEnabled) {

    public static ServiceDebugBehavior defaults() {
        return new ServiceDebugBehavior(false, true, true);
    }
}
