package io.github.wcf4j.spring;

import io.github.wcf4j.runtime.service.ServiceHost;

/**
 * Adjusts a service's host before it opens: what WCF's code could set on a {@code ServiceHost} and a configuration
 * cannot (credentials, TLS settings, binding parameters). Beans of this type are applied in order.
 *
 * <pre>{@code
 * @Bean HostCustomizer tls(TlsSettings tls) {
 *     return (service, host) -> host.parameter(TlsSettings.class, tls);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface HostCustomizer {
    void customize(String serviceName, ServiceHost.Builder host);
}
