package io.github.wcf4j.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.config.ServiceModelConfigReader;
import io.github.wcf4j.runtime.service.HostedEndpoint;
import io.github.wcf4j.runtime.service.ServiceHost;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a WCF client puts on the wire, byte for byte (HTTP/1.1 with {@code Expect: 100-continue}, a SOAP 1.2 envelope
 * with WCF's prefixes and addressing headers), and the exact reply a WCF service gives it.
 */
class WcfWireTest {
    private static final String NS = "http://Microsoft.ServiceModel.Samples";
    private static final String ID = "urn:uuid:4b1fe5a7-0f3c-4a4e-9f55-6a7fe8d2b0c1";
    private ServiceHost host;
    private URI address;

    @BeforeEach
    void start() {
        ServiceModelConfiguration c = ServiceModelConfigReader.create().read("wire.config",
                "<configuration><system.serviceModel><services><service name=\""
                        + "Microsoft.ServiceModel.Samples.CalculatorService\"><endpoint address=\"\""
                        + " binding=\"customBinding\" bindingConfiguration=\"text\""
                        + " contract=\"Microsoft.ServiceModel.Samples.ICalculator\"/></service></services><bindings>"
                        + "<customBinding><binding name=\"text\"><textMessageEncoding/><httpTransport/></binding>"
                        + "</customBinding></bindings></system.serviceModel></configuration>").orThrow();
        host = ServiceHost.builder(c.service("Microsoft.ServiceModel.Samples.CalculatorService").orElseThrow())
                .baseAddress(URI.create("http://localhost:0/servicemodelsamples/service.svc")).build();
        host.open();
        HostedEndpoint e = host.endpoints().get(0);
        address = e.address();
    }

    @AfterEach
    void stop() {
        host.close();
    }

    private String request(String action, String body) {
        return "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:a=\"http://www.w3.org/2005/08/addressing\"><s:Header>"
                + "<a:Action s:mustUnderstand=\"1\">" + action + "</a:Action>"
                + "<a:MessageID>" + ID + "</a:MessageID>"
                + "<a:ReplyTo><a:Address>http://www.w3.org/2005/08/addressing/anonymous</a:Address></a:ReplyTo>"
                + "<a:To s:mustUnderstand=\"1\">" + address + "</a:To>"
                + "</s:Header><s:Body>" + body + "</s:Body></s:Envelope>";
    }

    /** One exchange as .NET's HttpWebRequest makes it: headers, wait for 100 Continue, then the body. */
    private Map<String, String> post(String envelope) throws IOException {
        byte[] body = envelope.getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket(address.getHost(), address.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(("POST " + address.getPath() + " HTTP/1.1\r\n"
                    + "Content-Type: application/soap+xml; charset=utf-8\r\n"
                    + "Host: localhost:" + address.getPort() + "\r\n"
                    + "Content-Length: " + body.length + "\r\n"
                    + "Expect: 100-continue\r\n"
                    + "Accept-Encoding: gzip, deflate\r\n"
                    + "Connection: Keep-Alive\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Map<String, String> interim = readHead(in);
            assertEquals("HTTP/1.1 100 Continue", interim.get(":status"));
            out.write(body);
            out.flush();
            Map<String, String> response = readHead(in);
            int length = Integer.parseInt(response.get("content-length"));
            response.put(":body", new String(in.readNBytes(length), StandardCharsets.UTF_8));
            return response;
        }
    }

    private static Map<String, String> readHead(InputStream in) throws IOException {
        Map<String, String> head = new LinkedHashMap<>();
        head.put(":status", line(in));
        String l;
        while (!(l = line(in)).isEmpty()) {
            int colon = l.indexOf(':');
            head.put(l.substring(0, colon).toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
        }
        return head;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aWcfRequestGetsWcfsReplyByteForByte() throws IOException {
        Map<String, String> r = post(request(NS + "/ICalculator/Add",
                "<Add xmlns=\"" + NS + "\"><n1>100</n1><n2>15.99</n2></Add>"));
        assertEquals("HTTP/1.1 200 OK", r.get(":status"));
        assertEquals("application/soap+xml; charset=utf-8", r.get("content-type"));
        assertEquals("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:a=\"http://www.w3.org/2005/08/addressing\"><s:Header>"
                + "<a:Action s:mustUnderstand=\"1\">" + NS + "/ICalculator/AddResponse</a:Action>"
                + "<a:RelatesTo>" + ID + "</a:RelatesTo></s:Header><s:Body>"
                + "<AddResponse xmlns=\"" + NS + "\"><AddResult>115.99</AddResult></AddResponse>"
                + "</s:Body></s:Envelope>", r.get(":body"));
    }

    @Test
    void anUnknownActionGetsWcfsActionNotSupportedFault() throws IOException {
        Map<String, String> r = post(request(NS + "/ICalculator/Sqrt",
                "<Sqrt xmlns=\"" + NS + "\"><n>2</n></Sqrt>"));
        assertEquals("HTTP/1.1 500 Internal Server Error", r.get(":status"));
        assertEquals("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:a=\"http://www.w3.org/2005/08/addressing\"><s:Header>"
                + "<a:Action s:mustUnderstand=\"1\">http://www.w3.org/2005/08/addressing/fault</a:Action>"
                + "<a:RelatesTo>" + ID + "</a:RelatesTo></s:Header><s:Body><s:Fault><s:Code><s:Value>s:Sender</s:Value>"
                + "<s:Subcode><s:Value>a:ActionNotSupported</s:Value></s:Subcode></s:Code><s:Reason>"
                + "<s:Text xml:lang=\"en-US\">" + WcfText.SFxNoEndpointMatchingContract.format(NS + "/ICalculator/Sqrt")
                + "</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>", r.get(":body"));
    }
}
