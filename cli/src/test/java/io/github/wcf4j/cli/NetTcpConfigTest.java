package io.github.wcf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.config.ServiceModelConfigReader;
import io.github.wcf4j.junit.Wcf4jTest;
import io.github.wcf4j.runtime.service.HostedEndpoint;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.standard.MetadataExchangeBindings;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.SystemScheduler;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The calculator over netTcpBinding with {@code <security mode="None"/>}, from unchanged WCF configurations. */
class NetTcpConfigTest {
    private static final Duration T = Duration.ofSeconds(30);
    private static final String BINDINGS = "<bindings><netTcpBinding><binding name=\"plain\">"
            + "<security mode=\"None\"/></binding></netTcpBinding></bindings>";

    @TempDir
    Path dir;

    private static String clientConfig(URI address) {
        return "<configuration><system.serviceModel><client><endpoint name=\"calc\" address=\"" + address + "\""
                + " binding=\"netTcpBinding\" bindingConfiguration=\"plain\""
                + " contract=\"Microsoft.ServiceModel.Samples.ICalculator\"/></client>" + BINDINGS
                + "</system.serviceModel></configuration>";
    }

    /** The service of {@code calculator/net-tcp.config} (these BINDINGS), hosted at a free port. */
    @Nested
    @Wcf4jTest(config = "classpath:calculator/net-tcp.config", baseAddresses = "net.tcp://localhost:0/calc")
    class SecurityNone {
        @Test
        void theCalculatorRunsOverNetTcpWithSecurityNone(ServiceHost host) throws Exception {
            URI address = host.endpoints().get(0).address();
            assertEquals("net.tcp", address.getScheme());
            Path client = Files.writeString(dir.resolve("client.config"), clientConfig(address));
            CliRun r = CliRun.of("call", client.toString(), "--endpoint", "calc", "Divide", "22", "7");
            assertEquals(0, r.exitCode(), r.out() + r.err());
            assertEquals("3.14285714285714", r.out().trim());
            CliRun add = CliRun.of("call", client.toString(), "--endpoint", "calc", "Add", "100", "15.99");
            assertEquals("115.99", add.out().trim(), add.err());
        }
    }

    /** The same with {@code <reliableSession enabled="true"/>} on both sides. */
    @Nested
    @Wcf4jTest(config = "classpath:calculator/net-tcp-reliable.config", baseAddresses = "net.tcp://localhost:0/calc")
    class ReliableSession {
        @Test
        void theCalculatorRunsOverNetTcpWithAReliableSession(ServiceHost host) throws Exception {
            String bindings = BINDINGS.replace("<security mode=\"None\"/>",
                    "<reliableSession enabled=\"true\"/><security mode=\"None\"/>");
            Path client = Files.writeString(dir.resolve("client.config"), clientConfig(host.endpoints().get(0)
                    .address()).replace(BINDINGS, bindings));
            CliRun r = CliRun.of("call", client.toString(), "--endpoint", "calc", "Multiply", "6", "7");
            assertEquals(0, r.exitCode(), r.out() + r.err());
            assertEquals("42", r.out().trim());
        }
    }

    /**
     * {@code portSharingEnabled="true"}: no SMSvcHost on a JVM, so the host listens on the port itself and its
     * endpoints share it; validate says so as a warning, a client is unaffected.
     */
    @Test
    void withPortSharingTheHostsEndpointsShareOnePortAndBothAnswer() throws Exception {
        Path service = Path.of(NetTcpConfigTest.class.getResource("/calculator/net-tcp-port-sharing.config").toURI());
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (ServiceHost host = ServiceHost.builder(ServiceModelConfigReader.create().read(service).orThrow()
                .services().get(0)).baseAddress(URI.create("net.tcp://localhost:" + port + "/calc")).build()) {
            host.open();
            assertEquals(2, host.endpoints().size());
            String sharing = BINDINGS.replace("name=\"plain\"", "name=\"plain\" portSharingEnabled=\"true\"");
            for (HostedEndpoint endpoint : host.endpoints()) {
                assertEquals(port, endpoint.address().getPort(), endpoint.address().toString());
                Path client = Files.writeString(dir.resolve("client.config"), clientConfig(endpoint.address())
                        .replace(BINDINGS, sharing));
                CliRun r = CliRun.of("call", client.toString(), "--endpoint", "calc", "Subtract", "10", "4");
                assertEquals(0, r.exitCode(), r.out() + r.err());
                assertEquals("6", r.out().trim());
            }
        }
        CliRun v = CliRun.of("validate", service.toString());
        assertEquals(0, v.exitCode(), v.out() + v.err());
        assertTrue((v.out() + v.err()).contains("Net.Tcp Port Sharing Service (SMSvcHost)"), v.out() + v.err());
    }

