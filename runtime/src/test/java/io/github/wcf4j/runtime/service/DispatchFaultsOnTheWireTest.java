package io.github.wcf4j.runtime.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.description.ServiceBehaviorElement;
import io.github.wcf4j.binding.description.ServiceDebugBehavior;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.channel.RequestChannel;
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
import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The faults WCF's dispatcher sends, as they appear on the wire (from the service's side of the in-memory wire). */
class DispatchFaultsOnTheWireTest {
    private static final String NS = "http://Microsoft.ServiceModel.Samples";
    private static final String ID = "urn:uuid:00000000-0000-0000-0000-000000000001";
    private static final URI AT = URI.create("inmemory://localhost/calc");
    private static final Duration T = Duration.ofSeconds(10);
    private static final String ENVELOPE = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
            + " xmlns:a=\"http://www.w3.org/2005/08/addressing\">";

    private final SystemScheduler scheduler = new SystemScheduler();
    private final InMemoryNetwork network = new InMemoryNetwork(scheduler);
    private ServiceHost host;
    private ChannelFactory<?> factory;

    @AfterEach
    void close() {
        if (factory != null) {
            factory.abort();
        }
        if (host != null) {
            host.abort();
        }
        scheduler.close();
    }

    private void host(Binding binding, boolean debug) {
        ServiceBehaviorElement behavior = new ServiceBehaviorElement("b", Optional.empty(), Optional.of(
                new ServiceDebugBehavior(debug, true, true)), Optional.empty(), List.of());
        ServiceDescription d = new ServiceDescription("Calc", Optional.of(behavior), List.of(AT), List.of(
                new ServiceEndpoint("", "", "customBinding", "b", binding, "ICalc", Optional.empty(),
                        Optional.empty(), Optional.empty(), List.of(), Optional.empty())));
        host = ServiceHost.builder(d).types(ServiceTypes.empty().map("Calc", CalculatorService.class)
                .map("ICalc", Calculator.class)).parameter(Scheduler.class, scheduler)
                .parameter(InMemoryNetwork.class, network).build();
        host.open();
    }

    private static CustomBinding text(InMemoryTransportBindingElement t) {
        return CustomBinding.of("b", TextMessageEncodingBindingElement.defaults(), t);
    }

    private RequestChannel client(Binding binding) {
        return client(binding, EndpointAddress.of(AT));
    }

    /** A request channel to {@code to}, physically sent to the service's address. */
    private RequestChannel client(Binding binding, EndpointAddress to) {
        ChannelFactory<RequestChannel> f = ChannelStackBuilder.standard().<RequestChannel>buildFactory(binding,
                ChannelType.REQUEST, new BindingParameters().put(Scheduler.class, scheduler)
                        .put(InMemoryNetwork.class, network));
        factory = f;
        Futures.join(f.open(T));
        RequestChannel c = f.createChannel(to, AT);
        Futures.join(c.open(T));
        return c;
    }

    private static Message request(MessageVersion v, String action, String body) {
        Message m = Message.create(v, action, new XmlFragment(body));
        m.headers().messageId(ID);
        m.headers().replyTo(EndpointAddress.ANONYMOUS);
        return m;
    }

