package io.github.wcf4j.spring;

import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.metrics.RuntimeMetrics;
import java.time.Duration;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * wcf4j in a Spring Boot application, when {@code wcf4j.config} names a WCF configuration file: its services hosted on
 * the application's beans ({@link ServiceHosts}), its client endpoints as beans of their contract type
 * ({@link ClientEndpointBeans}); metrics through whatever {@link RuntimeMetrics} bean there is (Micrometer's, from
 * {@link Wcf4jMetricsAutoConfiguration}, when the application has a {@code MeterRegistry}).
 */
@AutoConfiguration(afterName = "io.github.wcf4j.spring.Wcf4jMetricsAutoConfiguration")
@ConditionalOnProperty(prefix = "wcf4j", name = "config")
@EnableConfigurationProperties(Wcf4jProperties.class)
public class Wcf4jAutoConfiguration {
    /** Spring's default {@code spring.lifecycle.timeout-per-shutdown-phase}. */
    private static final Duration SPRING_PHASE_TIMEOUT = Duration.ofSeconds(30);

    @Bean
    static ClientEndpointBeans wcf4jClientEndpointBeans() {
        return new ClientEndpointBeans();
    }

    @Bean
    @ConditionalOnMissingBean
    ServiceModelConfiguration wcf4jConfiguration(Wcf4jProperties properties, ResourceLoader resources) {
        return ConfigurationFile.read(properties.getConfig(), resources);
    }

    @Bean
    @ConditionalOnMissingBean
    ServiceTypes wcf4jServiceTypes() {
        return ServiceTypes.discovered();
    }

    @Bean
    ServiceHosts wcf4jServiceHosts(ServiceModelConfiguration configuration, ServiceTypes types,
            Wcf4jProperties properties, ListableBeanFactory beans, ObjectProvider<RuntimeMetrics> metrics,
            ObjectProvider<HostCustomizer> customizers, Environment environment) {
        return new ServiceHosts(configuration, new ServiceBeans(beans, types), types, properties,
                metrics.getIfAvailable(() -> RuntimeMetrics.NONE), customizers.orderedStream().toList(),
                shutdownTimeout(properties, environment));
    }

    @Bean
    ClientFactories wcf4jClientFactories(Wcf4jProperties properties, Environment environment) {
        return new ClientFactories(shutdownTimeout(properties, environment));
    }

    /**
     * {@code wcf4j.shutdown-timeout}, else Spring's timeout per shutdown phase: the hosts and the clients each stop in
     * a phase of their own, each within it.
     */
    static Duration shutdownTimeout(Wcf4jProperties properties, Environment environment) {
        if (properties.getShutdownTimeout() != null) {
            return properties.getShutdownTimeout();
        }
        Duration phase = environment.getProperty("spring.lifecycle.timeout-per-shutdown-phase", Duration.class);
        return phase != null ? phase : SPRING_PHASE_TIMEOUT;
    }
}
