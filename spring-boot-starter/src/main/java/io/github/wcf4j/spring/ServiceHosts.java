package io.github.wcf4j.spring;

import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.metrics.RuntimeMetrics;
import io.github.wcf4j.runtime.service.ServiceHost;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The application's service hosts, opened and closed with the application context (WCF's {@code ServiceHost}s of a
 * Windows service's {@code OnStart}/{@code OnStop}): one per {@code <service>} whose name maps to a bean
 * ({@link ServiceBeans}), the bean being the service's single instance; a {@code <service>} no bean implements is
 * not hosted and is logged by name. Closing is graceful (reliable sessions and security sessions end with their
 * protocols' closing messages) within {@code wcf4j.shutdown-timeout}, on a thread of its own, so Spring's shutdown
 * phase waits for it.
 */
public final class ServiceHosts implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceHosts.class);

    private final ServiceModelConfiguration configuration;
    private final ServiceBeans beans;
    private final ServiceTypes types;
    private final Wcf4jProperties properties;
    private final RuntimeMetrics metrics;
    private final List<HostCustomizer> customizers;
    private final Duration shutdownTimeout;
    private final Map<String, ServiceHost> hosts = new LinkedHashMap<>();
    private final List<String> skipped = new ArrayList<>();
    private volatile boolean running;

    ServiceHosts(ServiceModelConfiguration configuration, ServiceBeans beans, ServiceTypes types,
            Wcf4jProperties properties, RuntimeMetrics metrics, List<HostCustomizer> customizers,
            Duration shutdownTimeout) {
        this.configuration = configuration;
        this.beans = beans;
        this.types = types;
        this.properties = properties;
        this.metrics = metrics;
        this.customizers = customizers;
        this.shutdownTimeout = shutdownTimeout;
    }

    @Override
    public synchronized void start() {
        try {
            for (ServiceDescription s : configuration.services()) {
                Wcf4jProperties.Service settings = properties.getServices().get(s.name());
                if (settings != null && !settings.isEnabled()) {
                    skipped.add(s.name());
                    LOG.info("{}: not hosted (wcf4j.services.[{}].enabled=false)", s.name(), s.name());
                    continue;
                }
                Optional<Object> bean = beans.find(s.name());
                if (bean.isEmpty()) {
                    skipped.add(s.name());
                    LOG.warn("{}: not hosted, no bean implements it (name a bean '{}', or give its class"
                            + " @ServiceBehavior(configurationName = \"{}\"))", s.name(), s.name(), s.name());
                    continue;
                }
                ServiceHost.Builder b = ServiceHost.builder(configuration, s).types(types).instance(bean.get())
                        .metrics(metrics);
                baseAddresses(s.name()).forEach(b::baseAddress);
                customizers.forEach(c -> c.customize(s.name(), b));
                ServiceHost host = b.build();
                host.open();
                hosts.put(s.name(), host);
            }
        } catch (RuntimeException failed) {
            hosts.values().forEach(ServiceHost::abort);
            hosts.clear();
            throw failed;
        }
        running = true;
    }

    private List<URI> baseAddresses(String service) {
        Wcf4jProperties.Service own = properties.getServices().get(service);
        if (own != null && !own.getBaseAddresses().isEmpty()) {
            return own.getBaseAddresses();
        }
        return properties.getBaseAddresses();
    }

    @Override
    public void stop() {
        closeAll();
    }

    @Override
    public void stop(Runnable callback) {
        Thread closing = new Thread(() -> {
            try {
                closeAll();
            } finally {
                callback.run();
            }
        }, "wcf4j-hosts-shutdown");
        closing.start();
    }

    private synchronized void closeAll() {
        for (Map.Entry<String, ServiceHost> h : hosts.entrySet()) {
            try {
                h.getValue().close(shutdownTimeout);
            } catch (RuntimeException failed) {
                LOG.warn("{}: not closed gracefully within {}: {}", h.getKey(), shutdownTimeout, failed.toString());
                h.getValue().abort();
            }
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * The phase of Spring Boot's web server graceful shutdown ({@code DEFAULT_PHASE - 1024}): the hosts close beside
     * it, after {@link ClientFactories}, each within its phase's timeout.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    /** The hosts, by service name, in the configuration's order. */
    public synchronized Map<String, ServiceHost> hosts() {
        return Map.copyOf(hosts);
    }

    /** The {@code <service>}s not hosted (disabled, or no bean implements them). */
    public synchronized List<String> skipped() {
        return List.copyOf(skipped);
    }
}
