package io.github.wcf4j.runtime.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.binding.transport.HttpsTransportBindingElement;
import io.github.wcf4j.runtime.contract.ContractDescription;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.neethi.Assertion;
import org.apache.neethi.Policy;
import org.apache.neethi.PolicyBuilder;
import org.apache.neethi.builders.AssertionBuilder;
import org.apache.wss4j.policy.SPConstants;
import org.apache.wss4j.policy.builders.AlgorithmSuiteBuilder;
import org.apache.wss4j.policy.builders.AsymmetricBindingBuilder;
import org.apache.wss4j.policy.builders.EncryptedPartsBuilder;
import org.apache.wss4j.policy.builders.HttpsTokenBuilder;
import org.apache.wss4j.policy.builders.InitiatorTokenBuilder;
import org.apache.wss4j.policy.builders.LayoutBuilder;
import org.apache.wss4j.policy.builders.ProtectionTokenBuilder;
import org.apache.wss4j.policy.builders.RecipientTokenBuilder;
import org.apache.wss4j.policy.builders.SignedPartsBuilder;
import org.apache.wss4j.policy.builders.SupportingTokensBuilder;
import org.apache.wss4j.policy.builders.SymmetricBindingBuilder;
import org.apache.wss4j.policy.builders.TransportBindingBuilder;
import org.apache.wss4j.policy.builders.TransportTokenBuilder;
import org.apache.wss4j.policy.builders.Trust10Builder;
import org.apache.wss4j.policy.builders.Trust13Builder;
import org.apache.wss4j.policy.builders.UsernameTokenBuilder;
import org.apache.wss4j.policy.builders.WSS10Builder;
import org.apache.wss4j.policy.builders.WSS11Builder;
import org.apache.wss4j.policy.builders.X509TokenBuilder;
import org.apache.wss4j.policy.model.AbstractToken;
import org.apache.wss4j.policy.model.EncryptedParts;
import org.apache.wss4j.policy.model.HttpsToken;
import org.apache.wss4j.policy.model.Layout;
import org.apache.wss4j.policy.model.SignedParts;
import org.apache.wss4j.policy.model.SupportingTokens;
import org.apache.wss4j.policy.model.SymmetricBinding;
import org.apache.wss4j.policy.model.TransportBinding;
import org.apache.wss4j.policy.model.Trust10;
import org.apache.wss4j.policy.model.UsernameToken;
import org.apache.wss4j.policy.model.Wss11;
import org.apache.wss4j.policy.model.X509Token;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A WS-SecurityPolicy engine reads the policies wcf4j exports: WSS4J 4.0.1's policy model (what CXF enforces) builds
 * each endpoint and message policy from the WSDL and finds the bindings, tokens and protections the mode means.
 */
class Wss4jReadsSecurityPolicyTest {
    private static final URI HTTP = URI.create("http://localhost:8000/ServiceModelSamples/service");
    private static final URI HTTPS = URI.create("https://localhost:8443/ServiceModelSamples/service");
    private static final String WSP = "http://schemas.xmlsoap.org/ws/2004/09/policy";
    private static final String WSU =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

    private static PolicyBuilder builder() {
        PolicyBuilder b = new PolicyBuilder();
        for (AssertionBuilder<Element> a : List.<AssertionBuilder<Element>>of(new AlgorithmSuiteBuilder(),
                new AsymmetricBindingBuilder(), new EncryptedPartsBuilder(), new HttpsTokenBuilder(),
                new InitiatorTokenBuilder(), new LayoutBuilder(), new ProtectionTokenBuilder(),
                new RecipientTokenBuilder(), new SignedPartsBuilder(), new SupportingTokensBuilder(),
                new SymmetricBindingBuilder(), new TransportBindingBuilder(), new TransportTokenBuilder(),
                new Trust10Builder(), new Trust13Builder(), new UsernameTokenBuilder(), new WSS10Builder(),
                new WSS11Builder(), new X509TokenBuilder())) {
            b.getAssertionBuilderFactory().registerBuilder(a);
        }
        return b;
    }

    /** The only alternative of the WSDL's policy with this id, as WSS4J builds it. */
    private static List<Assertion> policy(String wsdl, String id) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(wsdl.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        NodeList policies = d.getElementsByTagNameNS(WSP, "Policy");
        for (int i = 0; i < policies.getLength(); i++) {
            Element p = (Element) policies.item(i);
            if (id.equals(p.getAttributeNS(WSU, "Id"))) {
                Policy built = builder().getPolicy(p);
                Iterator<List<Assertion>> alternatives = built.getAlternatives();
                List<Assertion> only = alternatives.next();
                assertFalse(alternatives.hasNext(), "one alternative");
                return only;
            }
        }
        throw new AssertionError("no policy " + id + " in " + wsdl);
    }

