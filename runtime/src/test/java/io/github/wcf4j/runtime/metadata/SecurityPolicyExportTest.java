package io.github.wcf4j.runtime.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.encoding.BinaryMessageEncodingBindingElement;
import io.github.wcf4j.binding.security.ProtectionLevel;
import io.github.wcf4j.binding.security.SslStreamSecurityBindingElement;
import io.github.wcf4j.binding.security.WindowsStreamSecurityBindingElement;
import io.github.wcf4j.binding.transport.TcpTransportBindingElement;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.MessageSecurityVersion;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.binding.transport.HttpsTransportBindingElement;
import io.github.wcf4j.runtime.contract.ContractDescription;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The WS-SecurityPolicy WCF (.NET Framework 4.8 reference source, {@code WSSecurityPolicy}) exports for each message
 * security mode wcf4j runs, byte for byte. The expected texts follow the reference source's writers; where Microsoft's
 * "Security Protocols" document (DOCS-SP, written for .NET 3.x) prints the same policy it agrees except for the
 * {@code MustSupportRef*} list of {@code sp:Wss11}, which .NET 4.x derives from the tokens' reference styles.
 */
class SecurityPolicyExportTest {
    private static final URI HTTP = URI.create("http://localhost:8000/ServiceModelSamples/service");
    private static final URI HTTPS = URI.create("https://localhost:8443/ServiceModelSamples/service");
    private static final String SP11 = "http://schemas.xmlsoap.org/ws/2005/07/securitypolicy";
    private static final String SP12 = "http://docs.oasis-open.org/ws-sx/ws-securitypolicy/200702";
    private static final String WSP = "http://schemas.xmlsoap.org/ws/2004/09/policy";
    private static final String WSU =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    private static final MessageSecurityVersion WSS10_SP11 = MessageSecurityVersion
            .WSSecurity10WSTrustFebruary2005WSSecureConversationFebruary2005WSSecurityPolicy11BasicSecurityProfile10;
    private static final MessageSecurityVersion WSS11_SP12 =
            MessageSecurityVersion.WSSecurity11WSTrust13WSSecureConversation13WSSecurityPolicy12;

    private static SecurityBindingElement security(AuthenticationMode mode) {
        return SecurityBindingElement.builder().authenticationMode(mode).build();
    }

    private static CustomBinding overHttps(SecurityBindingElement security) {
        return CustomBinding.of("b", security, TextMessageEncodingBindingElement.defaults(),
                HttpsTransportBindingElement.defaults());
    }

    private static CustomBinding overHttp(BindingElement... top) {
        List<BindingElement> all = new ArrayList<>(List.of(top));
        all.add(TextMessageEncodingBindingElement.defaults());
        all.add(HttpTransportBindingElement.defaults());
        return CustomBinding.of("b", all.toArray(BindingElement[]::new));
    }

    private static String wsdl(CustomBinding b, URI address) {
        ServiceMetadata m = WsdlExporter.export(new QName(WsdlExporter.TEMPURI, "CalculatorService"),
                List.of(new WsdlExporter.ExportedEndpoint("", ContractDescription.of(ICalculator.class), b, address)),
                "Default");
        return new String(m.wsdl(address), StandardCharsets.UTF_8);
    }

    /** The endpoint policy {@code CustomBinding_ICalculator_policy} with exactly these assertions. */
    private static String endpointPolicy(String assertions) {
        return "<wsp:Policy wsu:Id=\"CustomBinding_ICalculator_policy\"><wsp:ExactlyOne><wsp:All>" + assertions
                + "</wsp:All></wsp:ExactlyOne></wsp:Policy>";
    }

    private static String transportBinding(String sp, String token, String suite, boolean timestamp) {
        return "<sp:TransportBinding xmlns:sp=\"" + sp + "\"><wsp:Policy><sp:TransportToken><wsp:Policy>" + token
                + "</wsp:Policy></sp:TransportToken><sp:AlgorithmSuite><wsp:Policy><sp:" + suite
                + "/></wsp:Policy></sp:AlgorithmSuite><sp:Layout><wsp:Policy><sp:Strict/></wsp:Policy></sp:Layout>"
                + (timestamp ? "<sp:IncludeTimestamp/>" : "") + "</wsp:Policy></sp:TransportBinding>";
    }

    private static String trust(String name, String sp) {
        return "<sp:" + name + " xmlns:sp=\"" + sp + "\"><wsp:Policy><sp:MustSupportIssuedTokens/>"
                + "<sp:RequireClientEntropy/><sp:RequireServerEntropy/></wsp:Policy></sp:" + name + ">";
    }

    private static String protectionToken(String sp) {
        return "<sp:ProtectionToken><wsp:Policy><sp:X509Token sp:IncludeToken=\"" + sp + "/IncludeToken/Never\">"
                + "<wsp:Policy><sp:RequireDerivedKeys/><sp:RequireThumbprintReference/><sp:WssX509V3Token10/>"
                + "</wsp:Policy></sp:X509Token></wsp:Policy></sp:ProtectionToken>";
    }

    private static String symmetricBinding(String sp) {
        return "<sp:SymmetricBinding xmlns:sp=\"" + sp + "\"><wsp:Policy>" + protectionToken(sp)
                + "<sp:AlgorithmSuite><wsp:Policy><sp:Basic256/></wsp:Policy></sp:AlgorithmSuite>"
                + "<sp:Layout><wsp:Policy><sp:Strict/></wsp:Policy></sp:Layout><sp:IncludeTimestamp/>"
                + "<sp:EncryptSignature/><sp:OnlySignEntireHeadersAndBody/></wsp:Policy></sp:SymmetricBinding>";
    }

    private static String wss11(String sp, String... assertions) {
        if (assertions.length == 0) {
            return "<sp:Wss11 xmlns:sp=\"" + sp + "\"><wsp:Policy/></sp:Wss11>";
        }
        StringBuilder b = new StringBuilder("<sp:Wss11 xmlns:sp=\"" + sp + "\"><wsp:Policy>");
        for (String a : assertions) {
            b.append("<sp:").append(a).append("/>");
        }
        return b.append("</wsp:Policy></sp:Wss11>").toString();
    }

    private static String userNameToken(String sp) {
        return "<sp:UsernameToken sp:IncludeToken=\"" + sp + "/IncludeToken/AlwaysToRecipient\"><wsp:Policy>"
                + "<sp:WssUsernameToken10/></wsp:Policy></sp:UsernameToken>";
    }

    private static final String HTTPS_TOKEN_11 = "<sp:HttpsToken RequireClientCertificate=\"false\"/>";
    private static final String ADDRESSING = "<wsaw:UsingAddressing/>";

    // ------------------------------------------------------------------ over transport