    /** The reply as the service put it on the wire. */
    private String replyOnTheWire() {
        return network.wire().stream().filter(r -> r.direction() == Direction.SERVICE_TO_CLIENT)
                .map(WireRecord::envelope).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void anUnhandledExceptionIsTheFaultOfLastResort() {
        CustomBinding b = text(InMemoryTransportBindingElement.requestReply());
        host(b, false);
        Message reply = Futures.join(client(b).request(request(MessageVersion.SOAP12_WS_ADDRESSING10,
                NS + "/ICalculator/Divide", "<Divide xmlns=\"" + NS + "\"><n1>1</n1><n2>0</n2></Divide>"), T));
        assertTrue(reply.isFault());
        assertEquals(ENVELOPE + "<s:Header><a:Action s:mustUnderstand=\"1\">http://schemas.microsoft.com/net/2005/12/"
                + "windowscommunicationfoundation/dispatcher/fault</a:Action><a:RelatesTo>" + ID + "</a:RelatesTo>"
                + "</s:Header><s:Body><s:Fault><s:Code><s:Value>s:Receiver</s:Value><s:Subcode><s:Value"
                + " xmlns:a=\"http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher\">"
                + "a:InternalServiceFault</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang=\"en-US\">"
                + WcfText.SFxInternalServerError.format().replace("<", "&lt;").replace(">", "&gt;")
                + "</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>", replyOnTheWire());
    }

    @Test
    void withServiceDebugTheFaultCarriesTheExceptionDetail() {
        CustomBinding b = text(InMemoryTransportBindingElement.requestReply());
        host(b, true);
        Message reply = Futures.join(client(b).request(request(MessageVersion.SOAP12_WS_ADDRESSING10,
                NS + "/ICalculator/Divide", "<Divide xmlns=\"" + NS + "\"><n1>1</n1><n2>0</n2></Divide>"), T));
        assertEquals("Divide by zero", reply.fault().orElseThrow().reason());
        String wire = replyOnTheWire();
        assertTrue(wire.contains("<s:Detail><ExceptionDetail xmlns=\"http://schemas.datacontract.org/2004/07/"
                + "System.ServiceModel\" xmlns:i=\"http://www.w3.org/2001/XMLSchema-instance\"><HelpLink i:nil=\"true\"/>"
                + "<InnerException i:nil=\"true\"/><Message>Divide by zero</Message><StackTrace>"), wire);
        assertTrue(wire.contains("<Type>java.lang.ArithmeticException</Type></ExceptionDetail></s:Detail>"), wire);
    }

    @Test
    void aToForAnotherAddressIsDestinationUnreachable() {
        CustomBinding b = text(InMemoryTransportBindingElement.requestReply());
        host(b, false);
        RequestChannel c = client(b, EndpointAddress.of("inmemory://localhost/elsewhere"));
        Message reply = Futures.join(c.request(request(MessageVersion.SOAP12_WS_ADDRESSING10,
                NS + "/ICalculator/Add", "<Add xmlns=\"" + NS + "\"><n1>1</n1><n2>2</n2></Add>"), T));
        assertEquals(WcfText.SFxNoEndpointMatchingAddress.format("inmemory://localhost/elsewhere"),
                reply.fault().orElseThrow().reason());
        assertEquals("DestinationUnreachable", reply.fault().orElseThrow().subcode().orElseThrow().getLocalPart());
        assertEquals("http://www.w3.org/2005/08/addressing/soap/fault", reply.headers().action());
    }

    @Test
    void aMissingActionIsMessageAddressingHeaderRequired() {
        CustomBinding b = text(InMemoryTransportBindingElement.requestReply());
        host(b, false);
        Message reply = Futures.join(client(b).request(request(MessageVersion.SOAP12_WS_ADDRESSING10, null,
                "<Add xmlns=\"" + NS + "\"/>"), T));
        assertEquals(WcfText.SFxMissingActionHeader.format("http://www.w3.org/2005/08/addressing"),
                reply.fault().orElseThrow().reason());
        assertEquals("http://www.w3.org/2005/08/addressing/fault", reply.headers().action());
        assertTrue(replyOnTheWire().contains("<s:Detail><a:ProblemHeaderQName xmlns:a=\"http://www.w3.org/2005/08/"
                + "addressing\">a:Action</a:ProblemHeaderQName></s:Detail>"), replyOnTheWire());
    }

    @Test
    void anUnderstoodNobodyHeaderIsAMustUnderstandFaultWithNotUnderstood() {
        CustomBinding b = text(InMemoryTransportBindingElement.requestReply());
        host(b, false);
        Message m = request(MessageVersion.SOAP12_WS_ADDRESSING10, NS + "/ICalculator/Add",
                "<Add xmlns=\"" + NS + "\"><n1>1</n1><n2>2</n2></Add>");
        m.headers().add(new BufferedHeader(new QName("urn:custom", "Ticket"), true, new XmlFragment(
                "<t:Ticket xmlns:t=\"urn:custom\" xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                        + " s:mustUnderstand=\"1\">x</t:Ticket>")));
        Message reply = Futures.join(client(b).request(m, T));
        assertEquals(WcfText.SFxHeaderNotUnderstood.format("Ticket", "urn:custom"),
                reply.fault().orElseThrow().reason());
        String wire = replyOnTheWire();
        assertTrue(wire.contains("<s:NotUnderstood qname=\"b:Ticket\" xmlns:b=\"urn:custom\"/>"), wire);
        assertTrue(wire.contains("<s:Value>s:MustUnderstand</s:Value>"), wire);
    }

    @Test
    void soap11FaultsUseTheSubcodeAsFaultcode() {
        CustomBinding b = CustomBinding.of("b", TextMessageEncodingBindingElement.defaults()
                .withMessageVersion(MessageVersion.SOAP11), InMemoryTransportBindingElement.requestReply());
        host(b, false);
        Message reply = Futures.join(client(b).request(Message.create(MessageVersion.SOAP11, NS + "/ICalculator/Nope",
                new XmlFragment("<Nope xmlns=\"" + NS + "\"/>")), T));
        assertTrue(reply.isFault());
        String wire = replyOnTheWire();
        assertEquals("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><s:Fault><faultcode"
                + " xmlns:a=\"http://schemas.microsoft.com/ws/2005/05/addressing/none\">a:ActionNotSupported</faultcode>"
                + "<faultstring xml:lang=\"en-US\">" + WcfText.SFxNoEndpointMatchingContract.format(
                        NS + "/ICalculator/Nope") + "</faultstring></s:Fault></s:Body></s:Envelope>", wire);
    }

    @Test
    void anUnknownActionLaterInASessionIsAnsweredWithTheActionAsDetail() {
        CustomBinding b = text(InMemoryTransportBindingElement.duplexSession());
        host(b, false);
        ChannelFactory<DuplexSessionChannel> f = ChannelStackBuilder.standard().<DuplexSessionChannel>buildFactory(b,
                ChannelType.DUPLEX_SESSION, new BindingParameters()
                        .put(Scheduler.class, scheduler).put(InMemoryNetwork.class, network));
        factory = f;
        Futures.join(f.open(T));
        DuplexSessionChannel c = f.createChannel(EndpointAddress.of(AT));
        Futures.join(c.open(T));
        Futures.join(c.send(request(MessageVersion.SOAP12_WS_ADDRESSING10, NS + "/ICalculator/Add",
                "<Add xmlns=\"" + NS + "\"><n1>1</n1><n2>2</n2></Add>"), T));
        assertEquals("<AddResponse xmlns=\"" + NS + "\"><AddResult>3.0</AddResult></AddResponse>",
                Futures.join(c.receive(T)).orElseThrow().body().xml());
        Futures.join(c.send(request(MessageVersion.SOAP12_WS_ADDRESSING10, NS + "/ICalculator/Nope",
                "<Nope xmlns=\"" + NS + "\"/>"), T));
        Message fault = Futures.join(c.receive(T)).orElseThrow();
        assertEquals("http://www.w3.org/2005/08/addressing/soap/fault", fault.headers().action());
        assertEquals("<string xmlns=\"http://schemas.microsoft.com/2003/10/Serialization/\">" + NS
                + "/ICalculator/Nope</string>", fault.fault().orElseThrow().detail().orElseThrow().xml());
    }
}
