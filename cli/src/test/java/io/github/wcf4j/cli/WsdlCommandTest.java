package io.github.wcf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

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
}
