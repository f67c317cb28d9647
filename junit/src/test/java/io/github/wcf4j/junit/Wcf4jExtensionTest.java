package io.github.wcf4j.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.runtime.metro.Calculator;
import io.github.wcf4j.runtime.metro.CalculatorService;
import io.github.wcf4j.runtime.service.HostedEndpoint;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.transport.inmemory.InMemoryNetwork;
import java.net.URI;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code @Wcf4jTest} hosts a configuration's calculator and hands its tests proxies: by {@code <client>} endpoint name,
 * by contract type, over sockets at free ports and over the in-memory transport. The calculator here is the runtime's
 * (its test jar), mapped by the .NET names the configuration uses.
 */
class Wcf4jExtensionTest {
    static final String SERVICE = "Microsoft.ServiceModel.Samples.CalculatorService";
    static final String CONTRACT = "Microsoft.ServiceModel.Samples.ICalculator";

    private static HostedEndpoint endpoint(ServiceHost host, String path) {
        return host.endpoints().stream().filter(e -> e.address().getPath().equals(path)).findFirst().orElseThrow();
    }

    @Nested
    @Wcf4jTest(config = "classpath:calculator/App.config", typeNames = {
        @Wcf4jType(name = SERVICE, type = CalculatorService.class),
        @Wcf4jType(name = CONTRACT, type = Calculator.class)})
    class ClientEndpointsByName {
        @Test
        void theBasicHttpClientCallsTheServiceMovedToAFreePort(
                @Wcf4jClient("BasicHttpBinding_ICalculator") Calculator calc, ServiceHost host) {
            assertEquals(115.99, calc.add(100, 15.99), 1e-9);
            URI at = endpoint(host, "/ServiceModelSamples/Service").address();
            assertEquals("http", at.getScheme());
            assertNotEquals(8000, at.getPort(), "the configured port is moved to a free one");
            assertEquals(ChannelShape.REPLY, endpoint(host, "/ServiceModelSamples/Service").shape());
        }

        @Test
        void theReliableWsHttpClientCallsTheEndpointOfItsBinding(
                @Wcf4jClient("WSHttpBinding_ICalculator") Calculator calc, ServiceHost host) {
            assertEquals(-1.0, calc.subtract(2, 3));
            assertEquals(ChannelShape.REPLY_SESSION, endpoint(host, "/ServiceModelSamples/Service/ws").shape());
            assertEquals(1, host.openSessions(), "the proxy's reliable session, open until the test ends");
        }
    }

    @Nested
    @Wcf4jTest(config = "classpath:calculator/Service.config", typeNames = {
        @Wcf4jType(name = SERVICE, type = CalculatorService.class),
        @Wcf4jType(name = CONTRACT, type = Calculator.class)})
    class ContractsByType {
        @Test
        void aContractParameterGetsAClientOfTheHostedBindingAndAbsoluteAddressesMoveToo(Calculator calc,
                ServiceHost host) {
            assertEquals(7.0, calc.add(3, 4));
            assertEquals(2, host.endpoints().size());
            URI http = endpoint(host, "/calculator").address();
            assertNotEquals(8000, http.getPort());
            URI tcp = host.endpoints().stream().map(HostedEndpoint::address)
                    .filter(a -> a.getScheme().equals("net.tcp")).findFirst().orElseThrow();
            assertNotEquals(8001, tcp.getPort());
        }
    }

    @Nested
    @Wcf4jTest(config = "classpath:calculator/Service.config", clientConfig = "classpath:calculator/Client.config",
        typeNames = {
            @Wcf4jType(name = SERVICE, type = CalculatorService.class),
            @Wcf4jType(name = CONTRACT, type = Calculator.class)})
    class SeparateClientConfiguration {
        @Test
        void eachClientEndpointCallsTheHostedEndpointOfItsScheme(@Wcf4jClient("http") Calculator http,
                @Wcf4jClient("tcp") Calculator tcp, ServiceHost host) {
            assertEquals(3.0, http.add(1, 2));
            assertEquals(0, host.openSessions(), "HTTP request/reply: no session");
            assertEquals(7.0, tcp.add(3, 4));
            assertEquals(1, host.openSessions(), "the net.tcp client's session, open until the test ends");
        }
    }

    @Nested
    @Wcf4jTest(config = "classpath:calculator/App.config", transport = Wcf4jTransport.IN_MEMORY, typeNames = {
        @Wcf4jType(name = SERVICE, type = CalculatorService.class),
        @Wcf4jType(name = CONTRACT, type = Calculator.class)})
    class InMemory {
        @Test
        void theReliableSessionAndTheCallCrossTheInMemoryNetwork(
                @Wcf4jClient("WSHttpBinding_ICalculator") Calculator calc, InMemoryNetwork network, ServiceHost host) {
            assertEquals(5.0, calc.add(2, 3));
            assertTrue(host.endpoints().stream().allMatch(e -> e.address().getScheme().equals("inmemory")),
                    host.endpoints().toString());
            assertTrue(network.wire().stream().anyMatch(w -> w.contains("/CreateSequence</a:Action>")),
                    network.wire().toString());
            assertTrue(network.wire().stream().anyMatch(w -> w.contains("<Add xmlns=\"http://Microsoft.ServiceModel"
                    + ".Samples\"><n1>2")), network.wire().toString());
        }
    }
}
