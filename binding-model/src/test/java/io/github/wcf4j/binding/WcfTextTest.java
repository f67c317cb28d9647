package io.github.wcf4j.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.oneway.OneWayBindingElement;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.stack.BuildChecks;
import io.github.wcf4j.binding.stack.Side;
import io.github.wcf4j.binding.stack.StackRules;
import io.github.wcf4j.binding.standard.HttpBindingSettings;
import io.github.wcf4j.binding.standard.MessageSecurity;
import io.github.wcf4j.binding.standard.StandardReliableSession;
import io.github.wcf4j.binding.standard.StandardSecurity;
import io.github.wcf4j.binding.standard.WsHttpBinding;
import io.github.wcf4j.binding.transport.AuthenticationScheme;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.binding.transport.TransferMode;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** One test per WCF text the model raises: the exact key and the exact words. */
class WcfTextTest {

    private static void assertWcf(WcfText key, String text, Executable action) {
        BindingValidationException e = assertThrows(BindingValidationException.class, action);
        assertEquals(key, e.text());
        assertEquals(text, e.getMessage());
    }

    private static final HttpTransportBindingElement HTTP = HttpTransportBindingElement.defaults();
    private static final TextMessageEncodingBindingElement TEXT = TextMessageEncodingBindingElement.defaults();

    @Test
    void placeholdersAreSubstitutedLiterallyInsideQuotes() {
        assertEquals("Unrecognized attribute 'x'. Note that attribute names are case-sensitive.",
                WcfText.Config_base_unrecognized_attribute.format("x"));
    }

    @Test
    void acknowledgementIntervalMustBePositive() {
        assertWcf(WcfText.TimeSpanMustbeGreaterThanTimeSpanZero, "TimeSpan must be greater than TimeSpan.Zero.",
                () -> ReliableSessionBindingElement.builder().acknowledgementInterval(Duration.ZERO).build());
    }

    @Test
    void inactivityTimeoutAboveMaxWaitIsRefusedUnlessInfinite() {
        assertWcf(WcfText.SFxTimeoutOutOfRangeTooBig, "Timeouts larger than Int32.MaxValue TotalMilliseconds"
                + " (approximately 24 days) cannot be honored. To disable timeout, specify TimeSpan.MaxValue.",
                () -> ReliableSessionBindingElement.builder().inactivityTimeout(Duration.ofDays(25)).build());
        assertEquals(WcfTimeSpan.INFINITE, ReliableSessionBindingElement.builder()
                .inactivityTimeout(WcfTimeSpan.INFINITE).build().inactivityTimeout());
    }

    @Test
    void maxPendingChannelsRangeSaysZeroAlthoughZeroIsRejected() {
        assertWcf(WcfText.ValueMustBeInRange, "The value of this argument must fall within the range 0 to 16384.",
                () -> ReliableSessionBindingElement.builder().maxPendingChannels(0).build());
        assertWcf(WcfText.ValueMustBeInRange, "The value of this argument must fall within the range 0 to 16384.",
                () -> ReliableSessionBindingElement.builder().maxPendingChannels(16385).build());
    }

    @Test
    void maxTransferWindowSizeRange() {
        assertWcf(WcfText.ValueMustBeInRange, "The value of this argument must fall within the range 0 to 4096.",
                () -> ReliableSessionBindingElement.builder().maxTransferWindowSize(4097).build());
    }

    @Test
    void maxRetryCountMustBePositive() {
        assertWcf(WcfText.ValueMustBePositive, "The value of this argument must be positive.",
                () -> ReliableSessionBindingElement.builder().maxRetryCount(0).build());
    }

    @Test
    void maxBufferPoolSizeMustBeNonNegative() {
        assertWcf(WcfText.ValueMustBeNonNegative, "The value of this argument must be non-negative.",
                () -> HttpTransportBindingElement.builder().maxBufferPoolSize(-1).build());
    }

    @Test
    void negativeTimeoutIsRefused() {
        assertWcf(WcfText.SFxTimeoutOutOfRange0, "Timeout must be greater than or equal to TimeSpan.Zero. To disable"
                + " timeout, specify TimeSpan.MaxValue.",
                () -> HttpTransportBindingElement.builder().requestInitializationTimeout(Duration.ofSeconds(-1)).build());
    }

    @Test
    void textEncodingMustBeUtf8OrUtf16() {
        assertWcf(WcfText.MessageTextEncodingNotSupported,
                "The text encoding 'iso-8859-1' used in the text message format is not supported.",
                () -> TEXT.withWriteEncoding(Charset.forName("ISO-8859-1")));
    }

