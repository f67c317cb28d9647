package io.github.wcf4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.stack.ContractCatalog;
import io.github.wcf4j.binding.stack.ContractShape;
import io.github.wcf4j.binding.stack.SessionMode;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The seed configurations the product is built from, read verbatim. */
class SeedConfigTest {
    private static final ContractCatalog CALCULATOR = name -> name.equals("Microsoft.ServiceModel.Samples.ICalculator")
            ? Optional.of(new ContractShape("ICalculator", false, true, false, SessionMode.Allowed)) : Optional.empty();

    private static ConfigReadResult read(String name) {
        return ConfigFixture.READER.read(ConfigFixture.seedConfigs().resolve(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"calculator-service.config", "calculator-client.config",
        "calculator-service.no-security.config", "calculator-client.no-security.config"})
    void seedValidatesWithoutAnyDiagnostic(String name) {
        ConfigReadResult r = read(name);
        assertEquals(List.of(), r.diagnostics());
        assertEquals(List.of(), ConfigValidator.validate(r, CALCULATOR));
    }

    @Test
    void serviceSeedHasTheReferencePageBinding() {
        ServiceModelConfiguration c = read("calculator-service.config").orThrow();
        ServiceDescription s = c.service("Microsoft.ServiceModel.Samples.CalculatorService").orElseThrow();
        assertTrue(s.effectiveBehavior().metadata().orElseThrow().httpGetEnabled());
        assertEquals(false, s.effectiveBehavior().includeExceptionDetailInFaults());
        ServiceEndpoint app = s.endpoints().get(0);
        assertEquals("", app.address());
        assertEquals("Microsoft.ServiceModel.Samples.ICalculator", app.contract());
        List<BindingElement> e = ((CustomBinding) app.binding()).elements();
        assertEquals(List.of("reliableSession", "security", "compositeDuplex", "oneWay", "textMessageEncoding",
                "httpTransport"), e.stream().map(BindingElement::configName).toList());
        assertEquals(ReliableSessionBindingElement.defaults(), e.get(0));
        SecurityBindingElement security = (SecurityBindingElement) e.get(1);
        assertEquals(AuthenticationMode.SecureConversation, security.authenticationMode());
        assertTrue(security.requireSecurityContextCancellation());
        assertEquals(AuthenticationMode.SspiNegotiated, security.secureConversationBootstrap().orElseThrow().authenticationMode());
        assertEquals(CompositeDuplexBindingElement.defaults(), e.get(2));
        assertEquals(MessageVersion.SOAP12_WS_ADDRESSING10, ((TextMessageEncodingBindingElement) e.get(4))
                .messageVersion());
        assertEquals(HttpTransportBindingElement.defaults(), e.get(5));
        ServiceEndpoint mex = s.endpoints().get(1);
        assertTrue(mex.isMetadataExchange());
        assertEquals("mex", mex.address());
    }

    @Test
    void clientSeedListensAtItsCompositeDuplexAddress() {
        ClientEndpoint e = read("calculator-client.no-security.config").orThrow().clientEndpoint("").orElseThrow();
        assertEquals(URI.create("http://localhost:8080/servicemodelsamples/service.svc"), e.address());
        CustomBinding b = assertInstanceOf(CustomBinding.class, e.binding());
        assertEquals(Optional.of(URI.create("http://localhost:8000/myClient/")),
                b.find(CompositeDuplexBindingElement.class).orElseThrow().clientBaseAddress());
        assertEquals(5, b.elements().size());
    }

    @Test
    void seedBindingIsLocatedAtItsBindingElement() {
        ConfigReadResult r = read("calculator-service.config");
        ServiceModelConfiguration c = r.orThrow();
        SourceLocation at = r.sourceMap().locate(c.bindings().get(0)).orElseThrow();
        assertEquals(22, at.line());
        assertTrue(at.source().endsWith(Path.of("seed-configs", "calculator-service.config").toString()));
    }
}
