package io.github.wcf4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.transport.TcpTransportBindingElement;
import org.junit.jupiter.api.Test;

/**
 * A TCP transport's {@code maxBufferSize} left unset follows {@code maxReceivedMessageSize} for buffered transfer, as
 * WCF's getter does, in netTcpBinding and in a custom binding's {@code <tcpTransport>}.
 */
class TcpBufferSizeConfigTest {

    private static TcpTransportBindingElement tcp(String bindings, String binding) {
        ConfigReadResult r = ServiceModelConfigReader.create().read("app.config", "<configuration>"
                + "<system.serviceModel><client><endpoint address=\"net.tcp://h/s\" binding=\"" + binding + "\""
                + " bindingConfiguration=\"b\" contract=\"C\"/></client><bindings>" + bindings + "</bindings>"
                + "</system.serviceModel></configuration>");
        Binding b = r.configuration().orElseThrow().clientEndpoints().get(0).binding();
        return b.transport().map(TcpTransportBindingElement.class::cast).orElseThrow();
    }

    @Test
    void unsetItFollowsMaxReceivedMessageSizeWhenBuffered() {
        assertEquals(1_048_576, tcp("<netTcpBinding><binding name=\"b\" maxReceivedMessageSize=\"1048576\">"
                + "<security mode=\"None\"/></binding></netTcpBinding>", "netTcpBinding").maxBufferSize());
        assertEquals(Integer.MAX_VALUE, tcp("<customBinding><binding name=\"b\"><binaryMessageEncoding/>"
                + "<tcpTransport maxReceivedMessageSize=\"9000000000\"/></binding></customBinding>", "customBinding")
                .maxBufferSize());
    }

    @Test
    void setOrStreamedItKeepsItsValue() {
        assertEquals(4096, tcp("<netTcpBinding><binding name=\"b\" maxReceivedMessageSize=\"1048576\""
                + " maxBufferSize=\"4096\"/></netTcpBinding>", "netTcpBinding").maxBufferSize());
        assertEquals(65_536, tcp("<customBinding><binding name=\"b\"><binaryMessageEncoding/>"
                + "<tcpTransport maxReceivedMessageSize=\"1048576\" transferMode=\"Streamed\"/></binding>"
                + "</customBinding>", "customBinding").maxBufferSize());
    }

    @Test
    void tuningWcf4jDoesNotApplyIsSaidWhereItIsWritten() {
        ConfigReadResult r = ServiceModelConfigReader.create().read("app.config", "<configuration>"
                + "<system.serviceModel><bindings><customBinding><binding name=\"b\"><binaryMessageEncoding/>"
                + "<tcpTransport maxPendingAccepts=\"4\" maxOutputDelay=\"00:00:00.5\"/></binding></customBinding>"
                + "</bindings></system.serviceModel></configuration>");
        assertEquals(2, r.diagnostics().size(), r.diagnostics().toString());
        assertTrue(r.diagnostics().stream().allMatch(d -> d.severity() == Severity.WARNING
                && d.message().contains("has no effect")), r.diagnostics().toString());
    }
}
