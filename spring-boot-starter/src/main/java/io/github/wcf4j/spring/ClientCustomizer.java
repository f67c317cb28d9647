package io.github.wcf4j.spring;

import io.github.wcf4j.runtime.client.ClientFactory;

/**
 * Adjusts a {@code <client>} endpoint's factory before it is built: what WCF's code sets on a {@code ChannelFactory}
 * and a configuration cannot (a user name, TLS trust, binding parameters). Beans of this type are applied in order.
 *
 * <pre>{@code
 * @Bean ClientCustomizer tls(TlsSettings tls) {
 *     return (endpoint, client) -> client.parameter(TlsSettings.class, tls);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ClientCustomizer {
    /** {@code endpointName}: the endpoint's bean name (its name, else its contract's configuration name). */
    void customize(String endpointName, ClientFactory.Builder<?> client);
}