    /**
     * A net.tcp stream upgrade exports WCF's transport binding with a .NET Framing token
     * ({@code GetTransportTokenAssertion}) at the transport's place, between the encoding and addressing.
     */
    @Test
    void netTcpStreamUpgradesExportTheirFramingTransportTokens() {
        URI tcp = URI.create("net.tcp://localhost:808/ServiceModelSamples/service");
        String msf = "http://schemas.microsoft.com/ws/2006/05/framing/policy";
        String windows = wsdl(CustomBinding.of("b", BinaryMessageEncodingBindingElement.defaults(),
                new WindowsStreamSecurityBindingElement(ProtectionLevel.Sign), TcpTransportBindingElement.defaults()),
                tcp);
        String token = transportBinding(SP11, "<msf:WindowsTransportSecurity xmlns:msf=\"" + msf + "\">"
                + "<msf:ProtectionLevel>Sign</msf:ProtectionLevel></msf:WindowsTransportSecurity>", "Basic256", false);
        assertTrue(windows.contains(token), windows);
        assertTrue(windows.indexOf("msb:BinaryEncoding") < windows.indexOf(token)
                && windows.indexOf(token) < windows.indexOf(ADDRESSING), windows);
        String ssl = wsdl(CustomBinding.of("b", BinaryMessageEncodingBindingElement.defaults(),
                new SslStreamSecurityBindingElement(true, "Tls12"), TcpTransportBindingElement.defaults()), tcp);
        assertTrue(ssl.contains(transportBinding(SP11, "<msf:SslTransportSecurity xmlns:msf=\"" + msf + "\">"
                + "<msf:RequireClientCertificate/></msf:SslTransportSecurity>", "Basic256", false)), ssl);
    }

    /** Streamed net.tcp adds WCF's {@code msf:Streamed} at the transport's place, after the stream upgrade's binding. */
    @Test
    void streamedNetTcpExportsTheFramingStreamedAssertion() {
        URI tcp = URI.create("net.tcp://localhost:808/ServiceModelSamples/service");
        TcpTransportBindingElement d = TcpTransportBindingElement.defaults();
        TcpTransportBindingElement streamed = new TcpTransportBindingElement(false, d.maxBufferPoolSize(),
                d.maxReceivedMessageSize(), d.connectionBufferSize(), d.hostNameComparisonMode(),
                d.channelInitializationTimeout(), d.maxBufferSize(), d.maxPendingConnections(), d.maxOutputDelay(),
                d.maxPendingAccepts(), io.github.wcf4j.binding.transport.TransferMode.Streamed, d.listenBacklog(),
                false, false, d.connectionPoolSettings());
        String wsdl = wsdl(CustomBinding.of("b", BinaryMessageEncodingBindingElement.defaults(),
                new SslStreamSecurityBindingElement(false, "Tls12"), streamed), tcp);
        String assertion = "<msf:Streamed xmlns:msf=\"http://schemas.microsoft.com/ws/2006/05/framing/policy\"/>";
        assertTrue(wsdl.contains(assertion), wsdl);
        assertTrue(wsdl.indexOf("msf:SslTransportSecurity") < wsdl.indexOf(assertion)
                && wsdl.indexOf(assertion) < wsdl.indexOf(ADDRESSING), wsdl);
        assertFalse(wsdl(CustomBinding.of("b", BinaryMessageEncodingBindingElement.defaults(),
                TcpTransportBindingElement.defaults()), tcp).contains("msf:Streamed"), "buffered: none");
    }

    @Test
    void userNameOverTransportIsATransportBindingWithASignedUserName() {
        String wsdl = wsdl(overHttps(security(AuthenticationMode.UserNameOverTransport)), HTTPS);
        assertTrue(wsdl.contains(endpointPolicy(transportBinding(SP11, HTTPS_TOKEN_11, "Basic256", true)
                + "<sp:SignedSupportingTokens xmlns:sp=\"" + SP11 + "\"><wsp:Policy>" + userNameToken(SP11)
                + "</wsp:Policy></sp:SignedSupportingTokens>" + wss11(SP11) + trust("Trust10", SP11) + ADDRESSING)),
                wsdl);
        assertFalse(wsdl.contains("_Input_policy"), "transport security has no message policies: " + wsdl);
    }

