package io.github.wcf4j.peers.cxf;

import io.github.wcf4j.peers.BoundedCalls;
import io.github.wcf4j.peers.CalculatorService;
import io.github.wcf4j.peers.Cli;
import io.github.wcf4j.peers.ICalculator;
import io.github.wcf4j.peers.Load;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapBindingConfiguration;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.ext.logging.LoggingFeature;
import org.apache.cxf.feature.Feature;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transport.http.HTTPConduitConfigurer;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.apache.cxf.ws.addressing.Names;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.apache.cxf.ws.rm.ManagedRMEndpoint;
import org.apache.cxf.ws.rm.RM10Constants;
import org.apache.cxf.ws.rm.RM11Constants;
import org.apache.cxf.ws.rm.RMEndpoint;
import org.apache.cxf.ws.rm.RMManager;
import org.apache.cxf.ws.rm.SourceSequence;
import org.apache.cxf.ws.rm.feature.RMFeature;
import org.apache.cxf.ws.rm.manager.DeliveryAssuranceType;
import org.apache.cxf.ws.rm.manager.RM10AddressingNamespaceType;
import org.apache.cxf.ws.rm.manager.SourcePolicyType;
import org.apache.cxf.ws.rmp.v200502.RMAssertion;

/**
 * Apache CXF WS-RM peer for wcf4j interop tests. Run as its own JVM:
 * <pre>
 * server --rm 10|11|none --address http://127.0.0.1:PORT/path [--dump]
 * client --rm 10|11|none --address URL [--decoupled http://127.0.0.1:PORT/path] --calls "Add 1 2;..."
 *        [--timeout-ms N] [--end terminate|shutdown] [--no-offer] [--http http1|auto|urlconnection] [--dump]
 * bench  (server's options) --sessions N [--warmup-ms N] [--window-ms N] [--rounds N]   (then GO URL on stdin)
 * heap   (server's options) --sessions N    (heap per idle session, both ends in this process)
 * common: [--rm-scope bus|endpoint]
 * </pre>
 * Both sides: SOAP 1.2, WS-Addressing 1.0, and (unless {@code --rm none}) WS-RM 1.0 with WSA 2005/08
 * or WS-RM 1.1, ExactlyOnce + InOrder. Stdout carries only {@code READY}, {@code RESULT}, {@code DONE}
 * and {@code ERROR} lines; logs and the {@code --dump} wire log go to stderr.
 */
public final class CxfPeer {

    static final QName SERVICE = new QName(ICalculator.NS, "CalculatorService");
    static final QName PORT = new QName(ICalculator.NS, "CustomBinding_ICalculator");

    private static final Set<String> FLAGS = Set.of("dump", "no-offer");

    private CxfPeer() {
    }

    public static void main(String[] args) {
        int rc = Cli.main(args, FLAGS, (cli, out) -> {
            String http = cli.get("http", "http1");
            if (!Set.of("http1", "auto", "urlconnection").contains(http)) {
                throw new IllegalArgumentException("--http must be http1, auto or urlconnection");
            }
            if (http.equals("urlconnection")) {
                // read once, statically, by HTTPTransportFactory: must be set before CXF loads
                System.setProperty("org.apache.cxf.transport.http.forceURLConnection", "true");
            }
            return switch (cli.mode()) {
                case "server" -> server(cli, out);
                case "client" -> client(cli, out);
                case "bench" -> bench(cli, out);
                case "heap" -> heap(cli, out);
                default -> throw new IllegalArgumentException("unknown mode " + cli.mode() + " (expected server, client, bench, heap)");
            };
        });
        Runtime.getRuntime().halt(rc);
    }

    // ------------------------------------------------------------------ configuration

    static String rmKey(String rm) {
        return switch (rm.toLowerCase(Locale.ROOT)) {
            case "10", "1.0", "rm10" -> "rm10";
            case "11", "1.1", "rm11" -> "rm11";
            case "none", "off", "0" -> "none";
            default -> throw new IllegalArgumentException("--rm must be 10, 11 or none, not " + rm);
        };
    }

