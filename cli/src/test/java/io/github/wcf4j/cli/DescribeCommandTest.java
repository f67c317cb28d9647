package io.github.wcf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DescribeCommandTest {

    @Test
    void seedServiceShowsEveryElementWithEffectiveSettingsAndTheShapesOfBothSides() {
        CliRun r = CliRun.of("describe", CliRun.seed("calculator-service.config"), "--endpoint", "(base address)");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        String out = r.out();
        assertTrue(out.contains("(address \"\", contract Microsoft.ServiceModel.Samples.ICalculator)\n"
                + "  wcf4j: runs\n"), "the seed's security runs (SspiNegotiated over Kerberos): " + out);
        List<String> elements = List.of("reliableSession (ReliableSessionBindingElement)",
                "security (SecurityBindingElement)", "compositeDuplex (CompositeDuplexBindingElement)",
                "oneWay (OneWayBindingElement)", "textMessageEncoding (TextMessageEncodingBindingElement)",
                "httpTransport (HttpTransportBindingElement)");
        int last = -1;
        for (String e : elements) {
            int at = out.indexOf(e);
            assertTrue(at > last, "element " + e + " in order in\n" + out);
            last = at;
        }
        assertTrue(out.contains("maxTransferWindowSize = 8 (default)"));
        assertTrue(out.contains("authenticationMode = SecureConversation\n"), "non-default setting unmarked");
        assertTrue(out.contains("secureConversationBootstrap.authenticationMode = SspiNegotiated (default)"));
        assertTrue(out.contains("messageVersion = Soap12WSAddressing10 (default)"));
        assertTrue(out.contains("service channel listener"));
        assertTrue(out.contains("client channel factory"));
        assertTrue(out.contains("reliableSession: IDuplexSessionChannel \u2190 IDuplexSessionChannel"));
        assertTrue(out.contains("internalDuplex: IDuplexChannel \u2190 IInputChannel"));
    }

    @Test
    void anEndpointThatRunsSaysSo() {
        CliRun r = CliRun.of("describe", CliRun.seed("calculator-service.no-security.config"), "--endpoint",
                "(base address)");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("(address \"\", contract Microsoft.ServiceModel.Samples.ICalculator)\n"
                + "  wcf4j: runs\n"), r.out());
    }

    @Test
    void unknownEndpointName() {
        CliRun r = CliRun.of("describe", CliRun.seed("calculator-service.config"), "--endpoint", "nope");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("no endpoint named 'nope'"), r.err());
    }

    @Test
    void metadataEndpointNegotiatesForIMetadataExchange() {
        CliRun r = CliRun.of("describe", CliRun.seed("calculator-service.config"), "--endpoint", "mex");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("binding mexHttpBinding (MetadataExchangeHttpBinding)"), r.out());
        assertTrue(r.out().contains("service channel listener for contract IMetadataExchange: IReplyChannel"), r.out());
    }
}
