package io.github.wcf4j.binding.description;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingValidationException;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.stack.ContractCatalog;
import io.github.wcf4j.binding.stack.ContractShape;
import io.github.wcf4j.binding.standard.BasicHttpBinding;
import io.github.wcf4j.binding.standard.NetTcpBinding;
import io.github.wcf4j.binding.standard.UnsupportedBinding;
import io.github.wcf4j.binding.standard.WsHttpBinding;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** WCF 4's default endpoints ({@code ServiceHostBase.AddDefaultEndpoints}) computed from the model. */
class DefaultEndpointsTest {
    private static final URI HTTP = URI.create("http://localhost:8000/calc");
    private static final URI TCP = URI.create("net.tcp://localhost:8001/calc");
    private static final URI HTTPS = URI.create("https://localhost:8443/calc");

    private static ServiceModelConfiguration config(ProtocolMapping mapping, List<ServiceBehaviorElement> serviceBehaviors,
            List<EndpointBehaviorElement> endpointBehaviors) {
        return new ServiceModelConfiguration(List.of(), List.of(), List.of(), serviceBehaviors, endpointBehaviors,
                mapping, List.of(), ServiceHostingEnvironment.defaults());
    }

    private static ServiceModelConfiguration wcfDefaults() {
        return config(ProtocolMapping.defaults(), List.of(), List.of());
    }

    @Test
    void oneEndpointPerBaseAddressPerContractWithTheMappedBinding() {
        List<ServiceEndpoint> endpoints = DefaultEndpoints.create(wcfDefaults(), List.of(HTTP, TCP),
                List.of("ICalculator", "IAdmin"));
        List<String> seen = new ArrayList<>();
        for (ServiceEndpoint e : endpoints) {
            seen.add(e.bindingSection() + " " + e.contract());
            assertEquals("", e.address(), "at the base address of the binding's scheme");
            assertEquals("", e.name());
            assertEquals("", e.bindingConfiguration());
            assertTrue(e.identity().isEmpty() && e.headers().isEmpty() && e.listenUri().isEmpty());
        }
        assertEquals(List.of("basicHttpBinding ICalculator", "basicHttpBinding IAdmin", "netTcpBinding ICalculator",
                "netTcpBinding IAdmin"), seen);
        assertEquals(BasicHttpBinding.defaults(""), endpoints.get(0).binding());
        assertEquals(NetTcpBinding.defaults(""), endpoints.get(2).binding());
    }

    @Test
    void wcfMapsNoBindingToHttps() {
        assertTrue(DefaultEndpoints.create(wcfDefaults(), List.of(HTTPS), List.of("ICalculator")).isEmpty());
    }

    @Test
    void wcfsDefaultMappingIsHttpNetTcpNetPipeAndNetMsmq() {
        List<String> mapping = ProtocolMapping.defaults().items().stream()
                .map(i -> i.scheme() + "=" + i.bindingSection() + "/" + i.bindingConfiguration()).toList();
        assertEquals(List.of("http=basicHttpBinding/", "net.tcp=netTcpBinding/", "net.pipe=netNamedPipeBinding/",
                "net.msmq=netMsmqBinding/"), mapping);
        assertEquals(Optional.of(new UnsupportedBinding("netNamedPipeBinding", "")),
                ProtocolMapping.defaults().forScheme("net.pipe").orElseThrow().binding());
    }

    @Test
    void schemesAreMatchedInLowerCaseAsDotNetsUriSchemeIs() {
        assertEquals(1, DefaultEndpoints.create(wcfDefaults(), List.of(URI.create("HTTP://localhost/x")),
                List.of("I")).size());
    }

    @Test
    void theMappingsBindingAndTheUnnamedEndpointBehaviorApply() {
        Binding reliable = WsHttpBinding.defaults(WsHttpBinding.Flavor.WS_HTTP, "rm");
        EndpointBehaviorElement unnamed = new EndpointBehaviorElement("", List.of("clientVia"));
        ServiceModelConfiguration c = config(new ProtocolMapping(List.of(new ProtocolMappingItem("http",
                "wsHttpBinding", "rm", Optional.of(reliable)))), List.of(),
                List.of(new EndpointBehaviorElement("named", List.of()), unnamed));
        ServiceEndpoint e = DefaultEndpoints.create(c, List.of(HTTP, TCP), List.of("I")).get(0);
        assertSame(reliable, e.binding());
        assertEquals("wsHttpBinding", e.bindingSection());
        assertEquals("rm", e.bindingConfiguration());
        assertEquals(Optional.of(unnamed), e.behavior());
    }

