package io.github.wcf4j.config;

import static io.github.wcf4j.config.ConfigFixture.assertNoErrors;
import static io.github.wcf4j.config.ConfigFixture.assertOneError;
import static io.github.wcf4j.config.ConfigFixture.customBinding;
import static io.github.wcf4j.config.ConfigFixture.serviceModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.WcfText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One test per WCF configuration error text: the exact words and the line of the offending element (wcf-reference.md
 * §1.1 config-system wrapping; System.Configuration and WCF ConfigLoader resources).
 */
class ConfigErrorTextTest {

    @Test
    void unrecognizedAttribute() {
        Diagnostic d = assertOneError(customBinding("<reliableSession Ordered=\"true\" />"),
                "Unrecognized attribute 'Ordered'. Note that attribute names are case-sensitive.", 6);
        assertEquals(1, d.location().column());
        assertEquals(WcfText.Config_base_unrecognized_attribute, d.key().orElseThrow());
    }

    @Test
    void unrecognizedChildElement() {
        assertOneError(customBinding("<reliableSession>\n  <ordered/>\n</reliableSession>"),
                "Unrecognized element 'ordered'.", 7);
    }

    @Test
    void attributeGivenAsElementIsUnrecognized() {
        assertOneError(customBinding("<reliableSession>\n  <ordered>false</ordered>\n</reliableSession>"),
                "Unrecognized element 'ordered'.", 7);
    }

