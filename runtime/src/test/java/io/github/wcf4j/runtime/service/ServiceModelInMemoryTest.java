package io.github.wcf4j.runtime.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.oneway.OneWayBindingElement;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.metro.Calculator;
import io.github.wcf4j.runtime.metro.CalculatorService;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.SystemScheduler;
import io.github.wcf4j.runtime.transport.inmemory.InMemoryNetwork;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The service model end to end over in-memory transports: host, proxy, instancing and faults. */
class ServiceModelInMemoryTest {
    static final String CONTRACT = "Microsoft.ServiceModel.Samples.ICalculator";
    static final String SERVICE = "Microsoft.ServiceModel.Samples.CalculatorService";
    private static final URI BASE = URI.create("inmemory://localhost/servicemodelsamples/service.svc");

    private final SystemScheduler scheduler = new SystemScheduler();
    private final InMemoryNetwork network = new InMemoryNetwork(scheduler);
    private final ServiceTypes types = ServiceTypes.empty().map(SERVICE, CalculatorService.class)
            .map(CONTRACT, Calculator.class);
    private ServiceHost host;
    private ClientFactory<Calculator> client;

    @AfterEach
    void close() {
        if (client != null) {
            client.abort();
        }
        if (host != null) {
            host.abort();
        }
        scheduler.close();
    }

    private static ServiceDescription service(Binding binding) {
        return new ServiceDescription(SERVICE, Optional.empty(), List.of(), List.of(new ServiceEndpoint("", "",
                "customBinding", "b", binding, CONTRACT, Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty())));
    }

    private Calculator call(Binding binding) {
        host = ServiceHost.builder(service(binding)).types(types).baseAddress(BASE)
                .parameter(Scheduler.class, scheduler).parameter(InMemoryNetwork.class, network).build();
        host.open();
        client = ClientFactory.builder(new ClientEndpoint("", BASE, "customBinding", "b", binding, CONTRACT,
                Optional.empty(), Optional.empty(), List.of(), Optional.empty()), Calculator.class)
                .parameter(Scheduler.class, scheduler)
                .parameter(InMemoryNetwork.class, network).build();
        return client.createChannel();
    }

    @Test
    void requestReplyOverTheHttpLikeTransport() {
        Calculator calc = call(CustomBinding.of("b", TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.requestReply()));
        assertEquals(115.99, calc.add(100, 15.99), 1e-9);
        assertEquals(-1.0, calc.subtract(2, 3));
        assertEquals(ChannelShape.REPLY, host.endpoints().get(0).shape());
        assertEquals(ChannelShape.REQUEST, client.shape());
    }

    @Test
    void anUnhandledServiceExceptionReachesTheClientAsWcfsFault() {
        Calculator calc = call(CustomBinding.of("b", TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.requestReply()));
        SOAPFaultException e = assertThrows(SOAPFaultException.class, () -> calc.divide(1, 0));
        assertEquals(WcfText.SFxInternalServerError.format(), e.getFault().getFaultString());
        assertEquals("InternalServiceFault", e.getFault().getFaultSubcodes().next().getLocalPart());
    }

    @Test
    void compositeDuplexWithOneWayCarriesTwoWayCallsBothWays() {
        Calculator calc = call(CustomBinding.of("b", CompositeDuplexBindingElement.defaults(),
                OneWayBindingElement.defaults(), TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.requestReply()));
        assertEquals(ChannelShape.DUPLEX, client.shape());
        assertEquals(ChannelShape.DUPLEX, host.endpoints().get(0).shape());
        assertEquals(5.0, calc.add(2, 3));
        assertEquals(7.0, calc.add(3, 4));
        calc.reset(0); // one-way
    }

    @Test
    void soap11WithoutAddressingAsBasicHttpBindingSpeaksIt() {
        Calculator calc = call(CustomBinding.of("b", TextMessageEncodingBindingElement.defaults()
                .withMessageVersion(MessageVersion.SOAP11), InMemoryTransportBindingElement.requestReply()));
        assertEquals(5.0, calc.add(2, 3));
        String wire = network.wire().get(0).envelope();
        assertTrue(wire.startsWith("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body>"),
                wire);
    }

    @Test
    void perSessionInstancingOverDuplexSessions() {
        Calculator first = call(CustomBinding.of("b", TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.duplexSession()));
        assertEquals(ChannelShape.DUPLEX_SESSION, client.shape());
        Calculator second = client.createChannel();
        int a = first.instanceId();
        assertEquals(a, first.instanceId());
        int b = second.instanceId();
        assertEquals(b, second.instanceId());
        assertNotEquals(a, b);
    }

    @Test
    void datagramChannelsGetANewObjectPerCall() {
        Calculator calc = call(CustomBinding.of("b", TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.requestReply()));
        assertNotEquals(calc.instanceId(), calc.instanceId());
    }
}
