package io.github.wcf4j.config;

import static io.github.wcf4j.config.ConfigFixture.assertNoErrors;
import static io.github.wcf4j.config.ConfigFixture.assertOneError;
import static io.github.wcf4j.config.ConfigFixture.serviceModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.description.ProtocolMapping;
import io.github.wcf4j.binding.description.ProtocolMappingItem;
import io.github.wcf4j.binding.standard.BasicHttpBinding;
import io.github.wcf4j.binding.standard.BasicHttpsBinding;
import io.github.wcf4j.binding.standard.UnsupportedBinding;
import io.github.wcf4j.binding.standard.WsHttpBinding;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code <protocolMapping>}: WCF's defaults changed by add, remove and clear, each binding resolved. */
class ProtocolMappingConfigTest {

    private static ProtocolMapping mappingOf(ConfigReadResult r) {
        return r.configuration().orElseThrow().protocolMapping();
    }

    private static List<String> schemes(ProtocolMapping m) {
        return m.items().stream().map(i -> i.scheme() + "=" + i.bindingSection() + "/" + i.bindingConfiguration())
                .toList();
    }

    @Test
    void withoutTheSectionWcfsDefaultsApply() {
        ConfigReadResult r = serviceModel("<client/>");
        assertNoErrors(r);
        assertEquals(ProtocolMapping.defaults(), mappingOf(r));
    }

    @Test
    void theUnnamedBindingOfAMappedSectionApplies() {
        ConfigReadResult r = serviceModel("<bindings><basicHttpBinding><binding maxReceivedMessageSize=\"1000\""
                + " maxBufferSize=\"1000\"/></basicHttpBinding></bindings>");
        assertNoErrors(r);
        BasicHttpBinding http = (BasicHttpBinding) mappingOf(r).forScheme("http").orElseThrow().binding().orElseThrow();
        assertEquals(1000, http.http().maxReceivedMessageSize());
    }

    @Test
    void addReplacesADefaultAndAddsNewSchemes() {
        ConfigReadResult r = serviceModel("<protocolMapping>\n<add scheme=\"http\" binding=\"wsHttpBinding\""
                + " bindingConfiguration=\"rm\"/>\n<add scheme=\"https\" binding=\"basicHttpsBinding\"/>\n"
                + "</protocolMapping>\n<bindings><wsHttpBinding><binding name=\"rm\"><reliableSession enabled=\"true\"/>"
                + "</binding></wsHttpBinding></bindings>");
        assertNoErrors(r);
        assertEquals(List.of("http=wsHttpBinding/rm", "net.tcp=netTcpBinding/", "net.pipe=netNamedPipeBinding/",
                "net.msmq=netMsmqBinding/", "https=basicHttpsBinding/"), schemes(mappingOf(r)));
        WsHttpBinding ws = (WsHttpBinding) mappingOf(r).forScheme("http").orElseThrow().binding().orElseThrow();
        assertTrue(ws.reliableSession().enabled());
        assertEquals(Optional.of(BasicHttpsBinding.defaults("")),
                mappingOf(r).forScheme("https").orElseThrow().binding());
    }

    @Test
    void removeAndClearTakeMappingsAway() {
        assertEquals(List.of("net.tcp=netTcpBinding/", "net.pipe=netNamedPipeBinding/", "net.msmq=netMsmqBinding/"),
                schemes(mappingOf(serviceModel("<protocolMapping><remove scheme=\"http\"/></protocolMapping>"))));
        assertEquals(List.of("http=wsDualHttpBinding/"), schemes(mappingOf(serviceModel("<protocolMapping><clear/>"
                + "<add scheme=\"http\" binding=\"wsDualHttpBinding\"/></protocolMapping>"))));
    }

    @Test
    void aSchemeMayBeAddedOnceInAFile() {
        assertOneError(serviceModel("<protocolMapping>\n<add scheme=\"http\" binding=\"wsHttpBinding\"/>\n"
                + "<add scheme=\"http\" binding=\"basicHttpBinding\"/>\n</protocolMapping>"),
                "A child element named 'add' with same key already exists at the same configuration scope. Collection"
                        + " elements must be unique within the same configuration scope (e.g. the same"
                        + " application.config file). Duplicate key value:  'http'.", 5);
    }

    @Test
    void schemeAndBindingAreRequired() {
        assertOneError(serviceModel("<protocolMapping>\n<add binding=\"wsHttpBinding\"/>\n</protocolMapping>"),
                "Required attribute 'scheme' not found.", 4);
        assertOneError(serviceModel("<protocolMapping>\n<add scheme=\"http\" binding=\"\"/>\n</protocolMapping>"),
                "The value for the property 'binding' is not valid. The error is: The string must be at least 1"
                        + " characters long.", 4);
    }

    @Test
    void aMappingToABindingThatDoesNotExistIsAWarningAndHasNoBinding() {
        ConfigReadResult r = serviceModel("<protocolMapping>\n<add scheme=\"http\" binding=\"wsHttpBinding\""
                + " bindingConfiguration=\"missing\"/>\n<add scheme=\"net.tcp\" binding=\"tcpBinding\"/>\n"
                + "</protocolMapping>");
        assertNoErrors(r);
        assertEquals(List.of("A service that gets default endpoints at a 'http' base address cannot be opened: The"
                + " binding at system.serviceModel/bindings/wsHttpBinding does not have a configured binding named"
                + " 'missing'. This is an invalid value for bindingConfiguration.", "A service that gets default"
                + " endpoints at a 'net.tcp' base address cannot be opened: Configuration binding extension"
                + " 'system.serviceModel/bindings/tcpBinding' could not be found. Verify that this binding extension is"
                + " properly registered in system.serviceModel/extensions/bindingExtensions and that it is spelled"
                + " correctly."), r.diagnostics().stream().map(Diagnostic::message).toList());
        assertEquals(4, r.diagnostics().get(0).location().line());
        ProtocolMappingItem http = mappingOf(r).forScheme("http").orElseThrow();
        assertTrue(http.binding().isEmpty());
        assertEquals("missing", http.bindingConfiguration());
    }

    @Test
    void aRegisteredBindingExtensionMayBeMapped() {
        ConfigReadResult r = serviceModel("<extensions><bindingExtensions><add name=\"udpBindingX\" type=\"U, U\"/>"
                + "</bindingExtensions></extensions><protocolMapping><add scheme=\"soap.udp\" binding=\"udpBindingX\"/>"
                + "</protocolMapping>");
        assertNoErrors(r);
        assertEquals(Optional.of(new UnsupportedBinding("udpBindingX", "")),
                mappingOf(r).forScheme("soap.udp").orElseThrow().binding());
    }
}