    /** A fresh bus; every HTTP conduit on it (incl. RM's and the server's back-channel) speaks HTTP/1.1. */
    static Bus newBus(Cli cli, long receiveTimeoutMs) {
        boolean forceHttp11 = !cli.get("http", "http1").equals("auto");
        Bus bus = BusFactory.newInstance().createBus();
        BusFactory.setDefaultBus(bus);
        BusFactory.setThreadDefaultBus(bus);
        bus.setExtension((HTTPConduitConfigurer) (name, address, conduit) -> {
            HTTPClientPolicy p = conduit.getClient();
            if (p == null) {
                p = new HTTPClientPolicy();
                conduit.setClient(p);
            }
            // The JDK-HttpClient conduit otherwise sends "Connection: Upgrade, HTTP2-Settings / Upgrade: h2c".
            if (forceHttp11) {
                p.setVersion("1.1");
            }
            if (receiveTimeoutMs > 0) {
                p.setReceiveTimeout(receiveTimeoutMs);
                p.setConnectionTimeout(receiveTimeoutMs);
            }
        }, HTTPConduitConfigurer.class);
        if (cli.flag("dump")) {
            // bus-level, so that RM protocol messages (CreateSequence, acks, ...) are logged too
            LoggingFeature logging = new LoggingFeature();
            logging.setPrettyLogging(false);
            logging.setLimit(1024 * 1024);
            logging.setLogMultipart(true);
            logging.initialize(bus);
        }
        return bus;
    }

    static List<Feature> features(String rm, boolean includeOffer) {
        List<Feature> features = new ArrayList<>();
        WSAddressingFeature wsa = new WSAddressingFeature();
        features.add(wsa);
        if (rm.equals("none")) {
            return features;
        }
        RMFeature f = new RMFeature();
        if (rm.equals("rm10")) {
            f.setRMNamespace(RM10Constants.NAMESPACE_URI);
            // CXF defaults RM 1.0 to WSA 2004/08; WCF's binding here is WSA 1.0 (2005/08)
            RM10AddressingNamespaceType ns = new RM10AddressingNamespaceType();
            ns.setUri(Names.WSA_NAMESPACE_NAME);
            f.setRM10AddressingNamespace(ns);
        } else {
            f.setRMNamespace(RM11Constants.NAMESPACE_URI);
        }
        DeliveryAssuranceType da = new DeliveryAssuranceType();
        da.setExactlyOnce(new DeliveryAssuranceType.ExactlyOnce());
        da.setInOrder(new DeliveryAssuranceType.InOrder());
        f.setDeliveryAssurance(da);

        RMAssertion a = new RMAssertion();
        RMAssertion.BaseRetransmissionInterval bri = new RMAssertion.BaseRetransmissionInterval();
        bri.setMilliseconds(2000L);
        a.setBaseRetransmissionInterval(bri);
        RMAssertion.AcknowledgementInterval ai = new RMAssertion.AcknowledgementInterval();
        ai.setMilliseconds(200L);
        a.setAcknowledgementInterval(ai);
        RMAssertion.InactivityTimeout it = new RMAssertion.InactivityTimeout();
        it.setMilliseconds(600_000L);
        a.setInactivityTimeout(it);
        a.setExponentialBackoff(new RMAssertion.ExponentialBackoff());
        f.setRMAssertion(a);

        if (!includeOffer) {
            SourcePolicyType sp = new SourcePolicyType();
            sp.setIncludeOffer(false);
            f.setSourcePolicy(sp);
        }
        features.add(f);
        return features;
    }

    /**
     * {@code --rm-scope bus} (default) installs WSA + RM on the bus. With {@code endpoint} they are only on
     * the application client/server, and then the RM protocol messages that CXF sends through its own
     * internal client (standalone SequenceAcknowledgement, LastMessage/CloseSequence, AckRequested) go out
     * WITHOUT their RM headers: no SequenceAcknowledgement header, no Sequence/LastMessage header.
     */
    static boolean applyScope(Cli cli, Bus bus, List<Feature> features) {
        String scope = cli.get("rm-scope", "bus");
        switch (scope) {
            case "bus" -> {
                for (Feature f : features) {
                    f.initialize(bus);
                }
                return true;
            }
            case "endpoint" -> {
                return false;
            }
            default -> throw new IllegalArgumentException("--rm-scope must be bus or endpoint");
        }
    }

    static SoapBindingConfiguration soap12() {
        SoapBindingConfiguration cfg = new SoapBindingConfiguration();
        cfg.setVersion(Soap12.getInstance());
        return cfg;
    }

