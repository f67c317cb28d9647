package io.github.wcf4j.runtime.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.address.AddressHeader;
import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.oneway.OneWayBindingElement;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.runtime.contract.ContractDescription;
import io.github.wcf4j.runtime.service.Chat;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

/**
 * The calculator's metadata byte for byte as WCF (.NET Framework 4.x, 64-bit host) publishes it: the expected
 * documents are the ones wcf-metadata.md derives from the reference source and real captures.
 */
class WsdlExporterTest {
    private static final URI BASE = URI.create("http://localhost:8000/ServiceModelSamples/service");
    private static final QName SERVICE = new QName(WsdlExporter.TEMPURI, "CalculatorService");

    static String expected(String name) {
        try (InputStream in = WsdlExporterTest.class.getResourceAsStream("/metadata/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ServiceMetadata export(CustomBinding binding) {
        return WsdlExporter.export(SERVICE, List.of(new WsdlExporter.ExportedEndpoint("",
                ContractDescription.of(ICalculator.class), binding, BASE)), "Default");
    }

    static CustomBinding seed(ReliableMessagingVersion v) {
        return CustomBinding.of("Binding1", ReliableSessionBindingElement.builder().reliableMessagingVersion(v)
                .build(), CompositeDuplexBindingElement.defaults(), OneWayBindingElement.defaults(),
                TextMessageEncodingBindingElement.defaults(), HttpTransportBindingElement.defaults());
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void theSeedBindingsServiceDocument() {
        ServiceMetadata m = export(seed(ReliableMessagingVersion.WS_RELIABLE_MESSAGING_FEBRUARY_2005));
        assertEquals(expected("seed-service.wsdl"), text(m.wsdl(BASE)));
    }

    @Test
    void theContractDocumentAndSchemas() {
        ServiceMetadata m = export(seed(ReliableMessagingVersion.WS_RELIABLE_MESSAGING_FEBRUARY_2005));
        assertEquals(expected("calculator-contract.wsdl"), text(m.get("wsdl=wsdl0", BASE).orElseThrow()));
        assertEquals(expected("calculator.xsd"), text(m.get("xsd=xsd0", BASE).orElseThrow()));
        assertEquals(expected("serialization.xsd"), text(m.get("XSD=XSD1", BASE).orElseThrow()),
                "query keys are case-insensitive");
        assertTrue(m.get("xsd=xsd2", BASE).isEmpty());
    }

    @Test
    void addressHeadersAreThePortsReferenceParameters() {
        AddressHeader tenant = new AddressHeader("Tenant", "urn:tenants",
                "<t:Tenant xmlns:t=\"urn:tenants\">blue</t:Tenant>");
        ServiceMetadata m = WsdlExporter.export(SERVICE, List.of(new WsdlExporter.ExportedEndpoint("",
                ContractDescription.of(ICalculator.class),
                seed(ReliableMessagingVersion.WS_RELIABLE_MESSAGING_FEBRUARY_2005), BASE, List.of(tenant))), "Default");
        String wsdl = text(m.wsdl(BASE));
        assertTrue(wsdl.contains("<wsa10:EndpointReference><wsa10:Address>" + BASE + "</wsa10:Address>"
                + "<wsa10:ReferenceParameters><t:Tenant xmlns:t=\"urn:tenants\">blue</t:Tenant>"
                + "</wsa10:ReferenceParameters></wsa10:EndpointReference>"), wsdl);
    }

    @Test
    void version11ExportsDeliveryAssuranceAndMicrosoftTimeouts() {
        CustomBinding b = CustomBinding.of("b", ReliableSessionBindingElement.builder()
                .reliableMessagingVersion(ReliableMessagingVersion.WS_RELIABLE_MESSAGING_11).build(),
                TextMessageEncodingBindingElement.defaults(), HttpTransportBindingElement.defaults());
        String wsdl = text(export(b).wsdl(BASE));
        assertTrue(wsdl.contains("<wsp:Policy wsu:Id=\"CustomBinding_ICalculator_policy\"><wsp:ExactlyOne>"
                + expected("rm11-policy.xml") + "</wsp:ExactlyOne></wsp:Policy>"), wsdl);
    }

    @Test
    void withoutAnEnvelopeTheBindingAndPortCarryNoSoapExtension() {
        CustomBinding b = CustomBinding.of("b", TextMessageEncodingBindingElement.defaults()
                .withMessageVersion(MessageVersion.NONE), HttpTransportBindingElement.defaults());
        String wsdl = text(export(b).wsdl(BASE));
        assertTrue(wsdl.contains("<wsdl:binding name=\"CustomBinding_ICalculator\" type=\"i0:ICalculator\">"
                + "<wsdl:operation name=\"Add\"><wsdl:input/><wsdl:output/></wsdl:operation>"), wsdl);
        assertTrue(wsdl.contains("<wsdl:port name=\"CustomBinding_ICalculator\""
                + " binding=\"tns:CustomBinding_ICalculator\"/>"), wsdl);
        assertFalse(wsdl.contains("soap:binding") || wsdl.contains("soap12:binding") || wsdl.contains(":address"),
                wsdl);
        assertFalse(wsdl.contains("wsp:PolicyReference"), wsdl);
    }

    @Test
    void aCallbackContractsOperationsAreExportedAsServerInitiated() {
        ServiceMetadata m = WsdlExporter.export(SERVICE, List.of(new WsdlExporter.ExportedEndpoint("",
                ContractDescription.of(Chat.class), seed(ReliableMessagingVersion.WS_RELIABLE_MESSAGING_FEBRUARY_2005),
                BASE)), "Default");
        String contract = text(m.get("wsdl=wsdl0", BASE).orElseThrow());
        String ns = "http://example.org/chat";
        assertTrue(contract.contains("<wsdl:message name=\"IChat_Receive_OutputCallbackMessage\"><wsdl:part"
                + " name=\"parameters\" element=\"tns:Receive\"/></wsdl:message>"
                + "<wsdl:message name=\"IChat_Answer_OutputCallbackMessage\"><wsdl:part name=\"parameters\""
                + " element=\"tns:Answer\"/></wsdl:message>"
                + "<wsdl:message name=\"IChat_Answer_InputCallbackMessage\"><wsdl:part name=\"parameters\""
                + " element=\"tns:AnswerResponse\"/></wsdl:message>"), contract);
        assertTrue(contract.contains("<wsdl:operation name=\"Receive\"><wsdl:output wsaw:Action=\"" + ns
                + "/IChat/Receive\" message=\"tns:IChat_Receive_OutputCallbackMessage\"/></wsdl:operation>"
                + "<wsdl:operation name=\"Answer\"><wsdl:output wsaw:Action=\"" + ns + "/IChat/Answer\""
                + " message=\"tns:IChat_Answer_OutputCallbackMessage\"/><wsdl:input wsaw:Action=\"" + ns
                + "/IChat/AnswerResponse\" message=\"tns:IChat_Answer_InputCallbackMessage\"/></wsdl:operation>"
                + "</wsdl:portType>"), contract);
        String schema = text(m.get("xsd=xsd0", BASE).orElseThrow());
        assertTrue(schema.contains("<xs:element name=\"Receive\">"), schema);
        assertTrue(schema.contains("<xs:element name=\"AnswerResponse\">"), schema);
        String service = text(m.wsdl(BASE));
        assertTrue(service.contains("<wsdl:operation name=\"Answer\"><soap12:operation soapAction=\"" + ns
                + "/IChat/Answer\" style=\"document\"/><wsdl:output><soap12:body use=\"literal\"/></wsdl:output>"
                + "<wsdl:input><soap12:body use=\"literal\"/></wsdl:input></wsdl:operation>"), service);
    }
}
