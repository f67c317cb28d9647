package io.github.wcf4j.runtime.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingValidationException;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ProtocolMapping;
import io.github.wcf4j.binding.description.ProtocolMappingItem;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.description.ServiceHostingEnvironment;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.metro.Calculator;
import io.github.wcf4j.runtime.metro.CalculatorService;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.SystemScheduler;
import io.github.wcf4j.runtime.transport.inmemory.InMemoryNetwork;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * WCF 4's default endpoints, hosted: a service that lists no endpoint (or has no {@code <service>} element) gets one
 * per base address per contract its class implements, with the binding the protocol mapping gives the base address's
 * scheme; WCF's texts when none results.
 */
class DefaultEndpointsHostTest {
    private static final String SERVICE = "Samples.CalculatorService";
    private static final String CONTRACT = Calculator.class.getName();
    private static final URI BASE = URI.create("inmemory://localhost/calc");

    private final SystemScheduler scheduler = new SystemScheduler();
    private final InMemoryNetwork network = new InMemoryNetwork(scheduler);
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
        scheduler.close();
    }

    private static Binding inMemory(String name) {
        return CustomBinding.of(name, TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.requestReply());
    }

    /** A configuration mapping the {@code inmemory} scheme to {@code binding}, with {@code services}. */
    private static ServiceModelConfiguration mapped(Optional<Binding> binding, List<ServiceDescription> services) {
        List<ProtocolMappingItem> items = new ArrayList<>(ProtocolMapping.WCF_DEFAULTS);
        items.add(new ProtocolMappingItem("inmemory", "customBinding", "", binding));
        return new ServiceModelConfiguration(services, List.of(), List.of(), List.of(), List.of(),
                new ProtocolMapping(items), List.of(), ServiceHostingEnvironment.defaults());
    }

    private ServiceHost open(ServiceHost.Builder b) {
        ServiceHost host = b.parameter(Scheduler.class, scheduler).parameter(InMemoryNetwork.class, network).build();
        opened.add(host);
        host.open();
        return host;
    }

    private Calculator client(URI at) {
        ClientFactory<Calculator> f = ClientFactory.builder(new ClientEndpoint("", at, "customBinding", "",
                inMemory(""), CONTRACT, Optional.empty(), Optional.empty(), List.of(), Optional.empty()),
                Calculator.class).parameter(Scheduler.class, scheduler).parameter(InMemoryNetwork.class, network)
                .build();
        opened.add(f);
        return f.createChannel();
    }

    @Test
    void aServiceWithoutEndpointsGetsOnePerBaseAddressPerImplementedContract() {
        ServiceModelConfiguration config = mapped(Optional.of(inMemory("")), List.of(new ServiceDescription(SERVICE,
                Optional.empty(), List.of(BASE), List.of())));
        ServiceHost host = open(ServiceHost.builder(config, SERVICE)
                .types(ServiceTypes.empty().map(SERVICE, CalculatorService.class)));
        assertEquals(List.of(new HostedEndpoint("(base address)", CONTRACT, BASE, BASE, ChannelShape.REPLY)),
                host.endpoints());
        assertEquals(5.0, client(BASE).add(2, 3));
    }

    @Test
    void aServiceHostedByItsTypeWithoutAServiceElementGetsThemAtTheHostsBaseAddress() {
        ServiceHost host = open(ServiceHost.builder(mapped(Optional.of(inMemory("")), List.of()),
                CalculatorService.class).baseAddress(BASE));
        assertEquals(CONTRACT, host.endpoints().get(0).contract());
        assertEquals(BASE, host.endpoints().get(0).address());
        assertEquals(7.0, client(BASE).add(3, 4));
    }

    @Test
    void configuredEndpointsTakeThePlaceOfTheDefaults() {
        ServiceEndpoint configured = new ServiceEndpoint("own", "own", "customBinding", "b", inMemory("b"), CONTRACT,
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty());
        ServiceHost host = open(ServiceHost.builder(mapped(Optional.of(inMemory("")), List.of(
                new ServiceDescription(SERVICE, Optional.empty(), List.of(), List.of(configured)))), SERVICE)
                .implementation(CalculatorService.class).baseAddress(BASE));
        assertEquals(List.of("own"), host.endpoints().stream().map(HostedEndpoint::name).toList());
    }

    @Test
    void aBaseAddressWhoseSchemeHasNoMappingGetsNoneAndTheHostHasWcfsText() {
        ServiceHost.Builder b = ServiceHost.builder(ServiceModelConfiguration.empty(), CalculatorService.class)
                .baseAddress(BASE);
        ServiceHostException e = assertThrows(ServiceHostException.class, () -> open(b));
        assertEquals(WcfText.ServiceHasZeroAppEndpoints.format(CalculatorService.class.getName()), e.getMessage());
    }

    @Test
    void aMappingToABindingThatDoesNotExistFailsWithWcfsText() {
        ServiceHost.Builder b = ServiceHost.builder(mapped(Optional.empty(), List.of()), CalculatorService.class)
                .baseAddress(BASE);
        BindingValidationException e = assertThrows(BindingValidationException.class, () -> open(b));
        assertEquals("The binding for scheme 'inmemory' specified in the protocol mapping does not exist and must be"
                + " created.", e.getMessage());
    }
}
