package io.github.wcf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WsdlCommandTest {

    @Test
    void printsTheServicesWsdlWithoutHosting() {
        CliRun r = CliRun.of("wsdl", CliRun.seed("calculator-service.no-security.config"), "--base-address",
                "http://localhost:8000/servicemodelsamples/service.svc");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><wsdl:definitions"
                + " name=\"CalculatorService\""),
                r.out());
        assertTrue(r.out().contains("<wsdl:import namespace=\"http://Microsoft.ServiceModel.Samples\" location=\"http://"
                + "localhost:8000/servicemodelsamples/service.svc?wsdl=wsdl0\"/>"), r.out());
        assertTrue(r.out().contains("<wsrm:RMAssertion"), r.out());
    }

    @Test
    void otherDocumentsByQuery() {
        CliRun xsd = CliRun.of("wsdl", CliRun.seed("calculator-service.no-security.config"), "--query", "xsd=xsd0");
        assertEquals(0, xsd.exitCode(), xsd.err());
        assertTrue(xsd.out().contains("<xs:element name=\"Add\">"), xsd.out());
        CliRun none = CliRun.of("wsdl", CliRun.seed("calculator-service.no-security.config"), "--query", "xsd=xsd7");
        assertEquals(1, none.exitCode());
        assertTrue(none.err().contains("the service has no document 'xsd=xsd7'"), none.err());
    }

    @Test
    void basicHttpBindingMessageSecurityPublishesWcfsAsymmetricBindingWithoutTrust(@TempDir Path dir)
            throws Exception {
        Path config = dir.resolve("basic.config");
        Files.writeString(config, """
                <configuration><system.serviceModel>
                  <services><service name="Microsoft.ServiceModel.Samples.CalculatorService">
                    <endpoint address="" binding="basicHttpBinding" bindingConfiguration="b"
                        contract="Microsoft.ServiceModel.Samples.ICalculator"/>
                  </service></services>
                  <bindings><basicHttpBinding><binding name="b">
                    <security mode="Message"><message clientCredentialType="Certificate"/></security>
                  </binding></basicHttpBinding></bindings>
                </system.serviceModel></configuration>
                """);
        CliRun r = CliRun.of("wsdl", config.toString(), "--base-address", "http://localhost:8000/calc");
        assertEquals(0, r.exitCode(), r.err());
        String sp = "http://schemas.xmlsoap.org/ws/2005/07/securitypolicy";
        // BasicHttpMessageSecurity: CreateMutualCertificateBindingElement(WSS 1.0), Lax, no derived keys, DoNotEmitTrust
        assertTrue(r.out().contains("<sp:AsymmetricBinding xmlns:sp=\"" + sp + "\"><wsp:Policy>"
                + "<sp:InitiatorToken><wsp:Policy><sp:X509Token sp:IncludeToken=\"" + sp
                + "/IncludeToken/AlwaysToRecipient\"><wsp:Policy><sp:WssX509V3Token10/></wsp:Policy></sp:X509Token>"
                + "</wsp:Policy></sp:InitiatorToken><sp:RecipientToken><wsp:Policy><sp:X509Token sp:IncludeToken=\""
                + sp + "/IncludeToken/Never\"><wsp:Policy><sp:WssX509V3Token10/></wsp:Policy></sp:X509Token>"
                + "</wsp:Policy></sp:RecipientToken><sp:AlgorithmSuite><wsp:Policy><sp:Basic256/></wsp:Policy>"
                + "</sp:AlgorithmSuite><sp:Layout><wsp:Policy><sp:Lax/></wsp:Policy></sp:Layout>"
                + "<sp:IncludeTimestamp/><sp:EncryptSignature/><sp:OnlySignEntireHeadersAndBody/></wsp:Policy>"
                + "</sp:AsymmetricBinding><sp:Wss10 xmlns:sp=\"" + sp + "\"><wsp:Policy>"
                + "<sp:MustSupportRefKeyIdentifier/><sp:MustSupportRefIssuerSerial/></wsp:Policy></sp:Wss10>"),
                r.out());
        assertTrue(!r.out().contains("Trust10"), "basicHttpBinding does not emit WS-Trust: " + r.out());
    }
}