    @Test
    void aMappingToAMissingBindingFailsWithWcfsText() {
        ServiceModelConfiguration c = config(new ProtocolMapping(List.of(new ProtocolMappingItem("http",
                "wsHttpBinding", "missing", Optional.empty()))), List.of(), List.of());
        BindingValidationException e = assertThrows(BindingValidationException.class,
                () -> DefaultEndpoints.create(c, List.of(HTTP), List.of("I")));
        assertEquals(WcfText.BindingProtocolMappingNotDefined, e.text());
        assertEquals("The binding for scheme 'http' specified in the protocol mapping does not exist and must be"
                + " created.", e.getMessage());
    }

    @Test
    void aServiceWithEndpointsIsLeftAlone() {
        ServiceEndpoint mex = new ServiceEndpoint("", "mex", "mexHttpBinding", "", BasicHttpBinding.defaults(""),
                "IMetadataExchange", Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty());
        ServiceDescription s = new ServiceDescription("S", Optional.empty(), List.of(HTTP), List.of(mex));
        assertSame(s, DefaultEndpoints.apply(wcfDefaults(), s, List.of(TCP), List.of("I")));
    }

    @Test
    void aServiceWithoutEndpointsGetsThemForTheHostsAndItsOwnBaseAddresses() {
        ServiceDescription s = new ServiceDescription("S", Optional.empty(), List.of(TCP, HTTP), List.of());
        ServiceDescription applied = DefaultEndpoints.apply(wcfDefaults(), s, List.of(HTTP), List.of("I"));
        assertEquals(List.of("basicHttpBinding", "netTcpBinding"),
                applied.endpoints().stream().map(ServiceEndpoint::bindingSection).toList());
        assertEquals(List.of(TCP, HTTP), applied.baseAddresses());
    }

    @Test
    void aServiceNotInTheConfigurationGetsTheUnnamedServiceBehavior() {
        ServiceBehaviorElement unnamed = ServiceBehaviorElement.defaults("");
        ServiceModelConfiguration c = config(ProtocolMapping.defaults(),
                List.of(ServiceBehaviorElement.defaults("other"), unnamed), List.of());
        ServiceDescription s = c.serviceOrDefault("Samples.Calculator");
        assertEquals("Samples.Calculator", s.name());
        assertSame(unnamed, s.behavior().orElseThrow());
        assertTrue(s.endpoints().isEmpty() && s.baseAddresses().isEmpty());
        assertTrue(wcfDefaults().serviceOrDefault("X").behavior().isEmpty());
    }

    @Test
    void hostingEnvironmentDefaultsAreWcfsAndItsPercentageIsBounded() {
        assertEquals(new ServiceHostingEnvironment(false, false, 5, false, List.of(), List.of(), List.of()),
                ServiceHostingEnvironment.defaults());
        BindingValidationException e = assertThrows(BindingValidationException.class, () ->
                new ServiceHostingEnvironment(false, false, 100, false, List.of(), List.of(), List.of()));
        assertEquals("The value of this argument must fall within the range 0 to 99.", e.getMessage());
    }

    @Test
    void aConfiguredServiceGetsThemAtItsFirstBaseAddressOfEachSchemeWhenItsContractsAreKnown() {
        ServiceDescription none = new ServiceDescription("Svc", Optional.empty(), List.of(HTTP,
                URI.create("http://localhost:9/second"), TCP), List.of());
        ContractCatalog knows = new ContractCatalog() {
            @Override
            public Optional<ContractShape> find(String contractName) {
                return Optional.empty();
            }

            @Override
            public Optional<List<String>> implementedContracts(String serviceName) {
                return Optional.of(List.of("ICalculator"));
            }
        };
        List<ServiceEndpoint> endpoints = DefaultEndpoints.ofConfigured(wcfDefaults(), none, knows).orElseThrow();
        assertEquals(List.of("basicHttpBinding", "netTcpBinding"),
                endpoints.stream().map(ServiceEndpoint::bindingSection).toList());
        assertEquals(Optional.empty(), DefaultEndpoints.ofConfigured(wcfDefaults(), none, ContractCatalog.EMPTY),
                "the catalog does not know the service's contracts");
        ServiceDescription noBase = new ServiceDescription("Svc", Optional.empty(), List.of(), List.of());
        assertEquals(Optional.of(List.of()), DefaultEndpoints.ofConfigured(wcfDefaults(), noBase, knows));
    }

    @Test
    void anActivationsAddressIsItsRelativeAddressUnderTheApplication() {
        URI app = URI.create("http://localhost:8080/app");
        assertEquals(URI.create("http://localhost:8080/app/Calculator.svc"),
                new ServiceActivation("Calculator.svc", "Svc", "").addressUnder(app));
        assertEquals(URI.create("https://localhost:8443/app/sub/Calculator.svc"),
                new ServiceActivation("~/sub/Calculator.svc", "Svc", "").addressUnder(
                        URI.create("https://localhost:8443/app/")));
    }
}
