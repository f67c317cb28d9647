package io.github.wcf4j.runtime.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ProtocolMapping;
import io.github.wcf4j.binding.description.ProtocolMappingItem;
import io.github.wcf4j.binding.description.ServiceBehaviorElement;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.description.ServiceHostingEnvironment;
import io.github.wcf4j.binding.description.ServiceMetadataBehavior;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.binding.standard.BasicHttpBinding;
import io.github.wcf4j.binding.standard.BasicHttpsBinding;
import io.github.wcf4j.binding.standard.MetadataExchangeBindings;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.metro.Calculator;
import io.github.wcf4j.runtime.metro.CalculatorService;
import io.github.wcf4j.runtime.transport.http.SelfSignedKeyStore;
import io.github.wcf4j.runtime.transport.http.TlsSettings;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hosting over HTTPS on loopback: {@code basicHttpsBinding}, a host with an http and an https base address at once
 * (each endpoint resolved against its binding's scheme), {@code mexHttpsBinding}, and default endpoints per scheme.
 */
class HttpsEndpointsHostTest {
    private static final String SERVICE = "Samples.CalculatorService";
    private static final String CONTRACT = Calculator.class.getName();
    private static final URI HTTP = URI.create("http://localhost:0/calc");
    private static final URI HTTPS = URI.create("https://localhost:0/calc");

    @TempDir
    static Path dir;
    static TlsSettings tls;
    static Path keyStore;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeAll
    static void createKeyStore() throws Exception {
        keyStore = SelfSignedKeyStore.create(dir.resolve("service.p12"), "localhost", "dns:localhost,ip:127.0.0.1");
        tls = TlsSettings.keyStore(keyStore, SelfSignedKeyStore.PASSWORD);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    private static ServiceEndpoint endpoint(String address, Binding binding, String contract) {
        return new ServiceEndpoint("", address, binding.sectionName(), "", binding, contract, Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty());
    }

    private ServiceHost open(ServiceHost.Builder b) {
        ServiceHost host = b.types(ServiceTypes.empty().map(SERVICE, CalculatorService.class))
                .parameter(TlsSettings.class, tls).build();
        opened.add(host);
        host.open();
        return host;
    }

    private ServiceHost open(ServiceDescription service, URI... baseAddresses) {
        ServiceHost.Builder b = ServiceHost.builder(service);
        for (URI u : baseAddresses) {
            b.baseAddress(u);
        }
        return open(b);
    }

    private Calculator client(URI at, Binding binding) {
        ClientFactory<Calculator> f = ClientFactory.builder(new ClientEndpoint("", at, binding.sectionName(), "",
                binding, CONTRACT, Optional.empty(), Optional.empty(), List.of(), Optional.empty()), Calculator.class)
                .parameter(TlsSettings.class, tls).build();
        opened.add(f);
        return f.createChannel();
    }

    @Test
    void basicHttpsBindingServesSoap11OverTls() {
        ServiceHost host = open(new ServiceDescription(SERVICE, Optional.empty(), List.of(), List.of(
                endpoint("", BasicHttpsBinding.defaults(""), CONTRACT))), HTTPS);
        URI at = host.endpoints().get(0).address();
        assertEquals("https", at.getScheme());
        assertEquals(5.0, client(at, BasicHttpsBinding.defaults("")).add(2, 3));
    }

    @Test
    void httpAndHttpsBaseAddressesAtOnceEachEndpointAtItsSchemesBase() {
        ServiceHost host = open(new ServiceDescription(SERVICE, Optional.empty(), List.of(), List.of(
                endpoint("", BasicHttpBinding.defaults(""), CONTRACT),
                endpoint("secure", BasicHttpsBinding.defaults(""), CONTRACT))), HTTP, HTTPS);
        URI plain = host.endpoints().get(0).address();
        URI secure = host.endpoints().get(1).address();
        assertEquals("http", plain.getScheme());
        assertEquals("https", secure.getScheme());
        assertTrue(secure.getPath().endsWith("/calc/secure"), secure.toString());
        assertEquals(3.0, client(plain, BasicHttpBinding.defaults("")).add(1, 2));
        assertEquals(4.0, client(secure, BasicHttpsBinding.defaults("")).add(2, 2));
    }

    @Test
    void mexHttpsBindingAnswersMetadataExchangeOverTls() throws Exception {
        ServiceBehaviorElement metadata = new ServiceBehaviorElement("", Optional.of(ServiceMetadataBehavior
                .defaults()), Optional.empty(), Optional.empty(), List.of());
        ServiceHost host = open(new ServiceDescription(SERVICE, Optional.of(metadata), List.of(), List.of(
                endpoint("", BasicHttpsBinding.defaults(""), CONTRACT),
                endpoint("mex", MetadataExchangeBindings.forName("mexHttpsBinding").orElseThrow(),
                        "IMetadataExchange"))), HTTPS);
        URI mex = host.endpoints().get(1).address();
        assertEquals("https", mex.getScheme());
        String get = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:a=\"http://www.w3.org/2005/"
                + "08/addressing\"><s:Header><a:Action s:mustUnderstand=\"1\">http://schemas.xmlsoap.org/ws/2004/09/"
                + "transfer/Get</a:Action><a:MessageID>urn:uuid:4c4e7a7e-8a80-4e4e-9b9e-000000000001</a:MessageID>"
                + "<a:ReplyTo><a:Address>http://www.w3.org/2005/08/addressing/anonymous</a:Address></a:ReplyTo>"
                + "<a:To s:mustUnderstand=\"1\">" + mex + "</a:To></s:Header><s:Body/></s:Envelope>";
        HttpResponse<String> r = trustingHttpClient().send(HttpRequest.newBuilder(mex).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/soap+xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(get)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse"), r.body());
        assertTrue(r.body().contains("<wsdl:port name=\"BasicHttpsBinding_ICalculator\""), r.body());
    }

    @Test
    void defaultEndpointsGetEachSchemesMappedBinding() {
        List<ProtocolMappingItem> items = new ArrayList<>(ProtocolMapping.WCF_DEFAULTS);
        items.add(new ProtocolMappingItem("https", "basicHttpsBinding", "",
                Optional.of(BasicHttpsBinding.defaults(""))));
        ServiceModelConfiguration config = new ServiceModelConfiguration(List.of(), List.of(), List.of(), List.of(),
                List.of(), new ProtocolMapping(items), List.of(), ServiceHostingEnvironment.defaults());
        ServiceHost host = open(ServiceHost.builder(config, SERVICE).baseAddress(HTTP).baseAddress(HTTPS));
        assertEquals(List.of("http", "https"), host.endpoints().stream().map(e -> e.address().getScheme()).toList());
        assertEquals(9.0, client(host.endpoints().get(0).address(), BasicHttpBinding.defaults("")).add(4, 5));
        assertEquals(10.0, client(host.endpoints().get(1).address(), BasicHttpsBinding.defaults("")).add(5, 5));
    }

    @Test
    void twoBaseAddressesOfOneSchemeAreWcfsError() {
        ServiceDescription service = new ServiceDescription(SERVICE, Optional.empty(), List.of(), List.of(
                endpoint("", BasicHttpBinding.defaults(""), CONTRACT)));
        ServiceHostException e = assertThrows(ServiceHostException.class, () -> ServiceHost.builder(service)
                .implementation(CalculatorService.class).baseAddress(HTTP)
                .baseAddress(URI.create("http://localhost:0/other")).build());
        assertEquals(WcfText.BaseAddressDuplicateScheme.format("http"), e.getMessage());
        ServiceHostException query = assertThrows(ServiceHostException.class, () -> ServiceHost.builder(service)
                .implementation(CalculatorService.class).baseAddress(URI.create("http://localhost:0/calc?x=1"))
                .build());
        assertEquals("A base address cannot contain a Uri query string.", query.getMessage());
    }

    @Test
    void theHostsBaseAddressOfASchemeTakesThePlaceOfTheConfiguredOne() {
        ServiceHost host = open(new ServiceDescription(SERVICE, Optional.empty(),
                List.of(URI.create("http://localhost:1/configured"), URI.create("https://localhost:0/configured")),
                List.of(endpoint("", BasicHttpBinding.defaults(""), CONTRACT),
                        endpoint("", BasicHttpsBinding.defaults(""), CONTRACT))), HTTP);
        assertTrue(host.endpoints().get(0).address().getPath().equals("/calc"), host.endpoints().toString());
        assertTrue(host.endpoints().get(1).address().getPath().equals("/configured"), host.endpoints().toString());
    }

    private static HttpClient trustingHttpClient() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            trust.load(in, SelfSignedKeyStore.PASSWORD);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(context).build();
    }
}
