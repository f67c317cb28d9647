package io.github.wcf4j.config;

import static io.github.wcf4j.config.ConfigFixture.assertNoErrors;
import static io.github.wcf4j.config.ConfigFixture.assertOneError;
import static io.github.wcf4j.config.ConfigFixture.serviceModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.encoding.BinaryMessageEncodingBindingElement;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.MtomMessageEncodingBindingElement;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import io.github.wcf4j.binding.standard.BasicHttpsBinding;
import io.github.wcf4j.binding.standard.NetHttpBinding;
import io.github.wcf4j.binding.standard.NetHttpMessageEncoding;
import io.github.wcf4j.binding.standard.SecurityMode;
import io.github.wcf4j.binding.transport.AuthenticationScheme;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.binding.transport.HttpsTransportBindingElement;
import io.github.wcf4j.binding.transport.TransferMode;
import io.github.wcf4j.binding.transport.WebSocketTransportUsage;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * WCF 4.5's HTTP standard bindings: {@code basicHttpsBinding} (basicHttpBinding with transport security by default) and
 * {@code netHttpBinding}/{@code netHttpsBinding} (binary encoding, WebSockets when duplex), read with WCF's defaults and
 * expanded as their {@code CreateBindingElements}.
 */
class HttpStandardBindingsConfigTest {

    private static Binding endpointBinding(String section, String bindingXml) {
        ConfigReadResult r = serviceModel("<bindings><" + section + ">" + bindingXml + "</" + section + "></bindings>"
                + "<client><endpoint address=\"https://localhost/x\" binding=\"" + section + "\" bindingConfiguration="
                + "\"b\" contract=\"C\"/></client>");
        assertNoErrors(r);
        return r.configuration().orElseThrow().clientEndpoints().get(0).binding();
    }

    private static List<Class<?>> types(Binding b) {
        return b.createBindingElements().stream().<Class<?>>map(BindingElement::getClass).toList();
    }

    @Test
    void basicHttpBindingMessageCertificateIsWcfsAsymmetricMutualCertificate() {
        Binding b = endpointBinding("basicHttpBinding", "<binding name=\"b\"><security mode=\"Message\"><message"
                + " clientCredentialType=\"Certificate\" algorithmSuite=\"Basic128\"/></security></binding>");
        io.github.wcf4j.binding.security.SecurityBindingElement sec = b.createBindingElements().stream()
                .filter(io.github.wcf4j.binding.security.SecurityBindingElement.class::isInstance)
                .map(io.github.wcf4j.binding.security.SecurityBindingElement.class::cast).findFirst().orElseThrow();
        // BasicHttpMessageSecurity.CreateMessageSecurity: CreateMutualCertificateBindingElement(WSS 1.0 BSP, true),
        // Lax, no derived keys
        assertEquals(io.github.wcf4j.binding.security.AuthenticationMode.MutualCertificate, sec.authenticationMode());
        assertEquals(io.github.wcf4j.binding.security.MessageSecurityVersion
                .WSSecurity10WSTrustFebruary2005WSSecureConversationFebruary2005WSSecurityPolicy11BasicSecurityProfile10,
                sec.messageSecurityVersion());
        assertEquals(io.github.wcf4j.binding.security.AuthenticationMode.Family.ASYMMETRIC, sec.family());
        assertEquals(io.github.wcf4j.binding.security.SecurityHeaderLayout.Lax, sec.securityHeaderLayout());
        assertFalse(sec.requireDerivedKeys());
        assertTrue(sec.allowSerializedSigningTokenOnReply());
        assertFalse(sec.requireSignatureConfirmation());
        assertTrue(sec.includeTimestamp());
        assertEquals("Basic128", sec.defaultAlgorithmSuite());
    }

    @Test
    void basicHttpsBindingIsSoap11OverHttpsByDefault() {
        BasicHttpsBinding b = (BasicHttpsBinding) endpointBinding("basicHttpsBinding", "<binding name=\"b\"/>");
        assertEquals(BasicHttpsBinding.defaults("b"), b);
        assertEquals(SecurityMode.Transport, b.security().mode());
        assertEquals(List.of(TextMessageEncodingBindingElement.class, HttpsTransportBindingElement.class), types(b));
        assertEquals(MessageVersion.SOAP11, b.messageVersion().orElseThrow());
        HttpsTransportBindingElement https = b.find(HttpsTransportBindingElement.class).orElseThrow();
        assertEquals(Set.of(AuthenticationScheme.Anonymous), https.http().authenticationScheme());
        assertFalse(https.requireClientCertificate());
        assertEquals("BasicHttpsBinding", b.wcfName());
    }