    private static <T> T find(List<Assertion> assertions, Class<T> type) {
        return assertions.stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + assertions));
    }

    private static String wsdl(CustomBinding b, URI address) {
        ServiceMetadata m = WsdlExporter.export(new QName(WsdlExporter.TEMPURI, "CalculatorService"),
                List.of(new WsdlExporter.ExportedEndpoint("", ContractDescription.of(ICalculator.class), b, address)),
                "Default");
        return new String(m.wsdl(address), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static SecurityBindingElement security(AuthenticationMode mode) {
        return SecurityBindingElement.builder().authenticationMode(mode).build();
    }

    @Test
    void userNameForCertificateIsASymmetricX509BindingWithASignedUserNameAndProtectedMessages() throws Exception {
        String wsdl = wsdl(CustomBinding.of("b", security(AuthenticationMode.UserNameForCertificate),
                TextMessageEncodingBindingElement.defaults(), HttpTransportBindingElement.defaults()), HTTP);
        List<Assertion> endpoint = policy(wsdl, "CustomBinding_ICalculator_policy");

        SymmetricBinding binding = find(endpoint, SymmetricBinding.class);
        assertEquals(SPConstants.SPVersion.SP11, binding.getVersion());
        X509Token protection = assertInstanceOf(X509Token.class, binding.getProtectionToken().getToken());
        assertEquals(SPConstants.IncludeTokenType.INCLUDE_TOKEN_NEVER, protection.getIncludeTokenType());
        assertEquals(AbstractToken.DerivedKeys.RequireDerivedKeys, protection.getDerivedKeys());
        assertTrue(protection.isRequireThumbprintReference());
        assertEquals(X509Token.TokenType.WssX509V3Token10, protection.getTokenType());
        assertEquals("Basic256", binding.getAlgorithmSuite().getAlgorithmSuiteType().getName());
        assertEquals(Layout.LayoutType.Strict, binding.getLayout().getLayoutType());
        assertTrue(binding.isIncludeTimestamp() && binding.isEncryptSignature()
                && binding.isOnlySignEntireHeadersAndBody());

        SupportingTokens signed = find(endpoint, SupportingTokens.class);
        assertEquals(SPConstants.SIGNED_SUPPORTING_TOKENS, signed.getName().getLocalPart());
        UsernameToken user = assertInstanceOf(UsernameToken.class, signed.getTokens().get(0));
        assertEquals(SPConstants.IncludeTokenType.INCLUDE_TOKEN_ALWAYS_TO_RECIPIENT, user.getIncludeTokenType());

        Wss11 wss = find(endpoint, Wss11.class);
        assertTrue(wss.isMustSupportRefThumbprint() && wss.isMustSupportRefEncryptedKey());
        assertTrue(!wss.isRequireSignatureConfirmation() && !wss.isMustSupportRefKeyIdentifier());
        Trust10 trust = find(endpoint, Trust10.class);
        assertTrue(trust.isMustSupportIssuedTokens() && trust.isRequireClientEntropy()
                && trust.isRequireServerEntropy());

        for (String id : List.of("CustomBinding_ICalculator_Add_Input_policy",
                "CustomBinding_ICalculator_Divide_output_policy")) {
            List<Assertion> message = policy(wsdl, id);
            SignedParts parts = find(message, SignedParts.class);
            assertTrue(parts.isBody());
            List<String> headers = new ArrayList<>();
            parts.getHeaders().forEach(h -> headers.add(h.getName()));
            assertEquals(List.of("To", "From", "FaultTo", "ReplyTo", "MessageID", "RelatesTo", "Action"), headers);
            assertTrue(find(message, EncryptedParts.class).isBody());
        }
    }

    @Test
    void anonymousAndMutualCertificateRequireSignatureConfirmationAndMutualEndorses() throws Exception {
        List<Assertion> anonymous = policy(wsdl(CustomBinding.of("b",
                security(AuthenticationMode.AnonymousForCertificate), TextMessageEncodingBindingElement.defaults(),
                HttpTransportBindingElement.defaults()), HTTP), "CustomBinding_ICalculator_policy");
        assertTrue(find(anonymous, Wss11.class).isRequireSignatureConfirmation());

        List<Assertion> mutual = policy(wsdl(CustomBinding.of("b", security(AuthenticationMode.MutualCertificate),
                TextMessageEncodingBindingElement.defaults(), HttpTransportBindingElement.defaults()), HTTP),
                "CustomBinding_ICalculator_policy");
        assertTrue(find(mutual, Wss11.class).isRequireSignatureConfirmation());
        SupportingTokens endorsing = find(mutual, SupportingTokens.class);
        assertEquals(SPConstants.ENDORSING_SUPPORTING_TOKENS, endorsing.getName().getLocalPart());
        X509Token client = assertInstanceOf(X509Token.class, endorsing.getTokens().get(0));
        assertEquals(SPConstants.IncludeTokenType.INCLUDE_TOKEN_ALWAYS_TO_RECIPIENT, client.getIncludeTokenType());
        assertNotEquals(AbstractToken.DerivedKeys.RequireDerivedKeys, client.getDerivedKeys());
    }

    @Test
    void overTransportTheHttpsTokenCarriesAnSp12SignedEncryptedUserName() throws Exception {
        SecurityBindingElement e = SecurityBindingElement.builder()
                .authenticationMode(AuthenticationMode.UserNameOverTransport).messageSecurityVersion(
                        io.github.wcf4j.binding.security.MessageSecurityVersion
                                .WSSecurity11WSTrust13WSSecureConversation13WSSecurityPolicy12)
                .build();
        List<Assertion> endpoint = policy(wsdl(CustomBinding.of("b", e, TextMessageEncodingBindingElement.defaults(),
                HttpsTransportBindingElement.defaults()), HTTPS), "CustomBinding_ICalculator_policy");
        TransportBinding binding = find(endpoint, TransportBinding.class);
        assertEquals(SPConstants.SPVersion.SP12, binding.getVersion());
        assertInstanceOf(HttpsToken.class, binding.getTransportToken().getToken());
        assertTrue(binding.isIncludeTimestamp());
        SupportingTokens tokens = find(endpoint, SupportingTokens.class);
        assertEquals(SPConstants.SIGNED_ENCRYPTED_SUPPORTING_TOKENS, tokens.getName().getLocalPart());
        assertInstanceOf(UsernameToken.class, tokens.getTokens().get(0));
    }
}
