package io.github.wcf4j.spring;

import io.github.wcf4j.runtime.service.HostedEndpoint;
import io.github.wcf4j.runtime.service.ServiceHost;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * One service host's health: {@code UP} while it is open, {@code DOWN} once it is closed or an endpoint's listener
 * faulted (named in the details), {@code UNKNOWN} before it opens; details: each endpoint's address and shape, and the
 * sessions open.
 */
final class ServiceHostHealthIndicator implements HealthIndicator {
    private final Supplier<ServiceHost> host;

    ServiceHostHealthIndicator(Supplier<ServiceHost> host) {
        this.host = host;
    }

    @Override
    public Health health() {
        ServiceHost h = host.get();
        if (h == null) {
            return Health.unknown().withDetail("state", "not opened").build();
        }
        Map<String, Object> endpoints = new LinkedHashMap<>();
        for (HostedEndpoint e : h.endpoints()) {
            endpoints.put(e.name(), Map.of("address", e.address().toString(), "contract", e.contract(),
                    "shape", e.shape().wcfName()));
        }
        List<String> faulted = h.faultedEndpoints();
        Health.Builder b = h.isOpen() ? Health.up() : Health.down();
        b.withDetail("endpoints", endpoints).withDetail("openSessions", h.openSessions());
        if (!faulted.isEmpty()) {
            b.withDetail("faulted", faulted);
        }
        return b.build();
    }
}
