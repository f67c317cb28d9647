package io.github.wcf4j.config;

import static io.github.wcf4j.config.ConfigFixture.assertNoErrors;
import static io.github.wcf4j.config.ConfigFixture.assertOneError;
import static io.github.wcf4j.config.ConfigFixture.serviceModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.address.AddressHeader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An endpoint's {@code <headers>}: each child an address header with its name, namespace and exact XML, standalone (the
 * namespace declarations in scope where it stood written on it), as WCF's {@code AddressHeaderCollection} keeps them.
 */
class AddressHeadersConfigTest {

    /** A client endpoint whose {@code <headers>} holds {@code children}; the first child is on line 5. */
    private static ConfigReadResult client(String headersTag, String children) {
        return serviceModel("<client><endpoint address=\"http://localhost/s\" binding=\"basicHttpBinding\""
                + " contract=\"IS\">\n" + headersTag + "\n" + children + "\n</headers>\n</endpoint></client>");
    }

    private static List<AddressHeader> headersOf(ConfigReadResult r) {
        return r.configuration().orElseThrow().clientEndpoints().get(0).headers();
    }

    @Test
    void headersInNoNamespaceAndInTheirOwnNamespaceAsMonosTestWritesThem() {
        ConfigReadResult r = client("<headers>", "<Header1>Header1-Value</Header1>\n"
                + "<myns:Header2 xmlns:myns=\"uri:my.custom.manespace\">Header2-Value</myns:Header2>");
        assertNoErrors(r);
        assertEquals(List.of(new AddressHeader("Header1", "", "<Header1>Header1-Value</Header1>"),
                new AddressHeader("Header2", "uri:my.custom.manespace",
                        "<myns:Header2 xmlns:myns=\"uri:my.custom.manespace\">Header2-Value</myns:Header2>")),
                headersOf(r));
    }

    @Test
    void aPrefixDeclaredInTheSectionAboveTheHeaderIsDeclaredOnIt() {
        ConfigReadResult r = ConfigFixture.READER.read("test.config", "<configuration>\n<system.serviceModel>\n"
                + "<client xmlns:t=\"urn:tenants\">\n"
                + "<endpoint address=\"http://localhost/s\" binding=\"basicHttpBinding\" contract=\"IS\">\n"
                + "<headers xmlns:x=\"urn:unused\"><t:Tenant>blue</t:Tenant></headers>\n"
                + "</endpoint></client></system.serviceModel></configuration>");
        assertNoErrors(r);
        assertEquals(List.of(new AddressHeader("Tenant", "urn:tenants",
                "<t:Tenant xmlns:t=\"urn:tenants\" xmlns:x=\"urn:unused\">blue</t:Tenant>")), headersOf(r));
    }

    @Test
    void declarationsAboveTheSectionDoNotReachIt() {
        ConfigReadResult r = ConfigFixture.READER.read("test.config", "<configuration"
                + " xmlns=\"http://schemas.microsoft.com/.NetConfiguration/v2.0\" xmlns:t=\"urn:tenants\">\n"
                + "<system.serviceModel xmlns:u=\"urn:u\">\n<client>\n"
                + "<endpoint address=\"http://localhost/s\" binding=\"basicHttpBinding\" contract=\"IS\">\n"
                + "<headers><Plain>1</Plain>\n<t:Tenant u:a=\"1\">blue</t:Tenant></headers>\n"
                + "</endpoint></client></system.serviceModel></configuration>");
        assertEquals(List.of("'t' is an undeclared prefix.", "'u' is an undeclared prefix."),
                r.errors().stream().map(Diagnostic::message).toList());
        assertEquals(6, r.errors().get(0).location().line());
        assertEquals(new AddressHeader("Plain", "", "<Plain>1</Plain>"), headersOf(r).get(0),
                "System.Configuration reads a section without the configuration's default namespace");
    }

