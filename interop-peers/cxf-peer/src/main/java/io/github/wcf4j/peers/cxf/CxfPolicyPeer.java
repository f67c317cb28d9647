package io.github.wcf4j.peers.cxf;

import io.github.wcf4j.peers.BoundedCalls;
import io.github.wcf4j.peers.CalculatorService;
import io.github.wcf4j.peers.Cli;
import io.github.wcf4j.peers.ICalculator;
import io.github.wcf4j.peers.Load;
import java.io.PrintStream;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.feature.Feature;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;

/**
 * Apache CXF configured by the WS-SecurityPolicy WCF exports, read from a WSDL (wcf4j's {@code ?wsdl} for the client,
 * its {@code ?singleWsdl} for the service): WCF's {@code sp:SecureConversationToken} with its bootstrap policy, the
 * symmetric X.509 bindings, and, with {@code --rm}, CXF's reliable session (its {@code RMFeature} on the bus, WS-RM
 * 1.0 over WS-Addressing 1.0 or WS-RM 1.1) over them. Only keys and users are given here; CXF's policy engine does
 * the rest. Run as its own JVM:
 * <pre>
 * server --wsdl URL --service {ns}name --port {ns}name --address http://127.0.0.1:PORT/path --keystore P12
 *        --password PW [--truststore P12 (client certificates)] [--user NAME --pass PW] [--no-bsp] [--dump]
 * client --wsdl URL --service {ns}name --port {ns}name --address URL --service-cert P12 --password PW
 *        --calls "Add 1 2;..." [--keystore P12 (the client's key pair)] [--user NAME --pass PW] [--rm 10|11]
 *        [--no-bsp] [--cancel] [--dump]
 * bench  (server's options) --service-cert P12 [--client-keystore P12] --sessions N [--warmup-ms N] [--window-ms N]
 *        [--rounds N]   (then GO URL on stdin)
 * </pre>
 * {@code bench}: the benchmarks' process protocol ({@link Load}): the server (printing no callers) and
 * {@code --sessions} client proxies on one bus, each its own security context, calling as {@code --client-keystore}'s
 * certificate.
 * The server prints {@code CALLER n name} for every invocation, as {@link CxfSymmetricSecurityPeer} does. With
 * {@code --cancel} the client sets {@code security.sts.token.do.cancel}.
 */
public final class CxfPolicyPeer {
    private CxfPolicyPeer() {
    }

    public static void main(String[] args) {
        int rc = Cli.main(args, Set.of("dump", "no-bsp", "cancel"), (cli, out) -> switch (cli.mode()) {
            case "server" -> server(cli, out);
            case "client" -> client(cli, out);
            case "bench" -> bench(cli, out);
            default -> throw new IllegalArgumentException("unknown mode " + cli.mode()
                    + " (expected server, client, bench)");
        });
        Runtime.getRuntime().halt(rc);
    }

    /** Merlin crypto: a key store (private keys, or certificates alone) and an optional trust store. */
    private static Properties crypto(String keystore, String truststore, String password) {
        Properties p = CxfSecurityPeer.merlin(keystore, password, true);
        if (truststore != null) {
            p.putAll(CxfSecurityPeer.merlin(truststore, password, false));
        }
        return p;
    }

    private static String alias(String file, String password) throws Exception {
        KeyStore ks = CxfSecurityPeer.load(file, password.toCharArray());
        return ks.aliases().nextElement();
    }

    private static int server(Cli cli, PrintStream out) throws Exception {
        String address = CxfPeer.withPort(cli.require("address"));
        Bus bus = CxfPeer.newBus(cli, 0);
        Server server = serve(cli, out, bus, address, true);
        out.println("READY " + address);
        out.flush();
        Cli.awaitStop();
        server.stop();
        server.destroy();
        bus.shutdown(true);
        return 0;
    }

    private static int bench(Cli cli, PrintStream out) throws Exception {
        String address = CxfPeer.withPort(cli.require("address"));
        Bus bus = CxfPeer.newBus(cli, 30_000);
        Server server = serve(cli, out, bus, address, false);
        out.println("READY " + address);
        out.flush();
        String target = Load.awaitGo();
        Load.Plan plan = Load.Plan.of(cli);
        List<Load.Call> clients = new ArrayList<>();
        for (int i = 0; i < plan.sessions(); i++) {
            ICalculator calc = proxy(cli, bus, target, cli.get("client-keystore", null));
            clients.add(() -> calc.add(100, 15.99));
        }
        Load.run(plan, clients, out);
        server.stop();
        bus.shutdown(true);
        return 0;
    }

