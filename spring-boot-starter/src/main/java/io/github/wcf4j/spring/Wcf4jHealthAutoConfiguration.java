package io.github.wcf4j.spring;

import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * An Actuator health indicator per hosted service ({@code /actuator/health/wcf4j/<service name>}), when the
 * application has Actuator.
 */
@AutoConfiguration(after = Wcf4jAutoConfiguration.class)
@ConditionalOnClass(CompositeHealthContributor.class)
@ConditionalOnBean(ServiceHosts.class)
public class Wcf4jHealthAutoConfiguration {
    @Bean
    HealthContributor wcf4jHealthContributor(ServiceHosts hosts, ServiceModelConfiguration configuration) {
        Map<String, HealthContributor> byService = new LinkedHashMap<>();
        configuration.services().forEach(s -> byService.put(s.name(),
                new ServiceHostHealthIndicator(() -> hosts.hosts().get(s.name()))));
        return CompositeHealthContributor.fromMap(byService);
    }
}
