package io.github.wcf4j.config;

import static io.github.wcf4j.config.ConfigFixture.assertNoErrors;
import static io.github.wcf4j.config.ConfigFixture.assertOneError;
import static io.github.wcf4j.config.ConfigFixture.serviceModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.description.StandardEndpoint;
import io.github.wcf4j.binding.description.StandardEndpointConfiguration;
import io.github.wcf4j.binding.standard.UnsupportedBinding;
import io.github.wcf4j.binding.standard.WsHttpBinding;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code <standardEndpoints>} and endpoints' {@code kind}/{@code endpointConfiguration}. */
class StandardEndpointsConfigTest {

    /** A service whose one endpoint has {@code attributes}, on line 3, after {@code before}. */
    private static ConfigReadResult service(String attributes, String after) {
        return serviceModel("<services><service name=\"S\">\n<endpoint address=\"mex\" " + attributes
                + "/>\n</service></services>\n" + after);
    }

    private static ServiceEndpoint endpointOf(ConfigReadResult r) {
        return r.configuration().orElseThrow().services().get(0).endpoints().get(0);
    }

    @Test
    void aMexEndpointIsAMetadataEndpointOverMexHttpBinding() {
        ConfigReadResult r = service("kind=\"mexEndpoint\"", "");
        assertNoErrors(r);
        ServiceEndpoint e = endpointOf(r);
        assertEquals(Optional.of(new StandardEndpoint("mexEndpoint", "")), e.standardEndpoint());
        assertTrue(e.isMetadataExchange());
        assertEquals("mexHttpBinding", e.bindingSection());
        assertEquals(WsHttpBinding.Flavor.MEX_HTTP, ((WsHttpBinding) e.binding()).flavor());
    }

    @Test
    void aMexEndpointMayNameItsBindingAndAConfiguration() {
        ConfigReadResult r = service("kind=\"mexEndpoint\" endpointConfiguration=\"m\" binding=\"mexHttpsBinding\""
                + " contract=\"IGnored\"", "<standardEndpoints><mexEndpoint><standardEndpoint name=\"m\"/>"
                + "</mexEndpoint></standardEndpoints>");
        assertNoErrors(r);
        ServiceEndpoint e = endpointOf(r);
        assertEquals(WsHttpBinding.Flavor.MEX_HTTPS, ((WsHttpBinding) e.binding()).flavor());
        assertEquals("IMetadataExchange", e.contract(), "the kind sets the contract");
        assertEquals(List.of(new StandardEndpointConfiguration("mexEndpoint", "m")),
                r.configuration().orElseThrow().standardEndpoints());
    }

    @Test
    void anUnknownKindIsRefused() {
        assertOneError(service("kind=\"fooEndpoint\" contract=\"I\"", ""), "Configuration endpoint extension"
                + " 'standardEndpoints/fooEndpoint' could not be found. Verify that this endpoint extension is properly"
                + " registered in system.serviceModel/extensions/endpointExtensions and that it is spelled correctly.",
                4);
    }

    @Test
    void anEndpointConfigurationMustExist() {
        assertOneError(service("kind=\"mexEndpoint\" endpointConfiguration=\"nope\"", ""), "The endpoint at"
                + " standardEndpoints/mexEndpoint does not have a configured endpoint named 'nope'. This is an invalid"
                + " value for endpointConfiguration.", 4);
    }

    @Test
    void anEndpointConfigurationNeedsAKind() {
        assertOneError(service("binding=\"basicHttpBinding\" contract=\"I\" endpointConfiguration=\"x\"", ""),
                "The attribute 'endpointConfiguration' cannot be specified on element 'endpoint' when attribute 'kind'"
                        + " is not specified.", 4);
    }

    @Test
    void otherKindsAreKeptByNameAndReported() {
        ConfigReadResult r = service("kind=\"webHttpEndpoint\" endpointConfiguration=\"w\" contract=\"IRest\"",
                "<standardEndpoints>\n<webHttpEndpoint>\n<standardEndpoint name=\"w\" helpEnabled=\"true\"/>\n"
                        + "</webHttpEndpoint>\n</standardEndpoints>");
        assertNoErrors(r);
        ServiceEndpoint e = endpointOf(r);
        assertEquals(Optional.of(new StandardEndpoint("webHttpEndpoint", "w")), e.standardEndpoint());
        assertEquals(new UnsupportedBinding("webHttpEndpoint", "w"), e.binding());
        assertEquals("IRest", e.contract());
        assertEquals(List.of("The standard endpoint kind 'webHttpEndpoint' is not supported by wcf4j: this endpoint is"
                + " validated but cannot be hosted or called.", "The settings of the webHttpEndpoint configuration 'w'"
                + " are not read: wcf4j does not support the standard endpoint kind 'webHttpEndpoint'."),
                r.diagnostics().stream().map(Diagnostic::message).toList());
    }

    @Test
    void aRegisteredKindIsKnown() {
        ConfigReadResult r = service("kind=\"myEndpoint\" contract=\"I\"", "<extensions><endpointExtensions>"
                + "<add name=\"myEndpoint\" type=\"My.Collection, My\"/></endpointExtensions></extensions>");
        assertTrue(r.errors().isEmpty(), r.errors()::toString);
        assertEquals("myEndpoint", endpointOf(r).standardEndpoint().orElseThrow().kind());
    }

    @Test
    void standardEndpointsRefuseUnknownKindsAndMexSettings() {
        assertOneError(serviceModel("<standardEndpoints>\n<fooEndpoint/>\n</standardEndpoints>"),
                "Configuration endpoint extension 'standardEndpoints/fooEndpoint' could not be found. Verify that this"
                        + " endpoint extension is properly registered in system.serviceModel/extensions/endpointExtensions"
                        + " and that it is spelled correctly.", 4);
        assertOneError(serviceModel("<standardEndpoints><mexEndpoint>\n<standardEndpoint name=\"m\" x=\"1\"/>\n"
                + "</mexEndpoint></standardEndpoints>"),
                "Unrecognized attribute 'x'. Note that attribute names are case-sensitive.", 4);
    }

    @Test
    void configurationNamesAreUniquePerKindAndRemovable() {
        assertOneError(serviceModel("<standardEndpoints><mexEndpoint>\n<standardEndpoint name=\"m\"/>\n"
                + "<standardEndpoint name=\"m\"/>\n</mexEndpoint></standardEndpoints>"), "A child element named"
                + " 'standardEndpoint' with same key already exists at the same configuration scope. Collection elements"
                + " must be unique within the same configuration scope (e.g. the same application.config file)."
                + " Duplicate key value:  'm'.", 5);
        ConfigReadResult r = serviceModel("<standardEndpoints><mexEndpoint><standardEndpoint name=\"a\"/>"
                + "<standardEndpoint name=\"b\"/><remove name=\"a\"/></mexEndpoint></standardEndpoints>");
        assertEquals(List.of(new StandardEndpointConfiguration("mexEndpoint", "b")),
                r.configuration().orElseThrow().standardEndpoints());
    }

    @Test
    void clientEndpointsMayBeStandardEndpointsToo() {
        ConfigReadResult r = serviceModel("<client><endpoint address=\"http://localhost/mex\" kind=\"mexEndpoint\"/>"
                + "</client>");
        assertNoErrors(r);
        assertEquals("IMetadataExchange", r.configuration().orElseThrow().clientEndpoints().get(0).contract());
    }
}
