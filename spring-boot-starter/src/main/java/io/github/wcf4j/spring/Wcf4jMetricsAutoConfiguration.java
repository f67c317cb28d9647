package io.github.wcf4j.spring;

import io.github.wcf4j.micrometer.MeterNames;
import io.github.wcf4j.micrometer.MicrometerRuntimeMetrics;
import io.github.wcf4j.runtime.metrics.RuntimeMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * wcf4j's meters in the application's {@link MeterRegistry} (Actuator's), and a span per call through its
 * {@link ObservationRegistry} when it has one (with a tracer bridge: Micrometer Tracing).
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.export.prometheus.PrometheusMetricsExportAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration"})
@ConditionalOnClass({MeterRegistry.class, MicrometerRuntimeMetrics.class})
@ConditionalOnBean(MeterRegistry.class)
public class Wcf4jMetricsAutoConfiguration {
    /**
     * Boot's observation handler would time each call's span again ({@code wcf4j.call}, {@code wcf4j.call.active});
     * {@code wcf4j.calls} times them already, with the outcome as a tag.
     */
    @Bean
    MeterFilter wcf4jSpanTimers() {
        return MeterFilter.deny(id -> id.getName().equals(MeterNames.CALL_OBSERVATION)
                || id.getName().equals(MeterNames.CALL_OBSERVATION + ".active"));
    }

    @Bean
    @ConditionalOnMissingBean
    RuntimeMetrics wcf4jRuntimeMetrics(MeterRegistry registry, ObjectProvider<ObservationRegistry> observations) {
        return new MicrometerRuntimeMetrics(registry, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }
}
