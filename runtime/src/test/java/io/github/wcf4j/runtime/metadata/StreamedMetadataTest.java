package io.github.wcf4j.runtime.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.binding.transport.TransferMode;
import io.github.wcf4j.runtime.contract.ContractDescription;
import io.github.wcf4j.runtime.service.streamed.FileTransfer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

/**
 * Stream operations in metadata as WCF's {@code MessageContractExporter.ExportStreamBody} exports them: the stream part
 * is a required element of WCF's {@code StreamBody} type (base64 binary) in the generic message schema, which the
 * service publishes beside its message schema; the other half of the operation is exported as usual.
 */
class StreamedMetadataTest {
    private static final URI BASE = URI.create("http://localhost:8000/files");

    private static String get(ServiceMetadata m, String query) {
        return new String(m.get(query, BASE).orElseThrow(), StandardCharsets.UTF_8);
    }

    @Test
    void aStreamPartIsOfWcfsStreamBodyType() {
        CustomBinding streamed = CustomBinding.of("b", TextMessageEncodingBindingElement.defaults(),
                HttpTransportBindingElement.builder().transferMode(TransferMode.Streamed).build());
        ServiceMetadata m = WsdlExporter.export(new QName(WsdlExporter.TEMPURI, "FileTransferService"),
                List.of(new WsdlExporter.ExportedEndpoint("", ContractDescription.of(FileTransfer.class), streamed,
                        BASE)), "Default");
        String messages = get(m, "xsd=xsd0");
        assertTrue(messages.contains("<xs:import namespace=\"http://schemas.microsoft.com/Message\"/>"), messages);
        assertTrue(messages.contains("<xs:element name=\"Upload\"><xs:complexType><xs:sequence><xs:element"
                + " name=\"data\" type=\"q1:StreamBody\" xmlns:q1=\"http://schemas.microsoft.com/Message\"/>"
                + "</xs:sequence></xs:complexType></xs:element>"), messages);
        assertTrue(messages.contains("<xs:element name=\"UploadResponse\"><xs:complexType><xs:sequence>"
                + "<xs:element minOccurs=\"0\" name=\"UploadResult\" type=\"xs:long\"/></xs:sequence>"
                + "</xs:complexType></xs:element>"), messages);
        assertTrue(messages.contains("<xs:element name=\"DownloadResponse\"><xs:complexType><xs:sequence>"
                + "<xs:element name=\"DownloadResult\" type=\"q2:StreamBody\""
                + " xmlns:q2=\"http://schemas.microsoft.com/Message\"/></xs:sequence></xs:complexType></xs:element>"),
                messages);
        assertEquals("<?xml version=\"1.0\" encoding=\"utf-8\"?><xs:schema elementFormDefault=\"qualified\" targetNamespace=\"http://schemas.microsoft.com/Message\""
                + " xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" xmlns:tns=\"http://schemas.microsoft.com/Message\">"
                + "<xs:simpleType name=\"StreamBody\"><xs:restriction base=\"xs:base64Binary\"/></xs:simpleType>"
                + "</xs:schema>", get(m, "xsd=xsd1"));
        assertTrue(get(m, "xsd=xsd2").contains(
                "targetNamespace=\"http://schemas.microsoft.com/2003/10/Serialization/\""));
    }
}
