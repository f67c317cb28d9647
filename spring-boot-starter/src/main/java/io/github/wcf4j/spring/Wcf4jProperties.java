package io.github.wcf4j.spring;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code wcf4j.*} properties: which configuration file, and what Spring supplies that a .NET host supplied (base
 * addresses, client addresses), so the {@code app.config} itself stays unchanged.
 *
 * <pre>
 * wcf4j.config=classpath:App.config                 # or a file path: config/App.config
 * wcf4j.base-addresses=http://localhost:8080/calc   # every service's base addresses (one per scheme)
 * wcf4j.services.[Microsoft.ServiceModel.Samples.CalculatorService].base-addresses=http://localhost:9000/calc
 * wcf4j.clients.[BasicHttpBinding_ICalculator].address=http://calc.example:8080/service.svc
 * wcf4j.shutdown-timeout=20s                         # default: spring.lifecycle.timeout-per-shutdown-phase
 * </pre>
 */
@ConfigurationProperties("wcf4j")
public class Wcf4jProperties {
    /** The configuration file: {@code classpath:App.config}, a {@code file:} URL, or a file path. */
    private String config;
    /** Base addresses for every hosted service (WCF: the host's), one per scheme; a service's own win. */
    private List<URI> baseAddresses = new ArrayList<>();
    /** Per {@code <service name>}: its base addresses, and whether to host it. */
    private Map<String, Service> services = new LinkedHashMap<>();
    /** Per {@code <client><endpoint name>} (an unnamed endpoint: by its contract's configuration name). */
    private Map<String, Client> clients = new LinkedHashMap<>();
    /** How long closing the hosts and clients may take; default: Spring's timeout per shutdown phase. */
    private Duration shutdownTimeout;

    public String getConfig() {
        return config;
    }

    public void setConfig(String config) {
        this.config = config;
    }

    public List<URI> getBaseAddresses() {
        return baseAddresses;
    }

    public void setBaseAddresses(List<URI> baseAddresses) {
        this.baseAddresses = baseAddresses;
    }

    public Map<String, Service> getServices() {
        return services;
    }

    public void setServices(Map<String, Service> services) {
        this.services = services;
    }

    public Map<String, Client> getClients() {
        return clients;
    }

    public void setClients(Map<String, Client> clients) {
        this.clients = clients;
    }

    public Duration getShutdownTimeout() {
        return shutdownTimeout;
    }

    public void setShutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    /** One service's settings. */
    public static class Service {
        /** Its base addresses, instead of {@code wcf4j.base-addresses} and its {@code <host><baseAddresses>}. */
        private List<URI> baseAddresses = new ArrayList<>();
        /** {@code false}: not hosted, even when a bean implements it. */
        private boolean enabled = true;

        public List<URI> getBaseAddresses() {
            return baseAddresses;
        }

        public void setBaseAddresses(List<URI> baseAddresses) {
            this.baseAddresses = baseAddresses;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** One client endpoint's settings. */
    public static class Client {
        /** The service's address, instead of the endpoint's configured {@code address}. */
        private URI address;

        public URI getAddress() {
            return address;
        }

        public void setAddress(URI address) {
            this.address = address;
        }
    }
}