    @Test
    void transportMustExist() {
        assertEquals("Binding 'CustomBinding' lacks a TransportBindingElement.  Every binding must have a binding element"
                + " that derives from TransportBindingElement. This binding element must appear last in the"
                + " BindingElementCollection.",
                StackRules.violations(CustomBinding.of("b", TEXT)).get(0).getMessage());
    }

    @Test
    void transportMustBeLast() {
        BindingValidationException e = StackRules.violations(CustomBinding.of("b", HTTP, TEXT)).get(0);
        assertEquals(WcfText.TransportBindingElementMustBeLast, e.text());
        assertEquals("In Binding 'CustomBinding', TransportBindingElement 'HttpTransportBindingElement' does not appear"
                + " last in the BindingElementCollection.  Please change the order of elements such that the"
                + " TransportBindingElement is last.", e.getMessage());
    }

    @Test
    void reliableSessionRefusesStreamedTransfer() {
        CustomBinding b = CustomBinding.of("b", ReliableSessionBindingElement.defaults(), TEXT,
                HTTP.toBuilder().transferMode(TransferMode.Streamed).build());
        BindingValidationException e = BuildChecks.violations(b, Side.CLIENT).get(0);
        assertEquals(WcfText.TransferModeNotSupported, e.text());
        assertEquals("Transfer mode Streamed is not supported by ReliableSessionBindingElement.", e.getMessage());
    }

    @Test
    void reliableSessionRefusesManualAddressing() {
        CustomBinding b = CustomBinding.of("b", ReliableSessionBindingElement.defaults(), TEXT,
                HTTP.toBuilder().manualAddressing(true).build());
        assertEquals(WcfText.ManualAddressingNotSupported, BuildChecks.violations(b, Side.SERVICE).get(0).text());
    }

    @Test
    void reliableSessionNeedsWsAddressing() {
        CustomBinding b = CustomBinding.of("b", ReliableSessionBindingElement.defaults(),
                TEXT.withMessageVersion(MessageVersion.SOAP12), HTTP);
        BindingValidationException e = BuildChecks.violations(b, Side.CLIENT).get(0);
        assertEquals("Addressing Version 'AddressingNone (http://schemas.microsoft.com/ws/2005/05/addressing/none)' is"
                + " not supported.", e.getMessage());
    }