    @Test
    void underSecurityPolicy12TheUserNameIsASignedEncryptedSupportingToken() {
        String wsdl = wsdl(overHttps(SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.UserNameOverTransport).messageSecurityVersion(WSS11_SP12)
                .build()), HTTPS);
        assertTrue(wsdl.contains(endpointPolicy(transportBinding(SP12, "<sp:HttpsToken/>", "Basic256", true)
                + "<sp:SignedEncryptedSupportingTokens xmlns:sp=\"" + SP12 + "\"><wsp:Policy>" + userNameToken(SP12)
                + "</wsp:Policy></sp:SignedEncryptedSupportingTokens>" + wss11(SP12) + trust("Trust13", SP12)
                + ADDRESSING)), wsdl);
    }

    @Test
    void certificateOverTransportEndorsesWithTheClientCertificateAndSignsTo() {
        String endorsing = "<sp:EndorsingSupportingTokens xmlns:sp=\"" + SP11 + "\"><wsp:Policy><sp:X509Token"
                + " sp:IncludeToken=\"" + SP11 + "/IncludeToken/AlwaysToRecipient\"><wsp:Policy>%s"
                + "<sp:WssX509V3Token10/></wsp:Policy></sp:X509Token><sp:SignedParts><sp:Header Name=\"To\""
                + " Namespace=\"http://www.w3.org/2005/08/addressing\"/></sp:SignedParts></wsp:Policy>"
                + "</sp:EndorsingSupportingTokens>";
        String wss11 = wsdl(overHttps(security(AuthenticationMode.CertificateOverTransport)), HTTPS);
        assertTrue(wss11.contains(endpointPolicy(transportBinding(SP11, HTTPS_TOKEN_11, "Basic256", true)
                + String.format(endorsing, "<sp:RequireThumbprintReference/>")
                + wss11(SP11, "MustSupportRefThumbprint") + trust("Trust10", SP11) + ADDRESSING)), wss11);

        // WS-Security 1.0: any reference style, so Wss10 lists key identifiers and issuer/serial
        String wss10 = wsdl(overHttps(SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.CertificateOverTransport).messageSecurityVersion(WSS10_SP11)
                .build()), HTTPS);
        assertTrue(wss10.contains(endpointPolicy(transportBinding(SP11, HTTPS_TOKEN_11, "Basic256", true)
                + String.format(endorsing, "") + "<sp:Wss10 xmlns:sp=\"" + SP11 + "\"><wsp:Policy>"
                + "<sp:MustSupportRefKeyIdentifier/><sp:MustSupportRefIssuerSerial/></wsp:Policy></sp:Wss10>"
                + trust("Trust10", SP11) + ADDRESSING)), wss10);
    }

    /**
     * wsHttpBinding's TransportWithMessageCredential with {@code establishSecurityContext="true"}: WCF's transport
     * element whose endorsing token is the context token ({@code CreateSecureConversationBindingElement} over
     * UserNameOverTransport: no derived keys), exported with the bootstrap's own transport policy inside the token's
     * {@code sp:BootstrapPolicy} ({@code CreateWsspBootstrapPolicyAssertion}); a symmetric key signs no {@code To}.
     */
    @Test
    void aSecureConversationOverUserNameOverTransportEndorsesWithTheContextTokenAndItsBootstrapPolicy() {
        String wsa = "http://www.w3.org/2005/08/addressing";
        StringBuilder signed = new StringBuilder("<sp:SignedParts><sp:Body/>");
        for (String h : List.of("To", "From", "FaultTo", "ReplyTo", "MessageID", "RelatesTo", "Action")) {
            signed.append("<sp:Header Name=\"").append(h).append("\" Namespace=\"").append(wsa).append("\"/>");
        }
        String bootstrap = "<sp:BootstrapPolicy><wsp:Policy>" + signed + "</sp:SignedParts>"
                + "<sp:EncryptedParts><sp:Body/></sp:EncryptedParts>"
                + transportBinding(SP11, HTTPS_TOKEN_11, "Basic256", true)
                + "<sp:SignedSupportingTokens xmlns:sp=\"" + SP11 + "\"><wsp:Policy>" + userNameToken(SP11)
                + "</wsp:Policy></sp:SignedSupportingTokens>" + wss11(SP11) + trust("Trust10", SP11)
                + "</wsp:Policy></sp:BootstrapPolicy>";
        SecurityBindingElement sc = SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.SecureConversation).requireDerivedKeys(false)
                .bootstrap(security(AuthenticationMode.UserNameOverTransport)).build();
        String wsdl = wsdl(overHttps(sc), HTTPS);
        assertTrue(wsdl.contains(endpointPolicy(transportBinding(SP11, HTTPS_TOKEN_11, "Basic256", true)
                + "<sp:EndorsingSupportingTokens xmlns:sp=\"" + SP11 + "\"><wsp:Policy><sp:SecureConversationToken"
                + " sp:IncludeToken=\"" + SP11 + "/IncludeToken/AlwaysToRecipient\"><wsp:Policy>" + bootstrap
                + "</wsp:Policy></sp:SecureConversationToken></wsp:Policy></sp:EndorsingSupportingTokens>"
                + wss11(SP11) + trust("Trust10", SP11) + ADDRESSING)), wsdl);
        assertFalse(wsdl.contains("_Input_policy"), "the transport protects the messages: " + wsdl);
        parse(wsdl);
    }

    /**
     * SspiNegotiatedOverTransport (wsHttpBinding's TransportWithMessageCredential with Windows credentials and
     * {@code establishSecurityContext="false"}): WCF's {@code CreateSspiNegotiationOverTransportBindingElement}, a
     * transport element whose endorsing supporting token is the SPNEGO one ({@code SspiSecurityTokenParameters}, no
     * derived keys), exported as the transport binding then {@code sp:EndorsingSupportingTokens} holding
     * {@code sp:SpnegoContextToken} ({@code CreateWsspSpnegoContextTokenAssertion}; a symmetric key signs no
     * {@code To}), {@code sp:Wss11} and {@code sp:Trust10|13}; as a secure conversation's bootstrap, inside the
     * context token's {@code sp:BootstrapPolicy}.
     */
    @Test
    void sspiNegotiatedOverTransportEndorsesTheTransportBindingWithTheSpnegoToken() {
        String wsdl = wsdl(overHttps(security(AuthenticationMode.SspiNegotiatedOverTransport)), HTTPS);
        String spnego11 = "<sp:EndorsingSupportingTokens xmlns:sp=\"" + SP11 + "\"><wsp:Policy>"
                + "<sp:SpnegoContextToken sp:IncludeToken=\"" + SP11 + "/IncludeToken/AlwaysToRecipient\">"
                + "<wsp:Policy/></sp:SpnegoContextToken></wsp:Policy></sp:EndorsingSupportingTokens>";
        String expected = transportBinding(SP11, HTTPS_TOKEN_11, "Basic256", true) + spnego11 + wss11(SP11)
                + trust("Trust10", SP11);
        assertTrue(wsdl.contains(endpointPolicy(expected + ADDRESSING)), wsdl);
        assertFalse(wsdl.contains("_Input_policy"), "the transport protects the messages: " + wsdl);
        parse(wsdl);

        String cookie = wsdl(overHttps(SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.SspiNegotiatedOverTransport)
                .requireSecurityContextCancellation(false).build()), HTTPS);
        assertTrue(cookie.contains("<sp:SpnegoContextToken sp:IncludeToken=\"" + SP11
                + "/IncludeToken/AlwaysToRecipient\"><wsp:Policy><mssp:MustNotSendCancel xmlns:mssp=\"" + MSSP
                + "\"/></wsp:Policy></sp:SpnegoContextToken>"), cookie);

        String sp12 = wsdl(overHttps(SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.SspiNegotiatedOverTransport).messageSecurityVersion(WSS11_SP12)
                .build()), HTTPS);
        assertTrue(sp12.contains(endpointPolicy(transportBinding(SP12, "<sp:HttpsToken/>", "Basic256", true)
                + "<sp:EndorsingSupportingTokens xmlns:sp=\"" + SP12 + "\"><wsp:Policy><sp:SpnegoContextToken"
                + " sp:IncludeToken=\"" + SP12 + "/IncludeToken/AlwaysToRecipient\"><wsp:Policy>"
                + "<sp:MustNotSendCancel/><sp:MustNotSendAmend/><sp:MustNotSendRenew/></wsp:Policy>"
                + "</sp:SpnegoContextToken></wsp:Policy></sp:EndorsingSupportingTokens>" + wss11(SP12)
                + trust("Trust13", SP12) + ADDRESSING)), sp12);
        parse(sp12);

        // as a secure conversation's bootstrap: the SPNEGO transport policy inside the context token's
        String sc = wsdl(overHttps(SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.SecureConversation).requireDerivedKeys(false)
                .bootstrap(security(AuthenticationMode.SspiNegotiatedOverTransport)).build()), HTTPS);
        int token = sc.indexOf("<sp:SecureConversationToken");
        int bootstrap = sc.indexOf("<sp:BootstrapPolicy>");
        int spnego = sc.indexOf("<sp:SpnegoContextToken");
        assertTrue(token > 0 && token < bootstrap && bootstrap < spnego
                && spnego < sc.indexOf("</sp:BootstrapPolicy>"), sc);
        parse(sc);
    }

    @Test
    void theTransportBindingFollowsSuiteLayoutTimestampAndClientCertificate() {
        SecurityBindingElement e = SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.UserNameOverTransport).defaultAlgorithmSuite("Basic128Rsa15")
                .securityHeaderLayout(io.github.wcf4j.binding.security.SecurityHeaderLayout.LaxTimestampFirst)
                .includeTimestamp(false).build();
        CustomBinding b = CustomBinding.of("b", e, TextMessageEncodingBindingElement.defaults(),
                new HttpsTransportBindingElement(HttpTransportBindingElement.defaults(), true));
        String wsdl = wsdl(b, HTTPS);
        assertTrue(wsdl.contains("<sp:TransportBinding xmlns:sp=\"" + SP11 + "\"><wsp:Policy><sp:TransportToken>"
                + "<wsp:Policy><sp:HttpsToken RequireClientCertificate=\"true\"/></wsp:Policy></sp:TransportToken>"
                + "<sp:AlgorithmSuite><wsp:Policy><sp:Basic128Rsa15/></wsp:Policy></sp:AlgorithmSuite><sp:Layout>"
                + "<wsp:Policy><sp:LaxTsFirst/></wsp:Policy></sp:Layout></wsp:Policy></sp:TransportBinding>"), wsdl);
    }

    @Test
    void httpsWithoutMessageSecurityExportsWcfsDefaultTransportBinding() {
        String wsdl = wsdl(CustomBinding.of("b", TextMessageEncodingBindingElement.defaults(),
                HttpsTransportBindingElement.defaults()), HTTPS);
        assertTrue(wsdl.contains(endpointPolicy(transportBinding(SP11, HTTPS_TOKEN_11, "Basic256", false)
                + ADDRESSING)), wsdl);
    }

    // ------------------------------------------------------------------ symmetric and asymmetric

    /** SignedParts (body and the WS-Addressing 1.0 headers) and EncryptedParts (body), in WCF's order. */
    private static String messagePolicy(String id, String sp) {
        String wsa = "http://www.w3.org/2005/08/addressing";
        StringBuilder signed = new StringBuilder("<sp:SignedParts xmlns:sp=\"" + sp + "\"><sp:Body/>");
        for (String h : List.of("To", "From", "FaultTo", "ReplyTo", "MessageID", "RelatesTo", "Action")) {
            signed.append("<sp:Header Name=\"").append(h).append("\" Namespace=\"").append(wsa).append("\"/>");
        }
        return "<wsp:Policy wsu:Id=\"" + id + "\"><wsp:ExactlyOne><wsp:All>" + signed + "</sp:SignedParts>"
                + "<sp:EncryptedParts xmlns:sp=\"" + sp + "\"><sp:Body/></sp:EncryptedParts>"
                + "</wsp:All></wsp:ExactlyOne></wsp:Policy>";
    }

    @Test
    void anonymousForCertificateIsASymmetricBindingWithSignatureConfirmation() {
        String wsdl = wsdl(overHttp(security(AuthenticationMode.AnonymousForCertificate)), HTTP);
        assertTrue(wsdl.contains(endpointPolicy(symmetricBinding(SP11)
                + wss11(SP11, "MustSupportRefThumbprint", "MustSupportRefEncryptedKey", "RequireSignatureConfirmation")
                + trust("Trust10", SP11) + ADDRESSING)), wsdl);
    }

    @Test
    void anonymousForCertificateUnderSecurityPolicy12MatchesWcfsPublishedPolicy() {
        // DOCS-SP §3.2.4 "AnonymousForCertificate" prints this policy, save Wss11's MustSupportRefKeyIdentifier and
        // MustSupportRefIssuerSerial, which .NET 4.x only lists for tokens referenced that way
        String wsdl = wsdl(overHttp(SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.AnonymousForCertificate).messageSecurityVersion(WSS11_SP12)
                .build()), HTTP);
        assertTrue(wsdl.contains(endpointPolicy(symmetricBinding(SP12)
                + wss11(SP12, "MustSupportRefThumbprint", "MustSupportRefEncryptedKey", "RequireSignatureConfirmation")
                + trust("Trust13", SP12) + ADDRESSING)), wsdl);
    }

    @Test
    void userNameForCertificateAddsTheUserNameAndNoSignatureConfirmation() {
        String wsdl = wsdl(overHttp(security(AuthenticationMode.UserNameForCertificate)), HTTP);
        assertTrue(wsdl.contains(endpointPolicy(symmetricBinding(SP11)
                + "<sp:SignedSupportingTokens xmlns:sp=\"" + SP11 + "\"><wsp:Policy>" + userNameToken(SP11)
                + "</wsp:Policy></sp:SignedSupportingTokens>"
                + wss11(SP11, "MustSupportRefThumbprint", "MustSupportRefEncryptedKey")
                + trust("Trust10", SP11) + ADDRESSING)), wsdl);
        String sp12 = wsdl(overHttp(SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.UserNameForCertificate).messageSecurityVersion(WSS11_SP12)
                .build()), HTTP);
        assertTrue(sp12.contains("<sp:SignedEncryptedSupportingTokens xmlns:sp=\"" + SP12 + "\"><wsp:Policy>"
                + userNameToken(SP12) + "</wsp:Policy></sp:SignedEncryptedSupportingTokens>"), sp12);
    }

    /** The bootstrap's binding as it appears inside {@code sp:BootstrapPolicy} (its assertions, then Wss11, Trust10). */
    private static String userNameForCertificateBootstrap() {
        String wsa = "http://www.w3.org/2005/08/addressing";
        StringBuilder signed = new StringBuilder("<sp:SignedParts><sp:Body/>");
        for (String h : List.of("To", "From", "FaultTo", "ReplyTo", "MessageID", "RelatesTo", "Action")) {
            signed.append("<sp:Header Name=\"").append(h).append("\" Namespace=\"").append(wsa).append("\"/>");
        }
        return "<sp:BootstrapPolicy><wsp:Policy>" + signed + "</sp:SignedParts>"
                + "<sp:EncryptedParts><sp:Body/></sp:EncryptedParts>" + symmetricBinding(SP11)
                + "<sp:SignedSupportingTokens xmlns:sp=\"" + SP11 + "\"><wsp:Policy>" + userNameToken(SP11)
                + "</wsp:Policy></sp:SignedSupportingTokens>"
                + wss11(SP11, "MustSupportRefThumbprint", "MustSupportRefEncryptedKey") + trust("Trust10", SP11)
                + "</wsp:Policy></sp:BootstrapPolicy>";
    }

    private static SecurityBindingElement secureConversation(boolean cancel, MessageSecurityVersion version) {
        return SecurityBindingElement.builder().authenticationMode(AuthenticationMode.SecureConversation)
                .requireSecurityContextCancellation(cancel).messageSecurityVersion(version)
                .bootstrap(SecurityBindingElement.builder().authenticationMode(AuthenticationMode.UserNameForCertificate)
                        .messageSecurityVersion(version).build())
                .build();
    }

    /**
     * WCF's {@code CreateSecureConversationBindingElement} exported by {@code CreateWsspSecureConversationTokenAssertion}:
     * the context token (always to the recipient, derived keys) holds the bootstrap's policy; the steady-state binding
     * asks for no signature confirmation, and its {@code sp:Wss11} lists no reference (the context token needs none).
     */
    @Test
    void secureConversationCarriesItsBootstrapPolicyInsideTheContextToken() {
        String wsdl = wsdl(overHttp(secureConversation(true, MessageSecurityVersion.DEFAULT)), HTTP);
        String outer = "<sp:SymmetricBinding xmlns:sp=\"" + SP11 + "\"><wsp:Policy><sp:ProtectionToken><wsp:Policy>"
                + "<sp:SecureConversationToken sp:IncludeToken=\"" + SP11 + "/IncludeToken/AlwaysToRecipient\">"
                + "<wsp:Policy><sp:RequireDerivedKeys/>" + userNameForCertificateBootstrap()
                + "</wsp:Policy></sp:SecureConversationToken></wsp:Policy></sp:ProtectionToken>"
                + "<sp:AlgorithmSuite><wsp:Policy><sp:Basic256/></wsp:Policy></sp:AlgorithmSuite>"
                + "<sp:Layout><wsp:Policy><sp:Strict/></wsp:Policy></sp:Layout><sp:IncludeTimestamp/>"
                + "<sp:EncryptSignature/><sp:OnlySignEntireHeadersAndBody/></wsp:Policy></sp:SymmetricBinding>";
        assertTrue(wsdl.contains(endpointPolicy(outer + wss11(SP11) + trust("Trust10", SP11) + ADDRESSING)), wsdl);
        assertTrue(wsdl.contains("<wsp:PolicyReference URI=\"#CustomBinding_ICalculator_Add_Input_policy\"/>"),
                "the application messages are signed and encrypted as the symmetric modes': " + wsdl);
        parse(wsdl);

        String cookie = wsdl(overHttp(secureConversation(false, MessageSecurityVersion.DEFAULT)), HTTP);
        // WS-SecurityPolicy 1.1 writes MustNotSendCancel in the mssp namespace (RS WSSecurityPolicy11)
        assertTrue(cookie.contains("<wsp:Policy><sp:RequireDerivedKeys/><mssp:MustNotSendCancel xmlns:mssp=\""
                + "http://schemas.microsoft.com/ws/2005/07/securitypolicy\"/><sp:BootstrapPolicy>"), cookie);
        String sp12 = wsdl(overHttp(secureConversation(true, WSS11_SP12)), HTTP);
        assertTrue(sp12.contains("</sp:BootstrapPolicy><sp:MustNotSendAmend/></wsp:Policy></sp:SecureConversationToken>"),
                sp12);
        String sp12Cookie = wsdl(overHttp(secureConversation(false, WSS11_SP12)), HTTP);
        assertTrue(sp12Cookie.contains("<sp:MustNotSendCancel/><sp:BootstrapPolicy>") && sp12Cookie.contains(
                "</sp:BootstrapPolicy><sp:MustNotSendAmend/><sp:MustNotSendRenew/></wsp:Policy>"), sp12Cookie);
    }

    @Test
    void mutualCertificateUnderWss11EndorsesTheSymmetricBindingWithTheClientCertificate() {
        String wsdl = wsdl(overHttp(security(AuthenticationMode.MutualCertificate)), HTTP);
        assertTrue(wsdl.contains(endpointPolicy(symmetricBinding(SP11)
                + "<sp:EndorsingSupportingTokens xmlns:sp=\"" + SP11 + "\"><wsp:Policy><sp:X509Token"
                + " sp:IncludeToken=\"" + SP11 + "/IncludeToken/AlwaysToRecipient\"><wsp:Policy>"
                + "<sp:RequireThumbprintReference/><sp:WssX509V3Token10/></wsp:Policy></sp:X509Token></wsp:Policy>"
                + "</sp:EndorsingSupportingTokens>"
                + wss11(SP11, "MustSupportRefThumbprint", "MustSupportRefEncryptedKey", "RequireSignatureConfirmation")
                + trust("Trust10", SP11) + ADDRESSING)), wsdl);
    }

    @Test
    void mutualCertificateUnderWss10IsTheAsymmetricBindingWcfPublishes() {
        // DOCS-SP §3.2.1 "MutualCertificate WSS1.0", in the SP 1.1 dialect
        String wsdl = wsdl(overHttp(SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.MutualCertificate).messageSecurityVersion(WSS10_SP11)
                .build()), HTTP);
        assertTrue(wsdl.contains(endpointPolicy("<sp:AsymmetricBinding xmlns:sp=\"" + SP11 + "\"><wsp:Policy>"
                + "<sp:InitiatorToken><wsp:Policy><sp:X509Token sp:IncludeToken=\"" + SP11
                + "/IncludeToken/AlwaysToRecipient\"><wsp:Policy><sp:WssX509V3Token10/></wsp:Policy></sp:X509Token>"
                + "</wsp:Policy></sp:InitiatorToken><sp:RecipientToken><wsp:Policy><sp:X509Token sp:IncludeToken=\""
                + SP11 + "/IncludeToken/Never\"><wsp:Policy><sp:WssX509V3Token10/></wsp:Policy></sp:X509Token>"
                + "</wsp:Policy></sp:RecipientToken><sp:AlgorithmSuite><wsp:Policy><sp:Basic256/></wsp:Policy>"
                + "</sp:AlgorithmSuite><sp:Layout><wsp:Policy><sp:Strict/></wsp:Policy></sp:Layout>"
                + "<sp:IncludeTimestamp/><sp:EncryptSignature/><sp:OnlySignEntireHeadersAndBody/></wsp:Policy>"
                + "</sp:AsymmetricBinding><sp:Wss10 xmlns:sp=\"" + SP11 + "\"><wsp:Policy>"
                + "<sp:MustSupportRefKeyIdentifier/><sp:MustSupportRefIssuerSerial/></wsp:Policy></sp:Wss10>"
                + trust("Trust10", SP11) + ADDRESSING)), wsdl);
    }

    @Test
    void mutualCertificateDuplexIsTheAsymmetricBindingWithTheServicesTokenToTheInitiator() {
        // CreateMutualCertificateDuplexBindingElement under WCF's default version: thumbprint references
        String wsdl = wsdl(overHttp(security(AuthenticationMode.MutualCertificateDuplex)), HTTP);
        assertTrue(wsdl.contains(endpointPolicy("<sp:AsymmetricBinding xmlns:sp=\"" + SP11 + "\"><wsp:Policy>"
                + "<sp:InitiatorToken><wsp:Policy><sp:X509Token sp:IncludeToken=\"" + SP11
                + "/IncludeToken/AlwaysToRecipient\"><wsp:Policy><sp:RequireThumbprintReference/>"
                + "<sp:WssX509V3Token10/></wsp:Policy></sp:X509Token></wsp:Policy></sp:InitiatorToken>"
                + "<sp:RecipientToken><wsp:Policy><sp:X509Token sp:IncludeToken=\"" + SP11
                + "/IncludeToken/AlwaysToInitiator\"><wsp:Policy><sp:RequireThumbprintReference/>"
                + "<sp:WssX509V3Token10/></wsp:Policy></sp:X509Token></wsp:Policy></sp:RecipientToken>"
                + "<sp:AlgorithmSuite><wsp:Policy><sp:Basic256/></wsp:Policy>"
                + "</sp:AlgorithmSuite><sp:Layout><wsp:Policy><sp:Strict/></wsp:Policy></sp:Layout>"
                + "<sp:IncludeTimestamp/><sp:EncryptSignature/><sp:OnlySignEntireHeadersAndBody/></wsp:Policy>"
                + "</sp:AsymmetricBinding>" + wss11(SP11, "MustSupportRefThumbprint")
                + trust("Trust10", SP11) + ADDRESSING)), wsdl);
    }

    @Test
    void everyMessageCarriesSignedAndEncryptedPartsReferencedFromItsBinding() {
        String wsdl = wsdl(overHttp(security(AuthenticationMode.AnonymousForCertificate)), HTTP);
        String expected = "";
        for (String op : List.of("Add", "Subtract", "Multiply", "Divide")) {
            expected += messagePolicy("CustomBinding_ICalculator_" + op + "_Input_policy", SP11)
                    + messagePolicy("CustomBinding_ICalculator_" + op + "_output_policy", SP11);
        }
        assertTrue(wsdl.contains(ADDRESSING + "</wsp:All></wsp:ExactlyOne></wsp:Policy>" + expected
                + "<wsdl:import"), "the endpoint policy, then each operation's input and output: " + wsdl);
        assertTrue(wsdl.contains("<wsdl:operation name=\"Add\"><soap12:operation"
                + " soapAction=\"http://Microsoft.ServiceModel.Samples/ICalculator/Add\" style=\"document\"/>"
                + "<wsdl:input><wsp:PolicyReference URI=\"#CustomBinding_ICalculator_Add_Input_policy\"/>"
                + "<soap12:body use=\"literal\"/></wsdl:input><wsdl:output><wsp:PolicyReference"
                + " URI=\"#CustomBinding_ICalculator_Add_output_policy\"/><soap12:body use=\"literal\"/>"
                + "</wsdl:output></wsdl:operation>"), wsdl);
    }

    @Test
    void theOrderOfProtectionAndTheSettingsShapeTheSymmetricBinding() {
        SecurityBindingElement e = SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.AnonymousForCertificate)
                .messageProtectionOrder(io.github.wcf4j.binding.security.MessageProtectionOrder.EncryptBeforeSign)
                .requireDerivedKeys(false).requireSignatureConfirmation(false).protectTokens(true)
                .keyEntropyMode(io.github.wcf4j.binding.security.SecurityKeyEntropyMode.ServerEntropy).build();
        String wsdl = wsdl(overHttp(e), HTTP);
        assertTrue(wsdl.contains("<sp:X509Token sp:IncludeToken=\"" + SP11 + "/IncludeToken/Never\"><wsp:Policy>"
                + "<sp:RequireThumbprintReference/><sp:WssX509V3Token10/></wsp:Policy></sp:X509Token>"), wsdl);
        assertTrue(wsdl.contains("<sp:IncludeTimestamp/><sp:EncryptBeforeSigning/><sp:ProtectTokens/>"
                + "<sp:OnlySignEntireHeadersAndBody/>"), wsdl);
        assertTrue(wsdl.contains(wss11(SP11, "MustSupportRefThumbprint", "MustSupportRefEncryptedKey")
                + "<sp:Trust10 xmlns:sp=\"" + SP11 + "\"><wsp:Policy><sp:MustSupportIssuedTokens/>"
                + "<sp:RequireServerEntropy/></wsp:Policy></sp:Trust10>"), wsdl);
    }

    @Test
    void signBeforeEncryptAndAConversationWithoutDerivedKeysDropTheirAssertions() {
        String signFirst = wsdl(overHttp(SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.AnonymousForCertificate)
                .messageProtectionOrder(io.github.wcf4j.binding.security.MessageProtectionOrder.SignBeforeEncrypt)
                .build()), HTTP);
        assertTrue(signFirst.contains("<sp:IncludeTimestamp/><sp:OnlySignEntireHeadersAndBody/>"), signFirst);
        assertFalse(signFirst.contains("EncryptSignature") || signFirst.contains("EncryptBeforeSigning"), signFirst);
        String plain = wsdl(overHttp(SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.SecureConversation).requireDerivedKeys(false)
                .bootstrap(SecurityBindingElement.builder().authenticationMode(AuthenticationMode
                        .AnonymousForCertificate).requireDerivedKeys(false).protectTokens(true).build())
                .build()), HTTP);
        assertTrue(plain.contains("/IncludeToken/AlwaysToRecipient\"><wsp:Policy><sp:BootstrapPolicy>"), plain);
        assertFalse(plain.contains("RequireDerivedKeys"), "neither the context token nor the bootstrap's: " + plain);
        assertTrue(plain.contains("<sp:ProtectTokens/>"), "the bootstrap's protectTokens: " + plain);
    }

    @Test
    void reliableSessionHeadersAreSignedBeforeTheAddressingHeaders() {
        String wsdl = wsdl(overHttp(io.github.wcf4j.binding.reliability.ReliableSessionBindingElement.builder()
                .build(), security(AuthenticationMode.AnonymousForCertificate)), HTTP);
        String rm = "http://schemas.xmlsoap.org/ws/2005/02/rm";
        assertTrue(wsdl.contains("<sp:SignedParts xmlns:sp=\"" + SP11 + "\"><sp:Body/><sp:Header Name=\"Sequence\""
                + " Namespace=\"" + rm + "\"/><sp:Header Name=\"SequenceAcknowledgement\" Namespace=\"" + rm + "\"/>"
                + "<sp:Header Name=\"AckRequested\" Namespace=\"" + rm + "\"/><sp:Header Name=\"To\""), wsdl);
    }

    /**
     * WCF's {@code ReliableSessionBindingElement.CreateReliabilityAssertion}: under WS-RM 1.1, {@code wsrmp:SequenceSTR}
     * opens the assertion's policy when the element right below is SecureConversation (the sequence is bound to the
     * context token); not over a plain message-security element, and never under WS-RM 1.0 (no place for it).
     */
    @Test
    void reliableSession11OverSecureConversationRequiresTheSequenceStr() {
        io.github.wcf4j.binding.reliability.ReliableSessionBindingElement rm11 =
                io.github.wcf4j.binding.reliability.ReliableSessionBindingElement.builder().reliableMessagingVersion(
                        io.github.wcf4j.binding.reliability.ReliableMessagingVersion.WS_RELIABLE_MESSAGING_11).build();
        String rmp = "http://docs.oasis-open.org/ws-rx/wsrmp/200702";
        String sc = wsdl(overHttp(rm11, secureConversation(true, MessageSecurityVersion.DEFAULT)), HTTP);
        assertTrue(sc.contains("<wsrmp:RMAssertion xmlns:wsrmp=\"" + rmp + "\"><wsp:Policy><wsrmp:SequenceSTR/>"
                + "<wsrmp:DeliveryAssurance><wsp:Policy><wsrmp:ExactlyOnce/><wsrmp:InOrder/></wsp:Policy>"
                + "</wsrmp:DeliveryAssurance></wsp:Policy>"), sc);
        assertTrue(sc.indexOf("wsrmp:RMAssertion") < sc.indexOf("sp:SymmetricBinding"), "RM first, in stack order");
        parse(sc);
        String cookie = wsdl(overHttp(rm11, secureConversation(false, MessageSecurityVersion.DEFAULT)), HTTP);
        assertTrue(cookie.contains("<wsp:Policy><wsrmp:SequenceSTR/>"), cookie);
        String plain = wsdl(overHttp(rm11, security(AuthenticationMode.UserNameForCertificate)), HTTP);
        assertTrue(plain.contains("wsrmp:RMAssertion") && !plain.contains("wsrmp:SequenceSTR"), plain);
        String rm10 = wsdl(overHttp(io.github.wcf4j.binding.reliability.ReliableSessionBindingElement.builder().build(),
                secureConversation(true, MessageSecurityVersion.DEFAULT)), HTTP);
        assertTrue(rm10.contains("wsrm:RMAssertion") && !rm10.contains("SequenceSTR/>"), rm10);
    }

    // ------------------------------------------------------------------ what is not exported

    @Test
    void modesWcf4jDoesNotRunExportNoSecurityAssertion() {
        for (AuthenticationMode mode : List.of(AuthenticationMode.IssuedTokenForCertificate,
                AuthenticationMode.IssuedTokenForSslNegotiated)) {
            String wsdl = wsdl(overHttp(security(mode)), HTTP);
            assertFalse(wsdl.contains("securitypolicy"), mode + ": " + wsdl);
            assertTrue(wsdl.contains(endpointPolicy(ADDRESSING)), mode + ": " + wsdl);
            parse(wsdl);
        }
    }

    // ------------------------------------------------------------------ negotiated tokens

    private static final String MSSP = "http://schemas.microsoft.com/ws/2005/07/securitypolicy";

    private static String negotiatedBinding(String sp, String token) {
        return "<sp:SymmetricBinding xmlns:sp=\"" + sp + "\"><wsp:Policy><sp:ProtectionToken><wsp:Policy>" + token
                + "</wsp:Policy></sp:ProtectionToken>"
                + "<sp:AlgorithmSuite><wsp:Policy><sp:Basic256/></wsp:Policy></sp:AlgorithmSuite>"
                + "<sp:Layout><wsp:Policy><sp:Strict/></wsp:Policy></sp:Layout><sp:IncludeTimestamp/>"
                + "<sp:EncryptSignature/><sp:OnlySignEntireHeadersAndBody/></wsp:Policy></sp:SymmetricBinding>";
    }

    private static SecurityBindingElement negotiated(AuthenticationMode mode, boolean cancel,
            MessageSecurityVersion version) {
        return SecurityBindingElement.builder().authenticationMode(mode).requireSecurityContextCancellation(cancel)
                .messageSecurityVersion(version).build();
    }

    /**
     * SSL negotiation as the outer mode, as WCF's {@code CreateMsspSslContextTokenAssertion} exports its
     * {@code SslSecurityTokenParameters}: {@code mssp:SslContextToken} (the WS-SecurityPolicy 1.2 form is the one
     * WCF's documentation prints for AnonymousForSslNegotiated and UserNameForSslNegotiated, "Security protocols
     * version 1.0" §3.5.2–3.5.3), with no key reference in {@code sp:Wss11}: no X.509 token is exported
     * (WSSecurityPolicy's {@code _mustSupportRef*} flags), and the protection token has no asymmetric key.
     */
    @Test
    void sslNegotiationExportsWcfsSslContextToken() {
        String sp12 = wsdl(overHttp(negotiated(AuthenticationMode.AnonymousForSslNegotiated, true, WSS11_SP12)),
                HTTP);
        String sp12Token = "<mssp:SslContextToken sp:IncludeToken=\"" + SP12 + "/IncludeToken/AlwaysToRecipient\""
                + " xmlns:mssp=\"" + MSSP + "\"><wsp:Policy><sp:RequireDerivedKeys/><sp:MustNotSendCancel/>"
                + "<sp:MustNotSendAmend/><sp:MustNotSendRenew/></wsp:Policy></mssp:SslContextToken>";
        assertTrue(sp12.contains(endpointPolicy(negotiatedBinding(SP12, sp12Token) + wss11(SP12)
                + trust("Trust13", SP12) + ADDRESSING)), sp12);
        parse(sp12);

        String userName = wsdl(overHttp(negotiated(AuthenticationMode.UserNameForSslNegotiated, true, WSS11_SP12)),
                HTTP);
        assertTrue(userName.contains(endpointPolicy(negotiatedBinding(SP12, sp12Token)
                + "<sp:SignedEncryptedSupportingTokens xmlns:sp=\"" + SP12 + "\"><wsp:Policy>" + userNameToken(SP12)
                + "</wsp:Policy></sp:SignedEncryptedSupportingTokens>" + wss11(SP12) + trust("Trust13", SP12)
                + ADDRESSING)), userName);

        // WS-SecurityPolicy 1.1: MustNotSendCancel only in cookie mode, in the mssp namespace (WSSecurityPolicy11)
        String sp11 = wsdl(overHttp(negotiated(AuthenticationMode.AnonymousForSslNegotiated, true,
                MessageSecurityVersion.DEFAULT)), HTTP);
        assertTrue(sp11.contains(endpointPolicy(negotiatedBinding(SP11, "<mssp:SslContextToken sp:IncludeToken=\""
                + SP11 + "/IncludeToken/AlwaysToRecipient\" xmlns:mssp=\"" + MSSP + "\"><wsp:Policy>"
                + "<sp:RequireDerivedKeys/></wsp:Policy></mssp:SslContextToken>") + wss11(SP11)
                + trust("Trust10", SP11) + ADDRESSING)), sp11);
        String mutualCookie = wsdl(overHttp(negotiated(AuthenticationMode.MutualSslNegotiated, false,
                MessageSecurityVersion.DEFAULT)), HTTP);
        assertTrue(mutualCookie.contains("<mssp:SslContextToken sp:IncludeToken=\"" + SP11
                + "/IncludeToken/AlwaysToRecipient\" xmlns:mssp=\"" + MSSP + "\"><wsp:Policy><sp:RequireDerivedKeys/>"
                + "<mssp:MustNotSendCancel/><mssp:RequireClientCertificate/></wsp:Policy></mssp:SslContextToken>"),
                mutualCookie);
        parse(mutualCookie);
    }

    /** SSPI negotiation as the outer mode: WCF's {@code CreateWsspSpnegoContextTokenAssertion}. */
    @Test
    void sspiNegotiationExportsWcfsSpnegoContextToken() {
        String sp11 = wsdl(overHttp(negotiated(AuthenticationMode.SspiNegotiated, true,
                MessageSecurityVersion.DEFAULT)), HTTP);
        assertTrue(sp11.contains(endpointPolicy(negotiatedBinding(SP11, "<sp:SpnegoContextToken sp:IncludeToken=\""
                + SP11 + "/IncludeToken/AlwaysToRecipient\"><wsp:Policy><sp:RequireDerivedKeys/></wsp:Policy>"
                + "</sp:SpnegoContextToken>") + wss11(SP11) + trust("Trust10", SP11) + ADDRESSING)), sp11);
        parse(sp11);
        String cookie = wsdl(overHttp(negotiated(AuthenticationMode.SspiNegotiated, false,
                MessageSecurityVersion.DEFAULT)), HTTP);
        assertTrue(cookie.contains("<wsp:Policy><sp:RequireDerivedKeys/><mssp:MustNotSendCancel xmlns:mssp=\"" + MSSP
                + "\"/></wsp:Policy></sp:SpnegoContextToken>"), cookie);
        parse(cookie);
        String sp12 = wsdl(overHttp(negotiated(AuthenticationMode.SspiNegotiated, true, WSS11_SP12)), HTTP);
        assertTrue(sp12.contains("<sp:SpnegoContextToken sp:IncludeToken=\"" + SP12 + "/IncludeToken/AlwaysToRecipient\">"
                + "<wsp:Policy><sp:RequireDerivedKeys/><sp:MustNotSendCancel/><sp:MustNotSendAmend/>"
                + "<sp:MustNotSendRenew/></wsp:Policy></sp:SpnegoContextToken>"), sp12);
    }

    /**
     * The seed's binding: SecureConversation over its default bootstrap, SspiNegotiated, exports the context token
     * with the SPNEGO binding as its bootstrap policy, as the security reference prints it (§7, "Seed").
     */
    @Test
    void secureConversationOverSspiNegotiationCarriesTheSpnegoBootstrap() {
        String wsdl = wsdl(overHttp(security(AuthenticationMode.SecureConversation)), HTTP);
        String bootstrap = "<sp:BootstrapPolicy><wsp:Policy><sp:SignedParts><sp:Body/>"
                + "<sp:Header Name=\"To\" Namespace=\"http://www.w3.org/2005/08/addressing\"/>"
                + "<sp:Header Name=\"From\" Namespace=\"http://www.w3.org/2005/08/addressing\"/>"
                + "<sp:Header Name=\"FaultTo\" Namespace=\"http://www.w3.org/2005/08/addressing\"/>"
                + "<sp:Header Name=\"ReplyTo\" Namespace=\"http://www.w3.org/2005/08/addressing\"/>"
                + "<sp:Header Name=\"MessageID\" Namespace=\"http://www.w3.org/2005/08/addressing\"/>"
                + "<sp:Header Name=\"RelatesTo\" Namespace=\"http://www.w3.org/2005/08/addressing\"/>"
                + "<sp:Header Name=\"Action\" Namespace=\"http://www.w3.org/2005/08/addressing\"/>"
                + "</sp:SignedParts><sp:EncryptedParts><sp:Body/></sp:EncryptedParts>"
                + negotiatedBinding(SP11, "<sp:SpnegoContextToken sp:IncludeToken=\"" + SP11
                        + "/IncludeToken/AlwaysToRecipient\"><wsp:Policy><sp:RequireDerivedKeys/></wsp:Policy>"
                        + "</sp:SpnegoContextToken>")
                + wss11(SP11) + trust("Trust10", SP11) + "</wsp:Policy></sp:BootstrapPolicy>";
        assertTrue(wsdl.contains("<sp:SecureConversationToken sp:IncludeToken=\"" + SP11
                + "/IncludeToken/AlwaysToRecipient\"><wsp:Policy><sp:RequireDerivedKeys/>" + bootstrap
                + "</wsp:Policy></sp:SecureConversationToken>"), wsdl);
        parse(wsdl);

        // over TLSNEGO, in cookie mode: the bootstrap's SslContextToken, the outer mssp:MustNotSendCancel
        String ssl = wsdl(overHttp(SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.SecureConversation).requireSecurityContextCancellation(false)
                .bootstrap(security(AuthenticationMode.UserNameForSslNegotiated)).build()), HTTP);
        assertTrue(ssl.contains("<wsp:Policy><sp:RequireDerivedKeys/><mssp:MustNotSendCancel xmlns:mssp=\"" + MSSP
                + "\"/><sp:BootstrapPolicy>"), ssl);
        assertTrue(ssl.contains("<mssp:SslContextToken sp:IncludeToken=\"" + SP11 + "/IncludeToken/AlwaysToRecipient\""
                + " xmlns:mssp=\"" + MSSP + "\">"), ssl);
        assertTrue(ssl.contains("<sp:SignedSupportingTokens xmlns:sp=\"" + SP11 + "\"><wsp:Policy>"
                + userNameToken(SP11)), "the bootstrap's user name: " + ssl);
        parse(ssl);
    }

    @Test
    void theKerberosTokenProfileExportsWcfsKerberosTokenAssertion() {
        String direct = wsdl(overHttp(security(AuthenticationMode.Kerberos)), HTTP);
        assertTrue(direct.contains("<sp:SymmetricBinding xmlns:sp=\"" + SP11 + "\"><wsp:Policy><sp:ProtectionToken>"
                + "<wsp:Policy><sp:KerberosToken sp:IncludeToken=\"" + SP11 + "/IncludeToken/Once\"><wsp:Policy>"
                + "<sp:RequireDerivedKeys/><sp:WssGssKerberosV5ApReqToken11/></wsp:Policy></sp:KerberosToken>"), direct);
        assertFalse(direct.contains("MustSupportRefEncryptedKey"), "no asymmetric protection token: " + direct);
        parse(direct);
        String overTransport = wsdl(overHttps(security(AuthenticationMode.KerberosOverTransport)), HTTPS);
        assertTrue(overTransport.contains("<sp:EndorsingSupportingTokens xmlns:sp=\"" + SP11 + "\"><wsp:Policy>"
                + "<sp:KerberosToken sp:IncludeToken=\"" + SP11 + "/IncludeToken/Once\"><wsp:Policy>"
                + "<sp:WssGssKerberosV5ApReqToken11/></wsp:Policy></sp:KerberosToken></wsp:Policy>"
                + "</sp:EndorsingSupportingTokens>"), "no SignedParts/To for a symmetric endorsing key: "
                + overTransport);
        parse(overTransport);
        String conversation = wsdl(overHttp(SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.SecureConversation)
                .bootstrap(security(AuthenticationMode.Kerberos)).build()), HTTP);
        assertTrue(conversation.contains("<sp:BootstrapPolicy>") && conversation.indexOf("<sp:KerberosToken")
                > conversation.indexOf("<sp:BootstrapPolicy>"), "the Kerberos bootstrap's policy: " + conversation);
        parse(conversation);
    }

    @Test
    void transportSecurityOverPlainHttpExportsNothingUnlessInsecureTransportIsAllowed() {
        assertFalse(wsdl(overHttp(security(AuthenticationMode.UserNameOverTransport)), HTTP)
                .contains("securitypolicy"));
        String allowed = wsdl(overHttp(SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.UserNameOverTransport).allowInsecureTransport(true).build()),
                HTTP);
        assertTrue(allowed.contains(transportBinding(SP11, HTTPS_TOKEN_11, "Basic256", true)
                + "<sp:SignedSupportingTokens"), allowed);
    }

    // ------------------------------------------------------------------ the documents parse, references resolve

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed: " + xml, e);
        }
    }

    /** Every {@code wsp:PolicyReference} names a {@code wsp:Policy} of the document; returns the ids referenced. */
    private static Set<String> assertReferencesResolve(Document d) {
        Set<String> ids = new HashSet<>();
        NodeList policies = d.getElementsByTagNameNS(WSP, "Policy");
        for (int i = 0; i < policies.getLength(); i++) {
            Element p = (Element) policies.item(i);
            if (p.hasAttributeNS(WSU, "Id")) {
                assertTrue(ids.add(p.getAttributeNS(WSU, "Id")), "duplicate policy id");
            }
        }
        Set<String> referenced = new HashSet<>();
        NodeList refs = d.getElementsByTagNameNS(WSP, "PolicyReference");
        for (int i = 0; i < refs.getLength(); i++) {
            String uri = ((Element) refs.item(i)).getAttribute("URI");
            assertTrue(uri.startsWith("#") && ids.contains(uri.substring(1)), uri + " in " + ids);
            referenced.add(uri.substring(1));
        }
        assertEquals(ids, referenced, "every policy is referenced");
        return referenced;
    }

    @Test
    void theWsdlAndSingleWsdlParseAndTheirPolicyReferencesResolve() {
        for (AuthenticationMode mode : List.of(AuthenticationMode.AnonymousForCertificate,
                AuthenticationMode.UserNameForCertificate, AuthenticationMode.MutualCertificate)) {
            CustomBinding b = overHttp(security(mode));
            ServiceMetadata m = WsdlExporter.export(new QName(WsdlExporter.TEMPURI, "CalculatorService"),
                    List.of(new WsdlExporter.ExportedEndpoint("", ContractDescription.of(ICalculator.class), b, HTTP)),
                    "Default");
            Document wsdl = parse(new String(m.wsdl(HTTP), StandardCharsets.UTF_8));
            assertEquals(9, assertReferencesResolve(wsdl).size(), "endpoint + 4 operations x 2 messages");
            Document single = parse(new String(m.get("singleWsdl", HTTP).orElseThrow(), StandardCharsets.UTF_8));
            assertEquals(9, assertReferencesResolve(single).size());
            NodeList symmetric = single.getElementsByTagNameNS(SP11, "SymmetricBinding");
            assertEquals(1, symmetric.getLength(), mode.name());
            for (String[] section : m.sections()) {
                parse(section[2]);
            }
        }
        for (AuthenticationMode mode : List.of(AuthenticationMode.UserNameOverTransport,
                AuthenticationMode.CertificateOverTransport)) {
            Document d = parse(wsdl(overHttps(security(mode)), HTTPS));
            assertEquals(Set.of("CustomBinding_ICalculator_policy"), assertReferencesResolve(d));
            assertEquals(1, d.getElementsByTagNameNS(SP11, "TransportBinding").getLength());
        }
    }
}
