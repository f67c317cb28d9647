package io.github.wcf4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.description.DefaultEndpoints;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import io.github.wcf4j.binding.standard.BasicHttpsBinding;
import io.github.wcf4j.binding.standard.WsDualHttpBinding;
import io.github.wcf4j.binding.standard.WsHttpBinding;
import io.github.wcf4j.binding.transport.HttpsTransportBindingElement;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The corpus's WCF 4 services that list no endpoint ({@code .svc} files hosted with a {@code <protocolMapping>} and
 * nameless bindings and behaviors): the default endpoints computed from each configuration are the ones WCF opens.
 */
class DefaultEndpointsCorpusTest {
    private static final URI HTTP = URI.create("http://localhost:8000/service.svc");
    private static final URI HTTPS = URI.create("https://localhost:8443/service.svc");
    private static final String SAMPLES = "sunmeixia2005__WCF_Samples__Basic__";

    private static ServiceModelConfiguration read(String file) {
        ConfigReadResult r = ConfigFixture.READER.read(ConfigFixture.corpus().resolve(file));
        assertTrue(r.errors().isEmpty(), r.errors()::toString);
        return r.configuration().orElseThrow();
    }

    /** The one default endpoint of the sample's service at {@code baseAddress}. */
    private static ServiceEndpoint defaultEndpoint(ServiceModelConfiguration config, URI baseAddress) {
        ServiceDescription service = DefaultEndpoints.apply(config, config.serviceOrDefault("Microsoft.Samples.Service"),
                List.of(baseAddress), List.of("Microsoft.Samples.ICalculator"));
        assertEquals(1, service.endpoints().size(), service.endpoints()::toString);
        ServiceEndpoint e = service.endpoints().get(0);
        assertEquals("Microsoft.Samples.ICalculator", e.contract());
        assertTrue(service.behavior().orElseThrow().metadata().orElseThrow().httpGetEnabled(),
                "the unnamed service behavior applies");
        return e;
    }

    @Test
    void wsReliableSessionGetsTheUnnamedReliableWsHttpBinding() {
        Binding b = defaultEndpoint(read(SAMPLES + "Binding__WS__wsReliableSession__CS__service__Web.config"), HTTP)
                .binding();
        assertTrue(((WsHttpBinding) b).reliableSession().enabled());
    }

    @Test
    void sessionContractGetsTheUnnamedReliableWsHttpBinding() {
        Binding b = defaultEndpoint(read(SAMPLES + "Contract__Service__Session__CS__service__Web.config"), HTTP)
                .binding();
        assertTrue(((WsHttpBinding) b).reliableSession().enabled());
    }

    @Test
    void dualHttpGetsWsDualHttpBinding() {
        ServiceEndpoint e = defaultEndpoint(read(SAMPLES + "Binding__WS__DualHttp__CS__service__Web.config"), HTTP);
        assertTrue(e.binding() instanceof WsDualHttpBinding);
        assertEquals("wsDualHttpBinding", e.bindingSection());
    }

    @Test
    void customReliableSessionGetsTheUnnamedCustomBinding() {
        CustomBinding b = (CustomBinding) defaultEndpoint(
                read(SAMPLES + "Binding__Custom__ReliableSession__CS__service__Web.config"), HTTP).binding();
        assertEquals("", b.configurationName());
        assertTrue(b.find(ReliableSessionBindingElement.class).isPresent());
    }

    @Test
    void reliableSessionOverHttpsMapsHttpsToTheUnnamedCustomBindingAndKeepsWcfsHttpDefault() {
        ServiceModelConfiguration c = read(SAMPLES + "Binding__Custom__ReliableSessionOverHttps__CS__service__Web.config");
        CustomBinding https = (CustomBinding) defaultEndpoint(c, HTTPS).binding();
        assertTrue(https.find(HttpsTransportBindingElement.class).isPresent());
        assertEquals("basicHttpBinding", defaultEndpoint(c, HTTP).bindingSection());
    }

    @Test
    void configuredMappingsResolveTheirNamedBindingsOrTheSectionsDefaults() {
        WsHttpBinding duplex = (WsHttpBinding) read("habedi77__wcf-duplex-service__WcfDuplexService__Web.config")
                .protocolMapping().forScheme("http").orElseThrow().binding().orElseThrow();
        assertEquals("wsHttpBindingConfiguration", duplex.configurationName());
        assertTrue(duplex.transactionFlow());
        Binding https = read("dotnet__wcf__src__System.Private.ServiceModel__tests__Stress__SharedPoolsOfWCFObjectsServer"
                + "__Web.config").protocolMapping().forScheme("https").orElseThrow().binding().orElseThrow();
        assertEquals(BasicHttpsBinding.defaults(""), https);
    }

    @Test
    void serviceActivationsAreRead() {
        assertEquals("wcfasynctestservice.OneWayService1",
                read("ssa3512__wcf-reliable-sessions__wcfasynctestservice__App.config").hostingEnvironment()
                        .serviceActivations().get(0).service());
    }
}