    @Test
    void basicHttpsBindingReadsTheHttpAttributesAndItsTransportCredential() {
        BasicHttpsBinding b = (BasicHttpsBinding) endpointBinding("basicHttpsBinding", "<binding name=\"b\""
                + " maxReceivedMessageSize=\"1000\" maxBufferSize=\"1000\" transferMode=\"Streamed\""
                + " messageEncoding=\"Mtom\"><security mode=\"Transport\"><transport clientCredentialType="
                + "\"Certificate\"/></security></binding>");
        assertEquals(1000, b.http().maxReceivedMessageSize());
        assertEquals(TransferMode.Streamed, b.http().transferMode());
        HttpsTransportBindingElement https = b.find(HttpsTransportBindingElement.class).orElseThrow();
        assertTrue(https.requireClientCertificate());
        assertTrue(b.find(MtomMessageEncodingBindingElement.class).isPresent());
    }

    @Test
    void basicHttpsBindingAcceptsOnlyTransportModes() {
        assertOneError(serviceModel("<bindings><basicHttpsBinding><binding>\n<security mode=\"None\"/>\n"
                + "</binding></basicHttpsBinding></bindings>"), "The value of the property 'mode' cannot be parsed."
                + " The error is: The enumeration value must be one of the following: Transport,"
                + " TransportWithMessageCredential.", 4);
    }

    @Test
    void netHttpBindingIsBinarySoap12WithWebSocketsWhenDuplex() {
        NetHttpBinding b = (NetHttpBinding) endpointBinding("netHttpBinding", "<binding name=\"b\"/>");
        assertEquals(NetHttpBinding.defaults(NetHttpBinding.Flavor.NET_HTTP, "b"), b);
        assertEquals(List.of(BinaryMessageEncodingBindingElement.class, HttpTransportBindingElement.class), types(b));
        assertEquals(MessageVersion.SOAP12_WS_ADDRESSING10, b.messageVersion().orElseThrow());
        assertEquals(WebSocketTransportUsage.WhenDuplex,
                b.find(HttpTransportBindingElement.class).orElseThrow().webSocketTransportUsage());
        assertEquals("NetHttpBinding", b.wcfName());
    }

    @Test
    void netHttpBindingReadsEncodingSessionAndWebSocketSettings() {
        NetHttpBinding b = (NetHttpBinding) endpointBinding("netHttpBinding", "<binding name=\"b\""
                + " messageEncoding=\"Text\"><reliableSession enabled=\"true\"/><webSocketSettings"
                + " transportUsage=\"Always\" subProtocol=\"soap\"/></binding>");
        assertEquals(NetHttpMessageEncoding.Text, b.messageEncoding());
        assertEquals(List.of(ReliableSessionBindingElement.class, TextMessageEncodingBindingElement.class,
                HttpTransportBindingElement.class), types(b));
        assertEquals(MessageVersion.SOAP12_WS_ADDRESSING10, b.messageVersion().orElseThrow());
        assertEquals(WebSocketTransportUsage.Always, b.webSocketTransportUsage());
    }

    @Test
    void netHttpBindingsMessageEncodingIsNetHttpMessageEncoding() {
        assertOneError(serviceModel("<bindings><netHttpBinding>\n<binding messageEncoding=\"Binaryy\"/>\n"
                + "</netHttpBinding></bindings>"), "The value of the property 'messageEncoding' cannot be parsed."
                + " The error is: The enumeration value must be one of the following: Binary, Text, Mtom.", 4);
    }

    @Test
    void netHttpsBindingIsNetHttpBindingOverHttps() {
        NetHttpBinding b = (NetHttpBinding) endpointBinding("netHttpsBinding", "<binding name=\"b\"/>");
        assertEquals(NetHttpBinding.defaults(NetHttpBinding.Flavor.NET_HTTPS, "b"), b);
        assertEquals(List.of(BinaryMessageEncodingBindingElement.class, HttpsTransportBindingElement.class), types(b));
        assertEquals("NetHttpsBinding", b.wcfName());
        assertOneError(serviceModel("<bindings><netHttpsBinding><binding>\n<security mode=\"None\"/>\n"
                + "</binding></netHttpsBinding></bindings>"), "The value of the property 'mode' cannot be parsed."
                + " The error is: The enumeration value must be one of the following: Transport,"
                + " TransportWithMessageCredential.", 4);
    }
}