    // ------------------------------------------------------------------ server

    /**
     * Port 0 asks for a free port: CXF's Jetty engine does not report the one it bound, so one is chosen here (a
     * loopback port that was free a moment ago) and printed with {@code READY}.
     */
    static String withPort(String address) throws java.io.IOException {
        URI uri = URI.create(address);
        if (uri.getPort() != 0) {
            return address;
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName(uri.getHost()))) {
            return uri.getScheme() + "://" + uri.getHost() + ":" + probe.getLocalPort() + uri.getRawPath();
        }
    }

    private static int server(Cli cli, PrintStream out) throws Exception {
        String rm = rmKey(cli.get("rm", "10"));
        String address = withPort(cli.require("address"));
        Bus bus = newBus(cli, 0);
        List<Feature> features = features(rm, true);
        boolean busScope = applyScope(cli, bus, features);

        JaxWsServerFactoryBean sf = serviceFactory(bus, address);
        if (!busScope) {
            sf.setFeatures(features);
        }
        Server server = sf.create();
        System.err.println("# cxf server rm=" + rm + " ready after "
                + ManagementFactory.getRuntimeMXBean().getUptime() + " ms of JVM uptime");
        out.println("READY " + address);

        Cli.awaitStop();
        System.err.println("# stopping");
        server.stop();
        server.destroy();
        bus.shutdown(true);
        return 0;
    }

    /**
     * {@code bench}: the calculator service and {@code --sessions} client proxies on one bus (CXF's RM manager is
     * bus-wide), the clients calling the address given by {@code GO}; the load is {@link Load}'s.
     */
    private static int bench(Cli cli, PrintStream out) throws Exception {
        Bus bus = newBus(cli, 30_000);
        String address = withPort(cli.require("address"));
        Server server = benchServer(cli, bus, address);
        out.println("READY " + address);
        out.flush();
        String target = Load.awaitGo();
        Load.Plan plan = Load.Plan.of(cli);
        List<Load.Call> clients = new ArrayList<>();
        for (int i = 0; i < plan.sessions(); i++) {
            ICalculator calc = benchClient(bus, target);
            clients.add(() -> calc.add(100, 15.99));
        }
        Load.run(plan, clients, out);
        server.stop();
        return 0;
    }

    /** {@code heap}: {@code --sessions} proxies (each its own sequence after one call) on the bench server's bus. */
    private static int heap(Cli cli, PrintStream out) throws Exception {
        Bus bus = newBus(cli, 30_000);
        String target = withPort(cli.require("address"));
        Server server = benchServer(cli, bus, target);
        Load.heap(Integer.parseInt(cli.get("sessions", "1000")), () -> {
            ICalculator calc = benchClient(bus, target);
            return () -> calc.add(100, 15.99);
        }, out);
        server.stop();
        return 0;
    }

    private static Server benchServer(Cli cli, Bus bus, String address) {
        String rm = rmKey(cli.get("rm", "10"));
        List<Feature> features = features(rm, true);
        applyScope(cli, bus, features);
        JaxWsServerFactoryBean sf = serviceFactory(bus, address);
        return sf.create();
    }

    private static ICalculator benchClient(Bus bus, String target) {
        return (ICalculator) proxyFactory(bus, target).create();
    }

    /** The calculator service's factory at {@code address}: SOAP 1.2, WCF's service and port names. */
    private static JaxWsServerFactoryBean serviceFactory(Bus bus, String address) {
        JaxWsServerFactoryBean sf = new JaxWsServerFactoryBean();
        sf.setBus(bus);
        sf.setServiceClass(CalculatorService.class);
        sf.setServiceBean(new CalculatorService());
        sf.setServiceName(SERVICE);
        sf.setEndpointName(PORT);
        sf.setAddress(address);
        sf.setBindingConfig(soap12());
        return sf;
    }

    /** A calculator proxy's factory for {@code address}: SOAP 1.2, WCF's service and port names. */
    private static JaxWsProxyFactoryBean proxyFactory(Bus bus, String address) {
        JaxWsProxyFactoryBean pf = new JaxWsProxyFactoryBean();
        pf.setBus(bus);
        pf.setServiceClass(ICalculator.class);
        pf.setServiceName(SERVICE);
        pf.setEndpointName(PORT);
        pf.setAddress(address);
        pf.setBindingConfig(soap12());
        return pf;
    }

    // ------------------------------------------------------------------ client

    private static int client(Cli cli, PrintStream out) throws Exception {
        String rm = rmKey(cli.get("rm", "10"));
        String address = cli.require("address");
        List<Cli.Call> calls = Cli.repeat(Cli.parseCalls(cli.require("calls")), Integer.parseInt(cli.get("repeat", "1")));
        long timeoutMs = Long.parseLong(cli.get("timeout-ms", "0"));
        String end = cli.get("end", "terminate");
        if (!end.equals("terminate") && !end.equals("shutdown")) {
            throw new IllegalArgumentException("--end must be terminate or shutdown");
        }

        long t0 = System.nanoTime();
        Bus bus = newBus(cli, timeoutMs);
        List<Feature> features = features(rm, !cli.flag("no-offer"));
        boolean busScope = applyScope(cli, bus, features);
        JaxWsProxyFactoryBean pf = proxyFactory(bus, address);
        if (!busScope) {
            pf.setFeatures(features);
        }
        ICalculator calc = (ICalculator) pf.create();

        Client client = ClientProxy.getClient(calc);
        HTTPConduit conduit = (HTTPConduit) client.getConduit();
        String decoupled = cli.get("decoupled", null);
        if (decoupled != null) {
            // Addressable client: ReplyTo/AcksTo point here and CXF starts a Jetty listener for it;
            // replies and acks arrive as separate HTTP requests (WCF compositeDuplex shape).
            conduit.getClient().setDecoupledEndpoint(decoupled);
            DecoupledReplyKeeper.install(bus);
        }
        System.err.printf("# cxf client rm=%s decoupled=%s proxy ready in %.1f ms (JVM uptime %d ms)%n", rm,
                decoupled, Cli.ms(t0), ManagementFactory.getRuntimeMXBean().getUptime());

        BoundedCalls calling = new BoundedCalls("cxf-client-call", timeoutMs);
        calling.run(calc, calls, out);

        long s = System.nanoTime();
        if (end.equals("terminate") && !rm.equals("none")) {
            calling.closing(() -> {
                terminateSequences(bus);
                return null;
            }, "terminate");
        }
        // Bus shutdown: RMManager.shutdown sends LastMessage/CloseSequence only for source sequences
        // that still have unacknowledged messages; it never sends TerminateSequence by itself.
        calling.closing(() -> {
            bus.shutdown(true);
            return null;
        }, "bus shutdown");
        System.err.printf("# end (%s) took %.1f ms%n", end, Cli.ms(s));
        out.println("DONE");
        return 0;
    }

    /**
     * Closes (RM 1.0 LastMessage / RM 1.1 CloseSequence) and then terminates every source sequence of the
     * client, through CXF's management API (the same calls as its JMX operations). With a decoupled endpoint, the
     * TerminateSequenceResponse can reach the decoupled endpoint before CXF has read the 202 of the TerminateSequence
     * request: {@link DecoupledReplyKeeper} keeps it from being replaced by that 202.
     */
    static void terminateSequences(Bus bus) throws Exception {
        RMManager mgr = bus.getExtension(RMManager.class);
        if (mgr == null) {
            return;
        }
        RMEndpoint rme = mgr.findReliableEndpoint(SERVICE);
        if (rme == null) {
            System.err.println("# no RM endpoint to terminate");
            return;
        }
        ManagedRMEndpoint managed = new ManagedRMEndpoint(rme);
        for (SourceSequence ss : new ArrayList<>(rme.getSource().getAllSequences())) {
            String id = ss.getIdentifier().getValue();
            System.err.println("# closing source sequence " + id + " (last message number " + ss.getCurrentMessageNr() + ")");
            managed.closeSourceSequence(id);
            if (rme.getSource().getSequence(ss.getIdentifier()) == null) {
                // CXF terminates by itself once the LastMessage/CloseSequence is acknowledged and the
                // sequence target is addressable (see SourceSequence.setAcknowledged)
                System.err.println("# source sequence " + id + " already terminated by CXF");
                continue;
            }
            System.err.println("# terminating source sequence " + id);
            managed.terminateSourceSequence(id);
        }
    }
}