    @ParameterizedTest(name = "{0}=\"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "maxPendingChannels|0|The value for the property 'maxPendingChannels' is not valid. The error is: The value must be inside the range 1-16384.",
        "maxPendingChannels|16385|The value for the property 'maxPendingChannels' is not valid. The error is: The value must be inside the range 1-16384.",
        "maxRetryCount|0|The value for the property 'maxRetryCount' is not valid. The error is: The value must be inside the range 1-2147483647.",
        "maxTransferWindowSize|4097|The value for the property 'maxTransferWindowSize' is not valid. The error is: The value must be inside the range 1-4096.",
        "maxRetryCount|abc|The value of the property 'maxRetryCount' cannot be parsed. The error is: abc is not a valid value for Int32.",
        "ordered|yes|The value of the property 'ordered' cannot be parsed. The error is: yes is not a valid value for Boolean.",
        "acknowledgementInterval|00:00:00|The value for the property 'acknowledgementInterval' is not valid. The error is: The value must be inside the range 00:00:00.0000001-24.20:31:23.6470000.",
        "inactivityTimeout|25.00:00:00|The value for the property 'inactivityTimeout' is not valid. The error is: The value must be inside the range 00:00:00.0000001-24.20:31:23.6470000.",
        "inactivityTimeout|ten minutes|The value of the property 'inactivityTimeout' cannot be parsed. The error is: ten minutes is not a valid value for TimeSpan.",
        "inactivityTimeout|00:61:00|The value of the property 'inactivityTimeout' cannot be parsed. The error is: The TimeSpan could not be parsed because at least one of the numeric components is out of range or contains too many digits.",
        "reliableMessagingVersion|WSReliableMessaging10|The value of the property 'reliableMessagingVersion' cannot be parsed. The error is: 'WSReliableMessaging10' is not a valid reliable messaging version.  Valid values are 'WSReliableMessagingFebruary2005' and 'WSReliableMessaging11'.",
    })
    void reliableSessionAttributeErrors(String attribute, String value, String message) {
        assertOneError(customBinding("<reliableSession " + attribute + "=\"" + value + "\" />\n<httpTransport/>"),
                message, 6);
    }

    @Test
    void wcfAcceptsWhitespaceAndCaseWhereItsConvertersDo() {
        assertNoErrors(customBinding("<reliableSession maxRetryCount=\" 8 \" ordered=\"True\" inactivityTimeout=\"INFINITE\""
                + " acknowledgementInterval=\" 00:00:01 \"/>\n<httpTransport/>"));
    }

    @Test
    void enumValueListsWcfNamesInOrder() {
        assertOneError(customBinding("<httpTransport transferMode=\"streamed\"/>"),
                "The value of the property 'transferMode' cannot be parsed. The error is: The enumeration value must be"
                        + " one of the following: Buffered, Streamed, StreamedRequest, StreamedResponse.", 6);
    }

    @Test
    void messageVersionMustBeAWcfLiteral() {
        assertOneError(customBinding("<textMessageEncoding messageVersion=\"Soap12Addressing10\"/>"),
                "The value of the property 'messageVersion' cannot be parsed. The error is: The value"
                        + " 'Soap12Addressing10' is not a valid instance of type"
                        + " 'System.ServiceModel.Channels.MessageVersion'.", 6);
    }

    @Test
    void unsupportedTextEncodingIsRefusedByTheEncoder() {
        assertOneError(customBinding("<textMessageEncoding writeEncoding=\"us-ascii\"/>"),
                "The text encoding 'us-ascii' used in the text message format is not supported.", 6);
    }

    @Test
    void unknownEncodingNameIsAConversionError() {
        assertOneError(customBinding("<textMessageEncoding writeEncoding=\"klingon\"/>"),
                "The value of the property 'writeEncoding' cannot be parsed. The error is: 'klingon' is not a supported"
                        + " encoding name. For information on defining a custom encoding, see the documentation for the"
                        + " Encoding.RegisterProvider method.", 6);
    }

    @Test
    void transportMaxReceivedMessageSizeMustBePositive() {
        assertOneError(customBinding("<httpTransport maxReceivedMessageSize=\"0\"/>"),
                "The value for the property 'maxReceivedMessageSize' is not valid. The error is: The value must be"
                        + " inside the range 1-9223372036854775807.", 6);
    }

    @Test
    void secondTransportIsRefusedNamingTheExistingOne() {
        assertOneError(customBinding("<httpTransport/>\n<tcpTransport/>"),
                "Cannot add the transport element 'httpTransport'. Another transport element already exists in the"
                        + " binding 'System.ServiceModel.Configuration.HttpTransportElement, System.ServiceModel,"
                        + " Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089'. There can only be one"
                        + " transport element for each binding.", 7);
    }

    @Test
    void secondEncoderIsRefused() {
        assertOneError(customBinding("<textMessageEncoding/>\n<binaryMessageEncoding/>\n<httpTransport/>"),
                WcfText.ConfigMessageEncodingAlreadyInBinding.format("textMessageEncoding",
                        "System.ServiceModel.Configuration.TextMessageEncodingElement, System.ServiceModel,"
                                + " Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089"), 7);
    }

    @Test
    void secondStreamUpgradeIsRefused() {
        assertOneError(customBinding("<windowsStreamSecurity/>\n<sslStreamSecurity/>\n<tcpTransport/>"),
                WcfText.ConfigStreamUpgradeElementAlreadyInBinding.format("windowsStreamSecurity",
                        "System.ServiceModel.Configuration.WindowsStreamSecurityElement, System.ServiceModel,"
                                + " Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089"), 7);
    }

    @Test
    void sameExtensionTwice() {
        assertOneError(customBinding("<reliableSession/>\n<reliableSession/>\n<httpTransport/>"),
                "An extension named reliableSession already appears in the CustomBindingElement. Extension names must"
                        + " be unique.", 7);
    }

    @Test
    void unregisteredExtensionElement() {
        assertOneError(customBinding("<fooTransport/>"),
                "Invalid element in configuration. The extension name 'fooTransport' is not registered in the"
                        + " collection at system.serviceModel/extensions/bindingElementExtensions. ", 6);
    }

    @Test
    void registeredCustomExtensionIsAWarningNamingIt() {
        ConfigReadResult r = serviceModel("<extensions><bindingElementExtensions>\n"
                + "<add name=\"myInterceptor\" type=\"Acme.InterceptorElement, Acme\"/>\n"
                + "</bindingElementExtensions></extensions>\n"
                + "<bindings><customBinding><binding name=\"b\">\n<myInterceptor/>\n<httpTransport/>\n"
                + "</binding></customBinding></bindings>");
        assertNoErrors(r);
        assertEquals(1, r.diagnostics().size());
        assertTrue(r.diagnostics().get(0).message().contains("'myInterceptor' (Acme.InterceptorElement, Acme)"));
        assertEquals(7, r.diagnostics().get(0).location().line());
    }

    @Test
    void duplicateExtensionRegistration() {
        assertOneError(serviceModel("<extensions><bindingElementExtensions>\n<add name=\"x\" type=\"A\"/>\n"
                        + "<add name=\"x\" type=\"B\"/>\n</bindingElementExtensions></extensions>"),
                " An extension of name 'x' already appears in extension collection. Extension names must be unique.", 5);
    }

    @Test
    void unknownAttributeOnCustomBindingIsIgnoredAsWcfDoes() {
        ConfigReadResult r = serviceModel("<bindings><customBinding>\n<binding name=\"b\" foo=\"1\"><httpTransport/>"
                + "</binding></customBinding></bindings>");
        assertNoErrors(r);
        assertEquals(Severity.WARNING, r.diagnostics().get(0).severity());
    }

    @Test
    void duplicateBindingName() {
        assertOneError(serviceModel("<bindings><basicHttpBinding>\n<binding name=\"x\"/>\n<binding name=\"x\"/>\n"
                        + "</basicHttpBinding></bindings>"),
                "A child element named 'binding' with same key already exists at the same configuration scope."
                        + " Collection elements must be unique within the same configuration scope (e.g. the same"
                        + " application.config file). Duplicate key value:  'x'.", 5);
    }

    @Test
    void missingBindingConfiguration() {
        assertOneError(serviceModel("<client>\n<endpoint address=\"http://h/s\" binding=\"wsHttpBinding\""
                        + " bindingConfiguration=\"nope\" contract=\"IX\"/>\n</client>"),
                "The binding at system.serviceModel/bindings/wsHttpBinding does not have a configured binding named"
                        + " 'nope'. This is an invalid value for bindingConfiguration.", 4);
    }

    @Test
    void unknownBindingSection() {
        assertOneError(serviceModel("<client>\n<endpoint address=\"http://h/s\" binding=\"fooBinding\" contract=\"IX\"/>"
                        + "\n</client>"),
                "Configuration binding extension 'system.serviceModel/bindings/fooBinding' could not be found. Verify"
                        + " that this binding extension is properly registered in"
                        + " system.serviceModel/extensions/bindingExtensions and that it is spelled correctly.", 4);
    }

    @Test
    void missingServiceBehavior() {
        assertOneError(serviceModel("<services>\n<service name=\"S\" behaviorConfiguration=\"B\"/>\n</services>"),
                "There is no service behavior named 'B'.", 4);
    }

    @Test
    void missingEndpointBehavior() {
        assertOneError(serviceModel("<client>\n<endpoint address=\"http://h/s\" binding=\"basicHttpBinding\""
                        + " behaviorConfiguration=\"E\" contract=\"IX\"/>\n</client>"),
                "There is no endpoint behavior named 'E'.", 4);
    }

    @Test
    void endpointNeedsABinding() {
        assertOneError(serviceModel("<services><service name=\"S\">\n<endpoint address=\"\" contract=\"IX\"/>\n"
                + "</service></services>"), "Attribute 'binding' is required on element 'endpoint'.", 4);
    }

    @Test
    void clientEndpointNeedsAContract() {
        assertOneError(serviceModel("<client>\n<endpoint address=\"http://h/s\" binding=\"basicHttpBinding\"/>\n"
                + "</client>"), "Attribute 'contract' is required on element 'endpoint'.", 4);
    }

    @Test
    void bindingConfigurationNeedsBinding() {
        assertOneError(serviceModel("<client>\n<endpoint address=\"http://h/s\" bindingConfiguration=\"x\""
                        + " contract=\"IX\"/>\n</client>"),
                "The attribute 'bindingConfiguration' cannot be specified on element 'endpoint' when attribute"
                        + " 'binding' is not specified.", 4);
    }

    @Test
    void serviceNeedsAName() {
        assertOneError(serviceModel("<services>\n<service/>\n</services>"), "Required attribute 'name' not found.", 4);
    }

    @Test
    void baseAddressMustBeAbsolute() {
        assertOneError(serviceModel("<services><service name=\"S\"><host><baseAddresses>\n"
                        + "<add baseAddress=\"service.svc\"/>\n</baseAddresses></host></service></services>"),
                "Only an absolute Uri can be used as a base address.", 4);
    }

    @Test
    void duplicateBaseAddress() {
        assertOneError(serviceModel("<services><service name=\"S\"><host><baseAddresses>\n"
                        + "<add baseAddress=\"http://h/a\"/>\n<add baseAddress=\"http://h/a\"/>\n"
                        + "</baseAddresses></host></service></services>"),
                "The entry 'http://h/a' has already been added.", 5);
    }

    @Test
    void sectionTwice() {
        assertOneError(serviceModel("<bindings/>\n<bindings/>"),
                "Sections must only appear once per config file.  See the help topic <location> for exceptions.", 4);
    }

    @Test
    void unknownSection() {
        assertOneError(serviceModel("<fooSection/>"),
                "Unrecognized configuration section system.serviceModel/fooSection.", 3);
    }

    @Test
    void childElementTwice() {
        assertOneError(serviceModel("<bindings><wsHttpBinding><binding name=\"x\">\n<readerQuotas/>\n<readerQuotas/>\n"
                + "</binding></wsHttpBinding></bindings>"), "The element <readerQuotas> may only appear once in this"
                + " section.", 5);
    }

    @Test
    void textInsideAnElement() {
        assertOneError(customBinding("<reliableSession ordered=\"true\">text</reliableSession>"),
                "The configuration section cannot contain a CDATA or text element.", 6);
    }

    @Test
    void serviceBehaviorExtensionInAnEndpointBehavior() {
        assertOneError(serviceModel("<behaviors><endpointBehaviors><behavior name=\"e\">\n<serviceCredentials/>\n"
                        + "</behavior></endpointBehaviors></behaviors>"),
                "Cannot add the 'serviceCredentials' behavior extension to 'e' endpoint behavior because the underlying"
                        + " behavior type does not implement the IEndpointBehavior interface.", 4);
    }

    @Test
    void duplicateBehaviorExtension() {
        assertOneError(serviceModel("<behaviors><serviceBehaviors><behavior name=\"b\">\n<serviceDebug/>\n"
                        + "<serviceDebug/>\n</behavior></serviceBehaviors></behaviors>"),
                "An extension named serviceDebug already appears in the ServiceBehaviorElement. Extension names must be"
                        + " unique.", 5);
    }

    @Test
    void throttlingLimitsMustBePositive() {
        assertOneError(serviceModel("<behaviors><serviceBehaviors><behavior name=\"b\">\n"
                        + "<serviceThrottling maxConcurrentCalls=\"0\"/>\n</behavior></serviceBehaviors></behaviors>"),
                "The value for the property 'maxConcurrentCalls' is not valid. The error is: The value must be inside"
                        + " the range 1-2147483647.", 4);
    }

    @Test
    void securityBootstrapCannotItselfBeSecureConversation() {
        assertOneError(customBinding("<security authenticationMode=\"SecureConversation\">\n"
                        + "<secureConversationBootstrap authenticationMode=\"SecureConversation\"/>\n</security>\n"
                        + "<httpTransport/>"),
                "Cannot create security binding element based on configuration data. The secure conversation bootstrap"
                        + " requires another secure conversation which is not supported. ", 7);
    }

    @Test
    void securityModeOfABindingListsItsOwnModes() {
        assertOneError(serviceModel("<bindings><wsDualHttpBinding><binding>\n<security mode=\"Transport\"/>\n"
                        + "</binding></wsDualHttpBinding></bindings>"),
                "The value of the property 'mode' cannot be parsed. The error is: The enumeration value must be one of"
                        + " the following: None, Message.", 4);
    }
}
