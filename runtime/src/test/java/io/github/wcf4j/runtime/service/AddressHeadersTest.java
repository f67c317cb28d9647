package io.github.wcf4j.runtime.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.address.AddressHeader;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.channel.RequestChannel;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.message.BufferedHeader;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.metro.Calculator;
import io.github.wcf4j.runtime.metro.CalculatorService;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.SystemScheduler;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.InMemoryNetwork;
import io.github.wcf4j.runtime.transport.inmemory.WireRecord;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A service endpoint's {@code <headers>}: WCF's address filter serves only messages that carry them (a wcf4j client
 * configured with them sends them as reference parameters), and answers any other with its AddressFilter mismatch
 * fault.
 */
class AddressHeadersTest {
    private static final String NS = "http://Microsoft.ServiceModel.Samples";
    private static final String ID = "urn:uuid:00000000-0000-0000-0000-000000000001";
    private static final URI AT = URI.create("inmemory://localhost/calc");
    private static final Duration T = Duration.ofSeconds(10);
    private static final AddressHeader TENANT = new AddressHeader("Tenant", "urn:tenants",
            "<t:Tenant xmlns:t=\"urn:tenants\" region=\"eu\">blue</t:Tenant>");

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

    private static CustomBinding binding() {
        return CustomBinding.of("b", TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.requestReply());
    }

    private void host(List<AddressHeader> headers) {
        ServiceDescription d = new ServiceDescription("Calc", Optional.empty(), List.of(AT), List.of(
                new ServiceEndpoint("", "", "customBinding", "b", binding(), "ICalc", Optional.empty(),
                        Optional.empty(), Optional.empty(), headers, Optional.empty())));
        ServiceHost host = ServiceHost.builder(d).types(ServiceTypes.empty().map("Calc", CalculatorService.class)
                .map("ICalc", Calculator.class)).parameter(Scheduler.class, scheduler)
                .parameter(InMemoryNetwork.class, network).build();
        opened.add(host);
        host.open();
    }

    private Calculator client(List<AddressHeader> headers) {
        Binding b = binding();
        ClientFactory<Calculator> f = ClientFactory.builder(new ClientEndpoint("", AT, "customBinding", "b", b,
                "ICalc", Optional.empty(), Optional.empty(), headers, Optional.empty()), Calculator.class)
                .parameter(Scheduler.class, scheduler).parameter(InMemoryNetwork.class, network).build();
        opened.add(f);
        return f.createChannel();
    }

    /** The reply to a hand-made Add request carrying {@code headers} (standalone XML). */
    private Message rawAdd(String... headers) {
        ChannelFactory<RequestChannel> f = ChannelStackBuilder.standard().buildFactory(binding(),
                ChannelType.REQUEST, new BindingParameters().put(Scheduler.class, scheduler)
                        .put(InMemoryNetwork.class, network));
        opened.add(f::abort);
        Futures.join(f.open(T));
        RequestChannel c = f.createChannel(EndpointAddress.of(AT), AT);
        Futures.join(c.open(T));
        Message m = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, NS + "/ICalculator/Add",
                new XmlFragment("<Add xmlns=\"" + NS + "\"><n1>1</n1><n2>2</n2></Add>"));
        m.headers().messageId(ID);
        m.headers().replyTo(EndpointAddress.ANONYMOUS);
        for (String h : headers) {
            m.headers().add(new BufferedHeader(new QName("urn:tenants", "Tenant"), false, new XmlFragment(h)));
        }
        return Futures.join(c.request(m, T));
    }

    private String replyOnTheWire() {
        return network.wire().stream().filter(r -> r.direction() == Direction.SERVICE_TO_CLIENT)
                .map(WireRecord::envelope).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void aClientConfiguredWithTheHeadersIsServed() {
        host(List.of(TENANT));
        assertEquals(3.0, client(List.of(TENANT)).add(1, 2));
        String request = network.wire().stream().filter(r -> r.direction() == Direction.CLIENT_TO_SERVICE)
                .map(WireRecord::envelope).reduce((a, b) -> b).orElseThrow();
        assertTrue(request.contains("IsReferenceParameter=\"true\""), request);
    }

    @Test
    void aMessageWithoutTheHeadersGetsWcfsAddressFilterMismatchFault() {
        host(List.of(TENANT));
        Message reply = rawAdd();
        assertEquals("The message with To 'inmemory://localhost/calc' cannot be processed at the receiver, due to an"
                + " AddressFilter mismatch at the EndpointDispatcher.  Check that the sender and receiver's"
                + " EndpointAddresses agree.", reply.fault().orElseThrow().reason());
        assertEquals("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\"http://www.w3.org/2005/"
                + "08/addressing\"><s:Header><a:Action s:mustUnderstand=\"1\">http://www.w3.org/2005/08/addressing/"
                + "soap/fault</a:Action><a:RelatesTo>" + ID + "</a:RelatesTo></s:Header><s:Body><s:Fault><s:Code>"
                + "<s:Value>s:Sender</s:Value><s:Subcode><s:Value>a:DestinationUnreachable</s:Value></s:Subcode>"
                + "</s:Code><s:Reason><s:Text xml:lang=\"en-US\">The message with To 'inmemory://localhost/calc'"
                + " cannot be processed at the receiver, due to an AddressFilter mismatch at the EndpointDispatcher. "
                + " Check that the sender and receiver's EndpointAddresses agree.</s:Text></s:Reason></s:Fault>"
                + "</s:Body></s:Envelope>", replyOnTheWire());
    }

    @Test
    void theHeaderMustBeAReferenceParameterAndEqualUpToPrefixesAndAttributeOrder() {
        host(List.of(TENANT));
        assertTrue(rawAdd("<t:Tenant xmlns:t=\"urn:tenants\" region=\"eu\">blue</t:Tenant>").isFault(),
                "under WS-Addressing 1.0 only reference parameters count");
        Message served = rawAdd("<x:Tenant xmlns:x=\"urn:tenants\" xmlns:a=\"http://www.w3.org/2005/08/addressing\""
                + " a:IsReferenceParameter=\"true\" region=\"eu\">blue</x:Tenant>");
        assertTrue(!served.isFault() && served.body().xml().contains("<AddResult>3"), served.body().xml());
        assertTrue(rawAdd("<x:Tenant xmlns:x=\"urn:tenants\" xmlns:a=\"http://www.w3.org/2005/08/addressing\""
                + " a:IsReferenceParameter=\"true\" region=\"eu\">green</x:Tenant>").isFault());
    }

    @Test
    void aClientWithOtherHeaderValuesIsNotServed() {
        host(List.of(TENANT));
        Calculator calc = client(List.of(new AddressHeader("Tenant", "urn:tenants",
                "<t:Tenant xmlns:t=\"urn:tenants\" region=\"us\">blue</t:Tenant>")));
        RuntimeException e = assertThrows(RuntimeException.class, () -> calc.add(1, 2));
        assertTrue(e.getMessage().contains("AddressFilter mismatch"), e.getMessage());
    }
}
