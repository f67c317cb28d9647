package io.github.wcf4j.config;

import static io.github.wcf4j.config.ConfigFixture.assertNoErrors;
import static io.github.wcf4j.config.ConfigFixture.assertOneError;
import static io.github.wcf4j.config.ConfigFixture.serviceModel;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wcf4j.binding.description.AspNetDenyRule;
import io.github.wcf4j.binding.description.ServiceActivation;
import io.github.wcf4j.binding.description.ServiceHostingEnvironment;
import io.github.wcf4j.binding.description.TransportConfigurationType;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code <serviceHostingEnvironment>}: every attribute and collection, with WCF's defaults and validators. */
class ServiceHostingEnvironmentConfigTest {

    private static ServiceHostingEnvironment hostingOf(ConfigReadResult r) {
        return r.configuration().orElseThrow().hostingEnvironment();
    }

    @Test
    void withoutTheSectionWcfsDefaultsApply() {
        assertEquals(ServiceHostingEnvironment.defaults(), hostingOf(serviceModel("<client/>")));
    }

    @Test
    void everyAttributeAndCollectionIsRead() {
        ConfigReadResult r = serviceModel("<serviceHostingEnvironment aspNetCompatibilityEnabled=\"true\""
                + " closeIdleServicesAtLowMemory=\"True\" minFreeMemoryPercentageToActivateService=\"1\""
                + " multipleSiteBindingsEnabled=\"true\">\n"
                + "<serviceActivations>\n<add relativeAddress=\"Calculator.svc\" service=\"Samples.Calculator\"/>\n"
                + "<add relativeAddress=\"~/sub/Other.svc\" factory=\"Samples.Factory\"/>\n</serviceActivations>\n"
                + "<baseAddressPrefixFilters><add prefix=\"http://contoso.com:8000\"/></baseAddressPrefixFilters>\n"
                + "<add name=\"net.udp\" transportConfigurationType=\"Samples.Udp, Udp\"/>\n"
                + "</serviceHostingEnvironment>");
        assertNoErrors(r);
        assertEquals(new ServiceHostingEnvironment(true, true, 1, true, List.of(URI.create("http://contoso.com:8000")),
                List.of(new ServiceActivation("Calculator.svc", "Samples.Calculator", ""),
                        new ServiceActivation("~/sub/Other.svc", "", "Samples.Factory")),
                List.of(new TransportConfigurationType("net.udp", "Samples.Udp, Udp"))), hostingOf(r));
    }

    @Test
    void theFilesAspNetDenyRulesAreReadAndApplyUnderAspNetCompatibility() {
        ConfigReadResult r = ConfigFixture.READER.read("web.config", "<configuration>\n"
                + "<system.web><compilation debug=\"true\"/><authentication mode=\"Windows\"/>\n<authorization>"
                + "<allow roles=\"Admins\"/>\n<deny users=\"?\"/></authorization></system.web>\n"
                + "<location path=\"admin\" inheritInChildApplications=\"false\"><system.web><authorization>\n"
                + "<deny users=\"*\" roles=\"Guests\"/></authorization></system.web></location>\n"
                + "<system.serviceModel><serviceHostingEnvironment aspNetCompatibilityEnabled=\"true\"/>"
                + "</system.serviceModel></configuration>");
        assertNoErrors(r);
        assertEquals(List.of(), r.diagnostics(), "the rest of <system.web> is left alone");
        ServiceHostingEnvironment hosting = hostingOf(r);
        assertEquals(List.of(new AspNetDenyRule("", "?", ""), new AspNetDenyRule("admin", "*", "Guests")),
                hosting.aspNetDenyRules());
        assertEquals(hosting.aspNetDenyRules(), hosting.enforcedByAspNet());
        assertEquals(4, r.sourceMap().locate(hosting.aspNetDenyRules().get(0)).orElseThrow().line());
        assertEquals("<location path=\"admin\"> <deny users=\"*\" roles=\"Guests\"/>",
                hosting.aspNetDenyRules().get(1).toString());
        assertEquals(List.of(), hosting.withAspNetDenyRules(List.of()).enforcedByAspNet());
        ServiceHostingEnvironment compatibilityOff = ServiceHostingEnvironment.defaults()
                .withAspNetDenyRules(hosting.aspNetDenyRules());
        assertEquals(List.of(), compatibilityOff.enforcedByAspNet(), "WCF takes the request over before ASP.NET");
    }

    @Test
    void multipleSiteBindingsIsAWarningThatNamesWhatDiffers() {
        ConfigReadResult r = serviceModel("<serviceHostingEnvironment multipleSiteBindingsEnabled=\"true\"/>");
        assertNoErrors(r);
        assertEquals(List.of("multipleSiteBindingsEnabled=\"true\" lets an IIS site with several bindings of a scheme"
                + " host its services (WCF listens at the first, and its address filter ignores the port a message is"
                + " addressed to); wcf4j host listens at one base address per scheme, as given, and its address filter"
                + " compares the port."), r.diagnostics().stream().map(Diagnostic::message).toList());
        assertEquals(3, r.diagnostics().get(0).location().line());
    }

    @Test
    void activationsAreKeyedByRelativeAddress() {
        assertOneError(serviceModel("<serviceHostingEnvironment><serviceActivations>\n"
                + "<add relativeAddress=\"a.svc\" service=\"A\"/>\n<add relativeAddress=\"a.svc\" service=\"B\"/>\n"
                + "</serviceActivations></serviceHostingEnvironment>"), "The entry 'a.svc' has already been added.", 5);
        ConfigReadResult r = serviceModel("<serviceHostingEnvironment><serviceActivations>"
                + "<add relativeAddress=\"a.svc\" service=\"A\"/><add relativeAddress=\"b.svc\" service=\"B\"/>"
                + "<remove relativeAddress=\"a.svc\"/></serviceActivations></serviceHostingEnvironment>");
        assertEquals(List.of(new ServiceActivation("b.svc", "B", "")), hostingOf(r).serviceActivations());
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
        "ab|The value for the property 'relativeAddress' is not valid. The error is: Registered relativeAddress 'ab' in"
                + " configuration file is not a valid one. Possible causes could be : You specified an empty addreess or"
                + " an absolute address (i.e., starting with '/' or '\\'), or the address contains invalid character[s]."
                + " The supported relativeAddress formats are \"[folder/]filename\" or \"~/[folder/]filename\".  ",
        "/a.svc|The value for the property 'relativeAddress' is not valid. The error is:  '/a.svc' is an absolute"
                + " address. The supported relativeAddress formats are \"[subfolder/]filename\" or"
                + " \"~/[subfolder/]filename\".  ",
    })
    void relativeAddressesAreValidatedAsWcfDoes(String address, String message) {
        assertOneError(serviceModel("<serviceHostingEnvironment><serviceActivations>\n<add relativeAddress=\"" + address
                + "\" service=\"A\"/>\n</serviceActivations></serviceHostingEnvironment>"), message, 4);
    }

    @Test
    void theMemoryPercentageIsBounded() {
        assertOneError(serviceModel("<serviceHostingEnvironment minFreeMemoryPercentageToActivateService=\"100\"/>"),
                "The value for the property 'minFreeMemoryPercentageToActivateService' is not valid. The error is: The"
                        + " value must be inside the range 0-99.", 3);
    }

    @Test
    void aCollectionMayAppearOnce() {
        assertOneError(serviceModel("<serviceHostingEnvironment>\n<serviceActivations/>\n<serviceActivations/>\n"
                + "</serviceHostingEnvironment>"), "The element <serviceActivations> may only appear once in this"
                + " section.", 5);
    }
}