    @Test
    void aDefaultNamespaceDeclaredOnHeadersAppliesToTheHeader() {
        ConfigReadResult r = client("<headers xmlns=\"urn:d\">", "<Session>42</Session>");
        assertNoErrors(r);
        assertEquals(List.of(new AddressHeader("Session", "urn:d", "<Session xmlns=\"urn:d\">42</Session>")),
                headersOf(r));
    }

    @Test
    void attributesNestedContentCommentsAndEscapesAreKept() {
        ConfigReadResult r = client("<headers>", "<!-- skipped between headers -->\n"
                + "<a:Routing xmlns:a=\"urn:r\" a:hop=\"1\" kind=\"x &amp; y\"><a:To prio=\"2\">q&lt;1</a:To>"
                + "<!-- kept --><Empty/><![CDATA[<raw>]]></a:Routing>");
        assertNoErrors(r);
        assertEquals(List.of(new AddressHeader("Routing", "urn:r", "<a:Routing xmlns:a=\"urn:r\" a:hop=\"1\""
                + " kind=\"x &amp; y\"><a:To prio=\"2\">q&lt;1</a:To><!-- kept --><Empty/>&lt;raw></a:Routing>")),
                headersOf(r));
    }

    @Test
    void headersKeepTheirOrderAndRepeats() {
        ConfigReadResult r = client("<headers>", "<B>1</B><A>2</A><B>3</B>");
        assertNoErrors(r);
        assertEquals(List.of("<B>1</B>", "<A>2</A>", "<B>3</B>"),
                headersOf(r).stream().map(AddressHeader::xml).toList());
    }

    @Test
    void emptyHeadersAndNoHeadersAreNoHeaders() {
        ConfigReadResult r = serviceModel("<client><endpoint address=\"http://localhost/s\" binding=\"basicHttpBinding\""
                + " contract=\"IS\"><headers/></endpoint><endpoint name=\"n\" address=\"http://localhost/s\""
                + " binding=\"basicHttpBinding\" contract=\"IS\"/></client>");
        assertNoErrors(r);
        assertTrue(r.configuration().orElseThrow().clientEndpoints().stream().allMatch(e -> e.headers().isEmpty()));
    }

    @Test
    void textBesideTheHeadersIsRefused() {
        assertOneError(client("<headers>", "stray\n<A>1</A>"),
                "The configuration section cannot contain a CDATA or text element.", 4);
    }

    @Test
    void attributesOfHeadersAreReported() {
        ConfigReadResult r = client("<headers note=\"x\">", "<A>1</A>");
        assertNoErrors(r);
        assertEquals("The attributes of <headers> are ignored, as WCF ignores them: note.",
                r.diagnostics().get(0).message());
        assertEquals(1, headersOf(r).size());
    }

    @Test
    void headersMayAppearOnce() {
        assertOneError(serviceModel("<client><endpoint address=\"http://localhost/s\" binding=\"basicHttpBinding\""
                + " contract=\"IS\">\n<headers><A/></headers>\n<headers><B/></headers>\n</endpoint></client>"),
                "The element <headers> may only appear once in this section.", 5);
    }

    @Test
    void elementsInsideAHeaderNeverStandInForConfigurationElements() {
        assertOneError(serviceModel("<client><endpoint address=\"http://localhost/s\" binding=\"basicHttpBinding\""
                + " contract=\"IS\">\n<headers><identity/></headers>\n<identity>stray</identity>\n"
                + "</endpoint></client>"), "The configuration section cannot contain a CDATA or text element.", 5);
    }

    @Test
    void serviceEndpointsCarryTheirHeaders() {
        ConfigReadResult r = serviceModel("<services><service name=\"S\"><endpoint address=\"http://localhost/s\""
                + " binding=\"basicHttpBinding\" contract=\"IS\"><headers><Tag>Value</Tag></headers></endpoint>"
                + "</service></services>");
        assertNoErrors(r);
        assertEquals(List.of(new AddressHeader("Tag", "", "<Tag>Value</Tag>")),
                r.configuration().orElseThrow().services().get(0).endpoints().get(0).headers());
    }
}