    @Test
    void validateCallsSecurityNoneAndTheDefaultTransportSecurityAndStreamedTransferRunnable()
            throws Exception {
        Path none = Files.writeString(dir.resolve("none.config"), clientConfig(URI.create(
                "net.tcp://localhost:808/calc")));
        CliRun r = CliRun.of("validate", none.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        Path windows = Files.writeString(dir.resolve("windows.config"), "<configuration><system.serviceModel><client>"
                + "<endpoint name=\"calc\" address=\"net.tcp://localhost:808/calc\" binding=\"netTcpBinding\""
                + " contract=\"Microsoft.ServiceModel.Samples.ICalculator\"/></client></system.serviceModel>"
                + "</configuration>");
        CliRun runs = CliRun.of("validate", windows.toString()); // Transport/Windows: windowsStreamSecurity, Kerberos
        assertEquals(0, runs.exitCode(), runs.out() + runs.err());
        Path streamed = Files.writeString(dir.resolve("streamed.config"), "<configuration><system.serviceModel>"
                + "<client><endpoint name=\"calc\" address=\"net.tcp://localhost:808/calc\" binding=\"netTcpBinding\""
                + " bindingConfiguration=\"s\" contract=\"Microsoft.ServiceModel.Samples.ICalculator\"/></client>"
                + "<bindings><netTcpBinding><binding name=\"s\" transferMode=\"Streamed\"/></netTcpBinding></bindings>"
                + "</system.serviceModel></configuration>");
        CliRun runsStreamed = CliRun.of("validate", streamed.toString());
        assertEquals(0, runsStreamed.exitCode(), runsStreamed.out() + runsStreamed.err());
    }

    /** transferMode="Streamed" on both sides: request/reply in the singleton framing mode, a connection per call. */
    @Test
    void theCalculatorRunsOverNetTcpWithStreamedTransfer() throws Exception {
        String bindings = BINDINGS.replace("<binding name=\"plain\">",
                "<binding name=\"plain\" transferMode=\"Streamed\">");
        String config = "<configuration><system.serviceModel><services>"
                + "<service name=\"Microsoft.ServiceModel.Samples.CalculatorService\">"
                + "<endpoint address=\"\" binding=\"netTcpBinding\" bindingConfiguration=\"plain\""
                + " contract=\"Microsoft.ServiceModel.Samples.ICalculator\"/></service></services>" + bindings
                + "</system.serviceModel></configuration>";
        try (ServiceHost host = ServiceHost.builder(ServiceModelConfigReader.create().read("streamed.config", config)
                .orThrow().services().get(0)).baseAddress(URI.create("net.tcp://localhost:0/calc")).build()) {
            host.open();
            Path client = Files.writeString(dir.resolve("client.config"), clientConfig(host.endpoints().get(0)
                    .address()).replace(BINDINGS, bindings));
            CliRun r = CliRun.of("call", client.toString(), "--endpoint", "calc", "Subtract", "145", "76.54");
            assertEquals(0, r.exitCode(), r.out() + r.err());
            assertEquals("68.46", r.out().trim());
        }
    }
    @Test
    void mexTcpBindingServesTheWsdlWithWcfsNetTcpPolicy() throws Exception {
        String config = "<configuration><system.serviceModel><services>"
                + "<service name=\"Microsoft.ServiceModel.Samples.CalculatorService\" behaviorConfiguration=\"meta\">"
                + "<endpoint address=\"\" binding=\"netTcpBinding\" bindingConfiguration=\"plain\""
                + " contract=\"Microsoft.ServiceModel.Samples.ICalculator\"/>"
                + "<endpoint address=\"mex\" binding=\"mexTcpBinding\" contract=\"IMetadataExchange\"/></service>"
                + "</services>" + BINDINGS + "<behaviors><serviceBehaviors><behavior name=\"meta\"><serviceMetadata/>"
                + "</behavior></serviceBehaviors></behaviors></system.serviceModel></configuration>";
        try (ServiceHost host = ServiceHost.builder(ServiceModelConfigReader.create().read("mex.config", config)
                .orThrow().services().get(0)).baseAddress(URI.create("net.tcp://localhost:0/calc")).build();
                SystemScheduler scheduler = new SystemScheduler()) {
            host.open();
            URI mex = host.endpoints().stream().map(HostedEndpoint::address)
                    .filter(a -> a.getPath().endsWith("/mex")).findFirst().orElseThrow();
            ChannelFactory<DuplexSessionChannel> factory = ChannelStackBuilder.standard().buildFactory(
                    MetadataExchangeBindings.forName("mexTcpBinding").orElseThrow(), ChannelType.DUPLEX_SESSION,
                    new BindingParameters().put(Scheduler.class, scheduler));
            factory.open(T).get(30, TimeUnit.SECONDS);
            DuplexSessionChannel channel = factory.createChannel(EndpointAddress.of(mex));
            channel.open(T).get(30, TimeUnit.SECONDS);
            Message get = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10,
                    "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get", XmlFragment.EMPTY);
            get.headers().messageId("urn:uuid:" + UUID.randomUUID()).replyTo(EndpointAddress.ANONYMOUS);
            channel.send(get, T).get(30, TimeUnit.SECONDS);
            Message reply = channel.receive(T).get(30, TimeUnit.SECONDS).orElseThrow();
            assertEquals("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse", reply.headers().action());
            String body = reply.body().xml();
            assertTrue(body.contains("transport=\"http://schemas.microsoft.com/soap/tcp\""), body);
            assertTrue(body.contains("<msb:BinaryEncoding xmlns:msb=\"http://schemas.microsoft.com/ws/06/2004/mspolicy/"
                    + "netbinary1\">"), body);
            assertTrue(body.contains("<wsaw:UsingAddressing"), body);
            channel.close(T).get(30, TimeUnit.SECONDS);
            factory.close(T).get(30, TimeUnit.SECONDS);
        }
    }
}