    @Test
    void messageSecurityNeedsAnEnvelope() {
        CustomBinding b = CustomBinding.of("b", SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.UserNameOverTransport).build(),
                TEXT.withMessageVersion(MessageVersion.NONE), HTTP);
        BindingValidationException e = BuildChecks.violations(b, Side.SERVICE).get(0);
        assertEquals(WcfText.HeadersCannotBeAddedToEnvelopeVersion, e.text());
        assertEquals("Envelope Version 'EnvelopeNone (http://schemas.microsoft.com/ws/2005/05/envelope/none)' does not"
                + " support adding Message Headers.", e.getMessage());
    }

    @Test
    void compositeDuplexNeedsWsAddressing() {
        CustomBinding b = CustomBinding.of("b", CompositeDuplexBindingElement.defaults(),
                OneWayBindingElement.defaults(), TEXT.withMessageVersion(MessageVersion.NONE), HTTP);
        BindingValidationException e = BuildChecks.violations(b, Side.CLIENT).get(0);
        assertEquals("Addressing Version 'AddressingNone (http://schemas.microsoft.com/ws/2005/05/addressing/none)'"
                + " does not support adding WS-Addressing headers.", e.getMessage());
    }

    @Test
    void plainXmlOverHttpPassesEveryBuildCheck() {
        CustomBinding b = CustomBinding.of("b", OneWayBindingElement.defaults(),
                TEXT.withMessageVersion(MessageVersion.NONE), HTTP);
        assertEquals(List.of(), BuildChecks.violations(b, Side.CLIENT));
        assertEquals(List.of(), BuildChecks.violations(b, Side.SERVICE));
    }

    @Test
    void bufferedHttpNeedsEqualBufferAndMessageSizes() {
        CustomBinding b = CustomBinding.of("b", TEXT, HTTP.toBuilder().maxBufferSize(1000).build());
        assertEquals("For TransferMode.Buffered, MaxReceivedMessageSize and MaxBufferSize must be the same value.",
                BuildChecks.violations(b, Side.SERVICE).get(0).getMessage());
    }

    @Test
    void streamedHttpBufferMustNotExceedMessageSize() {
        CustomBinding b = CustomBinding.of("b", TEXT, HTTP.toBuilder().transferMode(TransferMode.Streamed)
                .maxBufferSize(100_000).build());
        assertEquals(WcfText.MaxBufferSizeMustNotExceedMaxReceivedMessageSize,
                BuildChecks.violations(b, Side.SERVICE).get(0).text());
    }

    @Test
    void bufferedHttpMessageSizeMustFitAnInt() {
        CustomBinding b = CustomBinding.of("b", TEXT, HTTP.toBuilder().maxReceivedMessageSize(3_000_000_000L).build());
        assertEquals("This factory buffers messages, so the message sizes must be in the range of an integer value.",
                BuildChecks.violations(b, Side.SERVICE).get(0).getMessage());
    }

    @Test
    void httpClientNeedsAnAuthenticationScheme() {
        CustomBinding none = CustomBinding.of("b", TEXT, HTTP.toBuilder().authenticationScheme(Set.of()).build());
        assertEquals(WcfText.HttpAuthSchemeCannotBeNone, BuildChecks.violations(none, Side.CLIENT).get(0).text());
        assertEquals(List.of(), BuildChecks.violations(none, Side.SERVICE));
        CustomBinding two = CustomBinding.of("b", TEXT, HTTP.toBuilder()
                .authenticationScheme(Set.of(AuthenticationScheme.Ntlm, AuthenticationScheme.Basic)).build());
        assertEquals(WcfText.HttpRequiresSingleAuthScheme, BuildChecks.violations(two, Side.CLIENT).get(0).text());
    }

    @Test
    void anHttpClientWithAnExplicitProxyMustNotAlsoUseTheDefaultWebProxy() {
        CustomBinding both = CustomBinding.of("b", TEXT, HTTP.toBuilder()
                .proxyAddress(URI.create("http://proxy.example:8080")).build());
        BindingValidationException e = BuildChecks.violations(both, Side.CLIENT).get(0);
        assertEquals(WcfText.UseDefaultWebProxyCantBeUsedWithExplicitProxyAddress, e.text());
        assertEquals("You cannot specify an explicit Proxy Address as well as UseDefaultWebProxy=true in your HTTP"
                + " Transport Binding Element.", e.getMessage());
        assertEquals("proxyAddress", e.property());
        assertEquals(List.of(), BuildChecks.violations(both, Side.SERVICE), "a listener has no proxy");
        CustomBinding dual = CustomBinding.of("b", CompositeDuplexBindingElement.defaults(), OneWayBindingElement.defaults(),
                TEXT, both.transport().orElseThrow());
        assertEquals(WcfText.UseDefaultWebProxyCantBeUsedWithExplicitProxyAddress,
                BuildChecks.violations(dual, Side.SERVICE).get(0).text(), "its back channel is an HTTP factory");
        CustomBinding explicit = CustomBinding.of("b", TEXT, HTTP.toBuilder()
                .proxyAddress(URI.create("http://proxy.example:8080")).useDefaultWebProxy(false).build());
        assertEquals(List.of(), BuildChecks.violations(explicit, Side.CLIENT));
    }

    @Test
    void wsHttpReliableSessionNeedsSecureConversation() {
        WsHttpBinding d = WsHttpBinding.defaults(WsHttpBinding.Flavor.WS_HTTP, "x");
        WsHttpBinding b = new WsHttpBinding(d.flavor(), "x", d.timeouts(), HttpBindingSettings.defaults(), false,
                StandardReliableSession.enabledByDefault(),
                new StandardSecurity(d.security().mode(), d.security().transport(),
                        new MessageSecurity(d.security().message().clientCredentialType(), true, false, "Default")));
        assertWcf(WcfText.SecureConversationRequiredByReliableSession,
                "Cannot establish a reliable session without secure conversation. Enable secure conversation.",
                b::createBindingElements);
    }

    @Test
    void secureConversationBootstrapCannotBeSecureConversation() {
        SecurityBindingElement sc = SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.SecureConversation).build();
        assertWcf(WcfText.SecureConversationBootstrapCannotUseSecureConversation,
                WcfText.SecureConversationBootstrapCannotUseSecureConversation.template(),
                () -> SecurityBindingElement.builder().authenticationMode(AuthenticationMode.SecureConversation)
                        .bootstrap(sc).build());
    }

    @Test
    void oneWayNeedsPositiveAcceptedChannels() {
        assertWcf(WcfText.ValueMustBePositive, "The value of this argument must be positive.",
                () -> new OneWayBindingElement(0, false, OneWayBindingElement.defaults().channelPoolSettings()));
        assertEquals("compositeDuplex", CompositeDuplexBindingElement.defaults().configName());
    }
}
