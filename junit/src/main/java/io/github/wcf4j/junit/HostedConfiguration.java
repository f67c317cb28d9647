package io.github.wcf4j.junit;

import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ContractDescription;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.service.HostedEndpoint;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.SystemScheduler;
import io.github.wcf4j.runtime.transport.inmemory.InMemoryNetwork;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * The services of one {@link Wcf4jTest}, hosted, and what its clients need to reach them. Closed (hosts first closed
 * gracefully, then the in-memory network's scheduler) when the test class is done.
 */
final class HostedConfiguration implements ExtensionContext.Store.CloseableResource {
    private final ServiceModelConfiguration clients;
    private final ServiceTypes types;
    private final Placement placement;
    private final List<Wcf4jParameters> parameters;
    private final List<Hosted> hosted = new ArrayList<>();
    private final SystemScheduler scheduler;
    private final InMemoryNetwork network;

    /** A hosted service: its host and its description as hosted (addresses and bindings moved). */
    private record Hosted(ServiceHost host, ServiceDescription description) {
    }

    private HostedConfiguration(ServiceModelConfiguration clients, ServiceTypes types, Placement placement,
            List<Wcf4jParameters> parameters) {
        this.clients = clients;
        this.types = types;
        this.placement = placement;
        this.parameters = parameters;
        this.scheduler = placement == Placement.IN_MEMORY ? new SystemScheduler() : null;
        this.network = scheduler == null ? null : new InMemoryNetwork(scheduler);
    }

    /** Hosts the services {@code test} names; nothing stays open when one fails to open. */
    static HostedConfiguration open(Wcf4jTest test, Class<?> testClass) {
        ServiceModelConfiguration config = ConfigurationSource.read(test.config(), testClass);
        ServiceModelConfiguration clients = test.clientConfig().isEmpty() ? config
                : ConfigurationSource.read(test.clientConfig(), testClass);
        ServiceTypes types = ServiceTypes.discovered();
        Arrays.stream(test.types()).forEach(types::register);
        Arrays.stream(test.typeNames()).forEach(t -> types.map(t.name(), t.type()));
        HostedConfiguration h = new HostedConfiguration(clients, types, Placement.of(test.transport()),
                Arrays.stream(test.parameters()).map(HostedConfiguration::instantiate).toList());
        List<String> only = List.of(test.services());
        List<ServiceDescription> services = config.services().stream()
                .filter(s -> only.isEmpty() || only.contains(s.name())).toList();
        if (services.isEmpty()) {
            h.close();
            throw new ExtensionConfigurationException("@Wcf4jTest: " + test.config() + " declares no service"
                    + (only.isEmpty() ? "" : " named " + only) + " to host");
        }
        List<URI> bases = Arrays.stream(test.baseAddresses()).map(URI::create).map(h.placement::move).toList();
        try {
            for (ServiceDescription s : services) {
                ServiceDescription moved = h.placement.move(s);
                ServiceHost.Builder b = ServiceHost.builder(config, moved).types(types)
                        .parameters(p -> h.parameters.forEach(x -> x.host(s, p)));
                bases.forEach(b::baseAddress);
                if (h.network != null) {
                    b.parameter(Scheduler.class, h.scheduler).parameter(InMemoryNetwork.class, h.network);
                }
                ServiceHost host = b.build();
                h.hosted.add(new Hosted(host, moved));
                host.open();
            }
        } catch (RuntimeException failure) {
            h.hosted.forEach(x -> x.host().abort());
            h.close();
            throw failure;
        }
        return h;
    }

    private static Wcf4jParameters instantiate(Class<? extends Wcf4jParameters> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new ExtensionConfigurationException("@Wcf4jTest(parameters = " + type.getName() + ".class): it needs"
                    + " a public parameterless constructor", e);
        }
    }

    /** The only host (a test of several services asks for none by type). */
    ServiceHost host() {
        if (hosted.size() != 1) {
            throw new ParameterResolutionException("@Wcf4jTest hosts " + hosted.size() + " services ("
                    + hosted.stream().map(x -> x.description().name()).collect(Collectors.joining(", "))
                    + "): a ServiceHost parameter needs exactly one; name one with @Wcf4jTest(services = ...)");
        }
        return hosted.get(0).host();
    }

    /** The in-memory network, under {@link Wcf4jTransport#IN_MEMORY}. */
    InMemoryNetwork network() {
        if (network == null) {
            throw new ParameterResolutionException("an InMemoryNetwork parameter needs"
                    + " @Wcf4jTest(transport = Wcf4jTransport.IN_MEMORY)");
        }
        return network;
    }

    /** A client factory for the {@code <client><endpoint name>}, calling the hosted endpoint of its contract. */
    <T> ClientFactory<T> client(String endpointName, Class<T> contract) {
        ClientEndpoint e = clients.clientEndpoint(endpointName).orElseThrow(() -> new ParameterResolutionException(
                "no <client><endpoint name=\"" + endpointName + "\"> in the client configuration; its endpoints: "
                        + clients.clientEndpoints().stream().map(ClientEndpoint::displayName)
                        .collect(Collectors.joining(", "))));
        return factory(e, contract);
    }

    /**
     * A client factory for the contract: the only {@code <client>} endpoint of its configuration name, else one with
     * the binding of the hosted endpoint of that contract.
     */
    <T> ClientFactory<T> client(Class<T> contract) {
        String name = ContractDescription.of(contract).configurationName();
        List<ClientEndpoint> configured = clients.clientEndpoints().stream()
                .filter(e -> names(e.contract(), contract)).toList();
        if (configured.size() == 1) {
            return factory(configured.get(0), contract);
        }
        if (configured.size() > 1) {
            throw new ParameterResolutionException("the client configuration has " + configured.size()
                    + " endpoints of the contract " + name + " ("
                    + configured.stream().map(ClientEndpoint::displayName).collect(Collectors.joining(", "))
                    + "): choose one with @Wcf4jClient(\"name\")");
        }
        ServiceEndpoint served = hosted.stream().flatMap(h -> h.description().endpoints().stream())
                .filter(e -> names(e.contract(), contract)).findFirst()
                .orElseThrow(() -> new ParameterResolutionException("no <client> endpoint and no hosted endpoint has"
                        + " the contract " + name + " (" + contract.getName() + ")"));
        ClientEndpoint e = new ClientEndpoint("", URI.create("http://localhost/"), served.bindingSection(),
                served.bindingConfiguration(), served.binding(), served.contract(), Optional.empty(),
                served.identity(), served.headers(), Optional.empty());
        return factory(e, contract);
    }

    /** Whether the configuration's contract name stands for {@code contract} (its configuration name, or mapped). */
    private boolean names(String configured, Class<?> contract) {
        return configured.equals(ContractDescription.of(contract).configurationName())
                || types.contract(configured).filter(contract::equals).isPresent();
    }

    private <T> ClientFactory<T> factory(ClientEndpoint configured, Class<T> contract) {
        ClientEndpoint moved = placement.move(configured);
        ClientFactory.Builder<T> b = ClientFactory.builder(moved.withAddress(hostedAddress(moved)), contract)
                .messageLogging(clients.messageLogging())
                .parameters(p -> parameters.forEach(x -> x.client(configured, p)));
        if (network != null) {
            b.parameter(Scheduler.class, scheduler).parameter(InMemoryNetwork.class, network);
        }
        return b.build();
    }

    /**
     * The address of the hosted endpoint {@code client} calls: of its contract and scheme, and, among several, the one
     * whose configured endpoint has the client's binding configuration.
     */
    private URI hostedAddress(ClientEndpoint client) {
        String scheme = client.binding().transport().map(t -> t.scheme()).orElse(client.address().getScheme());
        String contract = types.contract(client.contract()).map(c -> ContractDescription.of(c).configurationName())
                .orElse(client.contract());
        List<HostedEndpoint> candidates = new ArrayList<>();
        List<HostedEndpoint> sameBinding = new ArrayList<>();
        for (Hosted h : hosted) {
            for (HostedEndpoint e : h.host().endpoints()) {
                if (e.contract().equals(contract) && e.address().getScheme().equals(scheme)) {
                    candidates.add(e);
                    if (h.description().endpoints().stream().anyMatch(s -> s.displayName().equals(e.name())
                            && s.bindingSection().equals(client.bindingSection())
                            && s.bindingConfiguration().equals(client.bindingConfiguration()))) {
                        sameBinding.add(e);
                    }
                }
            }
        }
        List<HostedEndpoint> found = candidates.size() > 1 && !sameBinding.isEmpty() ? sameBinding : candidates;
        if (found.isEmpty()) {
            throw new ParameterResolutionException("the client endpoint '" + client.displayName() + "' ("
                    + client.contract() + ", " + scheme + ") matches no hosted endpoint; hosted: " + hosted.stream()
                    .flatMap(h -> h.host().endpoints().stream()).map(e -> e.contract() + " at " + e.address())
                    .collect(Collectors.joining(", ")));
        }
        return found.get(0).address();
    }

    @Override
    public void close() {
        for (Hosted h : hosted) {
            h.host().close();
        }
        if (scheduler != null) {
            scheduler.close();
        }
    }
}
