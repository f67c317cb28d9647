package io.github.wcf4j.config;

import static io.github.wcf4j.config.ConfigFixture.serviceModel;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.stack.ContractCatalog;
import io.github.wcf4j.binding.stack.ContractShape;
import io.github.wcf4j.binding.stack.SessionMode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Validation negotiates channel shapes and applies WCF's build-time rules per endpoint, without opening anything. */
class ConfigValidatorTest {
    private static final ContractCatalog CONTRACTS = name -> {
        switch (name) {
            case "ICalculator": return Optional.of(new ContractShape(name, false, true, false, SessionMode.Allowed));
            case "IChat": return Optional.of(new ContractShape(name, true, false, true, SessionMode.Required));
            default: return Optional.empty();
        }
    };

    private static List<Diagnostic> validate(String bindingElements, String contract) {
        ConfigReadResult r = serviceModel("<services><service name=\"S\">\n"
                + "<endpoint address=\"\" binding=\"customBinding\" bindingConfiguration=\"b\" contract=\"" + contract
                + "\"/>\n</service></services>\n"
                + "<bindings><customBinding>\n<binding name=\"b\">\n" + bindingElements
                + "\n</binding></customBinding></bindings>");
        ConfigFixture.assertNoErrors(r);
        return ConfigValidator.validate(r, CONTRACTS);
    }

    private static Diagnostic only(List<Diagnostic> ds) {
        assertEquals(1, ds.size(), ds::toString);
        return ds.get(0);
    }

    @Test
    void streamedTransferUnderReliableSession() {
        Diagnostic d = only(validate("<reliableSession/><textMessageEncoding/><httpTransport transferMode=\"Streamed\"/>",
                "ICalculator"));
        assertEquals("Transfer mode Streamed is not supported by ReliableSessionBindingElement.", d.message());
        assertEquals(7, d.location().line(), "reported at the binding");
    }

    @Test
    void reliableSessionOverSoap12WithoutAddressing() {
        Diagnostic d = only(validate("<reliableSession/><textMessageEncoding messageVersion=\"Soap12\"/><httpTransport/>",
                "ICalculator"));
        assertEquals(WcfText.AddressingVersionNotSupported, d.key().orElseThrow());
    }

    @Test
    void compositeDuplexWithoutOneWayOverHttpBuildsNothing() {
        Diagnostic d = only(validate("<reliableSession/><compositeDuplex/><textMessageEncoding/><httpTransport/>",
                "IUnknownContract"));
        assertEquals(WcfText.BindingDoesnTSupportAnyChannelTypes1.format("CustomBinding"), d.message());
    }

    @Test
    void duplexContractOverRequestReplyBinding() {
        Diagnostic d = only(validate("<reliableSession/><textMessageEncoding/><httpTransport/>", "IChat"));
        assertEquals("Contract requires Duplex, but Binding 'CustomBinding' doesn't support it or isn't configured"
                + " properly to support it.", d.message());
        assertEquals(4, d.location().line(), "reported at the endpoint");
    }

    @Test
    void theSeedStackNegotiatesForTheCalculator() {
        assertEquals(List.of(), validate("<reliableSession/><compositeDuplex/><oneWay/><textMessageEncoding/>"
                + "<httpTransport/>", "ICalculator"));
    }

    @Test
    void transportNotLast() {
        Diagnostic d = only(validate("<httpTransport/><textMessageEncoding/>", "ICalculator"));
        assertEquals(WcfText.TransportBindingElementMustBeLast, d.key().orElseThrow());
    }

    @Test
    void httpClientWithNoAuthenticationScheme() {
        ConfigReadResult r = serviceModel("<client>\n<endpoint address=\"http://h/s\" binding=\"customBinding\""
                + " bindingConfiguration=\"b\" contract=\"ICalculator\"/>\n</client>\n<bindings><customBinding>\n"
                + "<binding name=\"b\"><textMessageEncoding/><httpTransport authenticationScheme=\"None\"/></binding>"
                + "</customBinding></bindings>");
        Diagnostic d = only(ConfigValidator.validate(r, CONTRACTS));
        assertEquals(WcfText.HttpAuthSchemeCannotBeNone, d.key().orElseThrow());
    }

    @Test
    void aProxyAuthenticationSchemeOfMoreOrLessThanOneSchemeIsWcfsErrorNotAnonymous() {
        for (String scheme : List.of("IntegratedWindowsAuthentication", "None")) {
            ConfigReadResult r = ConfigFixture.customBinding("<textMessageEncoding/>\n<httpTransport"
                    + " proxyAuthenticationScheme=\"" + scheme + "\"/>");
            Diagnostic d = only(r.errors());
            assertEquals(WcfText.HttpProxyRequiresSingleAuthScheme, d.key().orElseThrow());
            assertEquals(WcfText.HttpProxyRequiresSingleAuthScheme.format(scheme), d.message());
        }
        for (String scheme : List.of("Anonymous", "Basic", "Digest", "Negotiate", "Ntlm")) {
            ConfigFixture.assertNoErrors(ConfigFixture.customBinding("<textMessageEncoding/>\n<httpTransport"
                    + " proxyAuthenticationScheme=\"" + scheme + "\"/>"));
        }
    }

    @Test
    void anExplicitProxyWithTheDefaultWebProxyIsAnErrorForAClientOnly() {
        String binding = "<bindings><customBinding>\n<binding name=\"b\"><textMessageEncoding/>"
                + "<httpTransport proxyAddress=\"http://proxy.example:8080\"/></binding></customBinding></bindings>";
        ConfigReadResult client = serviceModel("<client>\n<endpoint address=\"http://h/s\" binding=\"customBinding\""
                + " bindingConfiguration=\"b\" contract=\"ICalculator\"/>\n</client>\n" + binding);
        assertEquals(WcfText.UseDefaultWebProxyCantBeUsedWithExplicitProxyAddress,
                only(ConfigValidator.validate(client, CONTRACTS)).key().orElseThrow());
        ConfigReadResult service = serviceModel("<services><service name=\"S\">\n<endpoint address=\"\""
                + " binding=\"customBinding\" bindingConfiguration=\"b\" contract=\"ICalculator\"/>\n</service>"
                + "</services>\n" + binding);
        assertEquals(List.of(), ConfigValidator.validate(service, CONTRACTS), "a listener has no proxy");
    }

    @Test
    void wsHttpReliableSessionWithoutSecureConversation() {
        ConfigReadResult r = serviceModel("<bindings><wsHttpBinding>\n<binding name=\"w\"><reliableSession enabled=\"true\"/>"
                + "<security mode=\"Message\"><message establishSecurityContext=\"false\"/></security></binding>"
                + "</wsHttpBinding></bindings>");
        Diagnostic d = only(ConfigValidator.validate(r, CONTRACTS));
        assertEquals("Cannot establish a reliable session without secure conversation. Enable secure conversation.",
                d.message());
        assertEquals(4, d.location().line());
    }
}
