package io.github.wcf4j.binding.transport;

/**
 * How a listener matches the host name of an incoming request URI (WCF {@code HostNameComparisonMode}).
 *
 * <ul>
 *   <li>{@link #StrongWildcard}: any host name (the listener owns the port/path for every host);</li>
 *   <li>{@link #Exact}: only the host in the listen URI;</li>
 *   <li>{@link #WeakWildcard}: any host, but only when no exact or strong match exists.</li>
 * </ul>
 */
public enum HostNameComparisonMode {
    StrongWildcard, Exact, WeakWildcard
}
