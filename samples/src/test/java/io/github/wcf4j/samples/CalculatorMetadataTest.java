package io.github.wcf4j.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.config.ServiceModelConfigReader;
import io.github.wcf4j.junit.Wcf4jTest;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.service.HostedEndpoint;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.transport.http.TlsSettings;
import jakarta.xml.ws.Service;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed service publishes its metadata as WCF does, over real loopback HTTP: {@code ?wsdl} and the documents it
 * imports, {@code ?singleWsdl}, the help page, and WS-MetadataExchange on its {@code mex} endpoint; and a JAX-WS
 * runtime reads the published WSDL.
 */
@Wcf4jTest(config = "classpath:io/github/wcf4j/samples/seed-configs/calculator-service.no-security.config",
        baseAddresses = "http://localhost:0/servicemodelsamples/service.svc")
class CalculatorMetadataTest {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private ServiceHost host;
    private URI service;
    private URI mex;

    @BeforeEach
    void endpoints(ServiceHost hosted) {
        host = hosted;
        List<HostedEndpoint> endpoints = host.endpoints();
        service = endpoints.get(0).address();
        mex = endpoints.get(1).address();
    }

    private HttpResponse<String> get(String query) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(service + query)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void wsdlAndTheDocumentsItImports() throws Exception {
        HttpResponse<String> wsdl = get("?wsdl");
        assertEquals(200, wsdl.statusCode());
        assertEquals("text/xml; charset=UTF-8", wsdl.headers().firstValue("Content-Type").orElseThrow());
        String body = wsdl.body();
        assertTrue(body.startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><wsdl:definitions"
                + " name=\"CalculatorService\" targetNamespace=\"http://tempuri.org/\""), body);
        assertTrue(body.contains("<wsp:Policy wsu:Id=\"CustomBinding_ICalculator_policy\"><wsp:ExactlyOne><wsp:All>"
                + "<wsrm:RMAssertion xmlns:wsrm=\"http://schemas.xmlsoap.org/ws/2005/02/rm/policy\">"
                + "<wsrm:InactivityTimeout Milliseconds=\"600000\"/><wsrm:AcknowledgementInterval Milliseconds=\"200\"/>"
                + "</wsrm:RMAssertion><cdp:CompositeDuplex xmlns:cdp=\"http://schemas.microsoft.com/net/2006/06/duplex\"/>"
                + "<ow:OneWay xmlns:ow=\"http://schemas.microsoft.com/ws/2005/05/routing/policy\"/>"
                + "<wsaw:UsingAddressing/></wsp:All></wsp:ExactlyOne></wsp:Policy>"), body);
        assertTrue(body.contains("<wsdl:import namespace=\"http://Microsoft.ServiceModel.Samples\" location=\""
                + service + "?wsdl=wsdl0\"/>"), body);
        assertTrue(body.contains("<soap12:address location=\"" + service + "\"/>"), body);
        assertTrue(!body.contains("IMetadataExchange"), "the mex endpoint is not described");
        String contract = get("?wsdl=wsdl0").body();
        assertTrue(contract.contains("<xsd:import schemaLocation=\"" + service + "?xsd=xsd0\""), contract);
        assertTrue(get("?xsd=xsd0").body().contains("<xs:element name=\"Add\">"));
        assertTrue(get("?xsd=xsd1").body().contains("targetNamespace=\"http://schemas.microsoft.com/2003/10/"
                + "Serialization/\""));
        String single = get("?singleWsdl").body();
        assertTrue(single.contains("targetNamespace=\"http://Microsoft.ServiceModel.Samples\"")
                && single.contains("<xs:element name=\"Add\">") && single.contains("binding=\"tns:"), single);
    }

    @Test
    void otherQueriesGetTheHelpPage() throws Exception {
        for (String q : new String[] {"", "?xsd=xsd9", "?foo"}) {
            HttpResponse<String> page = get(q);
            assertEquals(200, page.statusCode(), q);
            assertEquals("text/html; charset=UTF-8", page.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(page.body().contains("You have created a service."), page.body());
        }
        HttpResponse<String> tooLong = get("?wsdl&" + "x".repeat(2100));
        assertEquals(414, tooLong.statusCode());
    }

    @Test
    void metadataExchangeAnswersWsTransferGet() throws Exception {
        String get = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\"http://www.w3.org/2005/"
                + "08/addressing\"><s:Header><a:Action s:mustUnderstand=\"1\">http://schemas.xmlsoap.org/ws/2004/09/"
                + "transfer/Get</a:Action><a:MessageID>urn:uuid:4c4e7a7e-8a80-4e4e-9b9e-000000000001</a:MessageID>"
                + "<a:ReplyTo><a:Address>http://www.w3.org/2005/08/addressing/anonymous</a:Address></a:ReplyTo>"
                + "<a:To s:mustUnderstand=\"1\">" + mex + "</a:To></s:Header><s:Body/></s:Envelope>";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(mex).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/soap+xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(get)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        String body = r.body();
        assertTrue(body.contains("<a:Action s:mustUnderstand=\"1\">http://schemas.xmlsoap.org/ws/2004/09/transfer/"
                + "GetResponse</a:Action><a:RelatesTo>urn:uuid:4c4e7a7e-8a80-4e4e-9b9e-000000000001</a:RelatesTo>"),
                body);
        assertTrue(body.contains("<Metadata xmlns=\"http://schemas.xmlsoap.org/ws/2004/09/mex\" xmlns:wsx=\"http://"
                + "schemas.xmlsoap.org/ws/2004/09/mex\"><wsx:MetadataSection Dialect=\"http://schemas.xmlsoap.org/"
                + "wsdl/\" Identifier=\"http://Microsoft.ServiceModel.Samples\" xmlns=\"\"><wsdl:definitions"), body);
        assertEquals(4, body.split("<wsx:MetadataSection ").length - 1, "two WSDLs and two schemas, inline");
        HttpResponse<String> other = http.send(HttpRequest.newBuilder(mex).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/soap+xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(get.replace("transfer/Get", "mex/GetMetadata/Request")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(500, other.statusCode());
        assertTrue(other.body().contains("ActionNotSupported"), other.body());
    }

    @Test
    void aJaxWsRuntimeReadsThePublishedWsdl() throws Exception {
        Service s = Service.create(URI.create(service + "?wsdl").toURL(),
                new QName("http://tempuri.org/", "CalculatorService"));
        List<QName> ports = new ArrayList<>();
        s.getPorts().forEachRemaining(ports::add);
        assertEquals(List.of(new QName("http://tempuri.org/", "CustomBinding_ICalculator")), ports);
    }

    @Test
    void theWsdlCommandsMetadataIsTheHostsWithoutHosting() {
        ServiceModelConfiguration c = ServiceModelConfigReader.create()
                .read(CalculatorOverHttpTest.seed("calculator-service.no-security.config")).orThrow();
        String offline = new String(ServiceHost.metadataOf(c.service(CalculatorOverHttpTest.SERVICE).orElseThrow(),
                ServiceTypes.discovered(), List.of(service)).wsdl(service), StandardCharsets.UTF_8);
        assertEquals(new String(host.publishedMetadata().wsdl(service), StandardCharsets.UTF_8), offline);
    }

    /** {@code httpsGetEnabled}: the WSDL over TLS at the https base address, its imports pointing there too. */
    @Test
    void httpsGetServesTheWsdlOverTls(@TempDir Path dir) throws Exception {
        Path keyStore = dir.resolve("service.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString(), "-genkeypair", "-alias", "service", "-keyalg", "RSA", "-keysize", "2048", "-dname",
                "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String made = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, keytool.waitFor(), made);
        ServiceModelConfiguration c = ServiceModelConfigReader.create().read("https.config", "<configuration>"
                + "<system.serviceModel><services><service name=\"" + CalculatorOverHttpTest.SERVICE + "\""
                + " behaviorConfiguration=\"b\"><endpoint address=\"\" binding=\"basicHttpBinding\" contract=\""
                + "Microsoft.ServiceModel.Samples.ICalculator\"/></service></services><behaviors><serviceBehaviors>"
                + "<behavior name=\"b\"><serviceMetadata httpsGetEnabled=\"true\"/></behavior></serviceBehaviors>"
                + "</behaviors></system.serviceModel></configuration>").orThrow();
        ServiceHost secured = ServiceHost.builder(c.service(CalculatorOverHttpTest.SERVICE).orElseThrow())
                .baseAddress(URI.create("http://localhost:0/calc"))
                .baseAddress(URI.create("https://localhost:0/secure"))
                .parameter(TlsSettings.class,
                        TlsSettings.keyStore(keyStore,
                                "changeit".toCharArray())).build();
        try {
            secured.open();
            KeyStore trust = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                trust.load(in, "changeit".toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(
                    TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            HttpClient https = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls).build();
            URI metadata = secured.publishedMetadataAddresses().get(0);
            assertEquals("https", metadata.getScheme());
            HttpResponse<String> wsdl = https.send(HttpRequest.newBuilder(URI.create(metadata + "?wsdl"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, wsdl.statusCode());
            assertTrue(wsdl.body().contains("location=\"" + metadata + "?wsdl=wsdl0\""), wsdl.body());
            assertTrue(wsdl.body().contains("<wsdl:port name=\"BasicHttpBinding_ICalculator\""), wsdl.body());
            assertTrue(wsdl.body().contains("<soap:address location=\"http://localhost:"), "the endpoint stays http");
        } finally {
            secured.close();
        }
    }
}