    /** The service as {@code server} describes it, on {@code bus}; {@code callers}: print who called. */
    private static Server serve(Cli cli, PrintStream out, Bus bus, String address, boolean callers)
            throws Exception {
        String keystore = cli.require("keystore");
        String password = cli.require("password");
        String truststore = cli.get("truststore", null);
        JaxWsServerFactoryBean sf = new JaxWsServerFactoryBean();
        sf.setBus(bus);
        sf.setWsdlURL(cli.require("wsdl"));
        sf.setServiceClass(CalculatorService.class);
        sf.setServiceBean(new CalculatorService());
        sf.setServiceName(QName.valueOf(cli.require("service")));
        sf.setEndpointName(QName.valueOf(cli.require("port")));
        sf.setAddress(address);
        sf.setBindingConfig(CxfPeer.soap12());
        String alias = alias(keystore, password);
        Properties crypto = crypto(keystore, truststore, password);
        Map<String, String> known = new HashMap<>(Map.of(alias, password));
        String user = cli.get("user", null);
        if (user != null) {
            known.put(user, cli.require("pass"));
        }
        Map<String, Object> props = new HashMap<>();
        props.put("security.signature.properties", crypto);
        props.put("security.encryption.properties", crypto);
        props.put("security.signature.username", alias);
        // the reply's key: the client's certificate when it sent one (MutualCertificate's asymmetric replies)
        props.put("security.encryption.username", "useReqSigCert");
        props.put("security.callback-handler", CxfSecurityPeer.passwords(known));
        noBsp(cli, props, bus);
        sf.setProperties(props);
        if (callers) {
            sf.getInInterceptors().add(new CxfSymmetricSecurityPeer.CallerInterceptor(out));
        }
        return sf.create();
    }

    private static int client(Cli cli, PrintStream out) throws Exception {
        Bus bus = CxfPeer.newBus(cli, 30_000);
        String rm = cli.get("rm", null);
        if (rm != null) {
            // CXF's reliable session on the bus (RM 1.0 over WS-Addressing 1.0, as WCF's binding), as CxfPeer runs it
            List<Feature> features = new ArrayList<>(CxfPeer.features(CxfPeer.rmKey(rm), true));
            for (Feature f : features) {
                f.initialize(bus);
            }
        }
        ICalculator calc = proxy(cli, bus, cli.require("address"), cli.get("keystore", null));
        new BoundedCalls("cxf-policy-client-call", 30_000).run(calc, Cli.parseCalls(cli.require("calls")), out);
        if (rm != null) {
            CxfPeer.terminateSequences(bus);
        }
        bus.shutdown(true);
        out.println("DONE");
        return 0;
    }

    /** A client proxy of {@code address} as {@code client} describes it; {@code keystore}: the client's key pair. */
    private static ICalculator proxy(Cli cli, Bus bus, String address, String keystore) throws Exception {
        String serviceCert = cli.require("service-cert");
        String password = cli.require("password");
        JaxWsProxyFactoryBean pf = new JaxWsProxyFactoryBean();
        pf.setBus(bus);
        pf.setWsdlURL(cli.require("wsdl"));
        pf.setServiceClass(ICalculator.class);
        pf.setServiceName(QName.valueOf(cli.require("service")));
        pf.setEndpointName(QName.valueOf(cli.require("port")));
        pf.setAddress(address);
        pf.setBindingConfig(CxfPeer.soap12());
        Map<String, Object> props = new HashMap<>();
        // the service's certificate (no private key): the request's key is wrapped to it
        props.put("security.encryption.properties", CxfSecurityPeer.merlin(serviceCert, password, true));
        props.put("security.encryption.username", alias(serviceCert, password));
        Map<String, String> known = new HashMap<>();
        if (keystore != null) {
            String alias = alias(keystore, password);
            props.put("security.signature.properties", CxfSecurityPeer.merlin(keystore, password, true));
            props.put("security.signature.username", alias);
            known.put(alias, password);
        }
        String user = cli.get("user", null);
        if (user != null) {
            props.put("security.username", user);
            props.put("security.password", cli.require("pass"));
            known.put(user, cli.require("pass"));
        }
        props.put("security.callback-handler", CxfSecurityPeer.passwords(known));
        if (cli.flag("cancel")) {
            // CXF then cancels its context token after every call (else never)
            props.put("security.sts.token.do.cancel", "true");
        }
        noBsp(cli, props, bus);
        pf.setProperties(props);
        return (ICalculator) pf.create();
    }

    /** As {@link CxfSymmetricSecurityPeer}: {@code --no-bsp} accepts WCF's non-BSP messageSecurityVersions. */
    private static void noBsp(Cli cli, Map<String, Object> props, Bus bus) {
        if (cli.flag("no-bsp")) {
            props.put("security.is-bsp-compliant", "false");
            props.put("isBSPCompliant", "false");
            // also on the bus: the context token's own endpoints (CXF's STSClient, its SecureConversationTokenService)
            // take their properties from there, not from the application endpoint's
            bus.setProperty("security.is-bsp-compliant", "false");
            bus.setProperty("isBSPCompliant", "false");
        }
    }
}
