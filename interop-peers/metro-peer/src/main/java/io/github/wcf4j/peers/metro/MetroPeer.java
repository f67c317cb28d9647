package io.github.wcf4j.peers.metro;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import com.sun.xml.ws.api.fastinfoset.FastInfosetFeature;
import com.sun.xml.ws.rx.rm.api.ReliableMessagingFeatureBuilder;
import com.sun.xml.ws.rx.rm.api.RmProtocolVersion;
import io.github.wcf4j.peers.BoundedCalls;
import io.github.wcf4j.peers.CalculatorService;
import io.github.wcf4j.peers.Cli;
import io.github.wcf4j.peers.ICalculator;
import io.github.wcf4j.peers.Load;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Endpoint;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.WebServiceFeature;
import jakarta.xml.ws.soap.AddressingFeature;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.xml.namespace.QName;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;

/**
 * Eclipse Metro (WSIT) WS-RM peer for wcf4j interop tests. Run as its own JVM:
 * <pre>
 * server      --rm 10|11|none --address http://127.0.0.1:PORT/path [--ordered] [--config wsdl|feature] [--dump]
 * bench       (server's options) --sessions N [--warmup-ms N] [--window-ms N] [--rounds N]   (then GO URL on stdin)
 * heap        (server's options) --sessions N    (heap per idle session, both ends in this process)
 * client      --wsdl URL [--service {ns}name] [--port {ns}name] [--address URL] --calls "Add 1 2;..."
 *             [--timeout-ms N] [--http-timeout-ms N] [--close|--no-close] [--dump]
 * wsdl        --rm 10|11|none --address ENDPOINT [--ordered]          (prints the WCF-style WSDL)
 * wsdl-server --rm 10|11|none --address http://127.0.0.1:PORT/path --endpoint ENDPOINT [--ordered]
 * </pre>
 * Stdout carries only protocol lines: {@code READY <address>}, {@code RESULT <Op> <value>},
 * {@code DONE}, {@code ERROR <class>: <message>}. Everything else (dumps, logs, timings) goes to stderr.
 */
public final class MetroPeer {

    static final QName DEFAULT_SERVICE = new QName(ICalculator.NS, "CalculatorService");
    static final QName DEFAULT_PORT = new QName(ICalculator.NS, "CustomBinding_ICalculator");

    private static final Set<String> FLAGS = Set.of("ordered", "close", "no-close", "dump");

    private MetroPeer() {
    }

    public static void main(String[] args) {
        int rc = Cli.main(args, FLAGS, (cli, out) -> {
            if (cli.flag("dump")) {
                enableDump();
            }
            return switch (cli.mode()) {
                case "server" -> server(cli, out);
                case "bench" -> bench(cli, out);
                case "heap" -> heap(cli, out);
                case "client" -> client(cli, out);
                case "wsdl" -> {
                    out.print(Wsdls.render(cli.get("rm", "10"), cli.require("address"), cli.flag("ordered")));
                    out.flush();
                    yield 0;
                }
                case "wsdl-server" -> wsdlServer(cli, out);
                default -> throw new IllegalArgumentException("unknown mode " + cli.mode()
                        + " (expected server, bench, heap, client, wsdl, wsdl-server)");
            };
        });
        // Metro's RM runtime keeps non-daemon maintenance threads: always exit explicitly.
        Runtime.getRuntime().halt(rc);
    }

    /** Same effect as the -D dump properties; must run before Metro's transport classes load. */
    static void enableDump() {
        System.setProperty("com.sun.xml.ws.transport.http.client.HttpTransportPipe.dump", "true");
        System.setProperty("com.sun.xml.ws.transport.http.HttpAdapter.dump", "true");
        System.setProperty("com.sun.xml.ws.transport.http.HttpAdapter.dumpThreshold", "1000000");
    }

    // ------------------------------------------------------------------ server

    /** A published calculator: its real address, and how to stop it. */
    private record Published(String address, Runnable stop) {
    }

    private static int server(Cli cli, PrintStream out) throws Exception {
        Published p = publish(cli);
        out.println("READY " + p.address());
        Cli.awaitStop();
        System.err.println("# stopping");
        p.stop().run();
        return 0;
    }

    /**
     * {@code bench}: publishes the calculator like {@code server}, then runs the benchmark load ({@link Load}) with
     * {@code --sessions} clients built from its own {@code ?wsdl} (RM from the policy) calling the address given by
     * {@code GO}.
     */
    private static int bench(Cli cli, PrintStream out) throws Exception {
        Published p = publish(cli);
        out.println("READY " + p.address());
        out.flush();
        String target = Load.awaitGo();
        Load.Plan plan = Load.Plan.of(cli);
        Service service = Service.create(new URL(p.address() + "?wsdl"), DEFAULT_SERVICE);
        List<Load.Call> clients = new ArrayList<>();
        for (int i = 0; i < plan.sessions(); i++) {
            ICalculator calc = service.getPort(DEFAULT_PORT, ICalculator.class, new FastInfosetFeature(false));
            Map<String, Object> rc = ((BindingProvider) calc).getRequestContext();
            rc.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, target);
            rc.put("com.sun.xml.ws.request.timeout", 30_000);
            clients.add(() -> calc.add(100, 15.99));
        }
        Load.run(plan, clients, out);
        p.stop().run();
        return 0;
    }

    /** {@code heap}: {@code --sessions} clients of the published calculator, each after one call; see Load#heap. */
    private static int heap(Cli cli, PrintStream out) throws Exception {
        Published p = publish(cli);
        Service service = Service.create(new URL(p.address() + "?wsdl"), DEFAULT_SERVICE);
        Load.heap(Integer.parseInt(cli.get("sessions", "1000")), () -> {
            ICalculator calc = service.getPort(DEFAULT_PORT, ICalculator.class, new FastInfosetFeature(false));
            return () -> calc.add(100, 15.99);
        }, out);
        p.stop().run();
        return 0;
    }

    private static Published publish(Cli cli) throws Exception {
        String rm = Wsdls.rmKey(cli.get("rm", "10"));
        boolean ordered = cli.flag("ordered");
        String config = cli.get("config", "wsdl");
        URI uri = URI.create(cli.require("address"));

        List<WebServiceFeature> features = new ArrayList<>();
        features.add(new FastInfosetFeature(false));
        Endpoint ep;
        if (config.equals("wsdl")) {
            // RM + WSA come from the WCF-style policy in the WSDL, which ?wsdl then republishes
            // (a Metro client built from that ?wsdl switches RM on by itself).
            ep = Endpoint.create(new CalculatorService(), features.toArray(WebServiceFeature[]::new));
            String wsdl = Wsdls.render(rm, uri.toString(), ordered);
            Source src = new StreamSource(new StringReader(wsdl), "http://wcf4j.invalid/CalculatorService-" + rm + ".wsdl");
            ep.setMetadata(List.of(src));
            ep.setProperties(Map.of(Endpoint.WSDL_SERVICE, DEFAULT_SERVICE, Endpoint.WSDL_PORT, DEFAULT_PORT));
        } else if (config.equals("feature")) {
            // Programmatic: the generated ?wsdl then has no RMAssertion (Metro's RmPolicyMapConfigurator is a TODO).
            features.add(new AddressingFeature(true, true));
            if (!rm.equals("none")) {
                ReliableMessagingFeatureBuilder b = new ReliableMessagingFeatureBuilder(
                        rm.equals("rm10") ? RmProtocolVersion.WSRM200502 : RmProtocolVersion.WSRM200702);
                if (ordered) {
                    b = b.enableOrderedDelivery();
                }
                features.add(b.build());
            }
            ep = Endpoint.create(new CalculatorService(), features.toArray(WebServiceFeature[]::new));
        } else {
            throw new IllegalArgumentException("--config must be wsdl or feature");
        }

        // Our own JDK HttpServer (not Endpoint.publish(String)): lets port 0 work, and gives a
        // multi-threaded executor (an in-order RM queue may block a request thread).
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        HttpServer http = HttpServer.create(new InetSocketAddress(uri.getHost(), port), 64);
        ExecutorService pool = Executors.newCachedThreadPool();
        http.setExecutor(pool);
        HttpContext ctx = http.createContext(uri.getPath().isEmpty() ? "/" : uri.getPath());
        ep.publish(ctx);
        http.start();
        String actual = new URI(uri.getScheme(), null, uri.getHost(), http.getAddress().getPort(),
                uri.getPath(), null, null).toString();
        System.err.println("# metro server rm=" + rm + " ordered=" + ordered + " config=" + config
                + " ready after " + ManagementFactory.getRuntimeMXBean().getUptime() + " ms of JVM uptime");
        return new Published(actual, () -> {
            ep.stop();
            http.stop(0);
            pool.shutdownNow();
        });
    }

    private static int wsdlServer(Cli cli, PrintStream out) throws Exception {
        URI uri = URI.create(cli.require("address"));
        byte[] body = Wsdls.render(cli.get("rm", "10"), cli.require("endpoint"), cli.flag("ordered"))
                .getBytes(StandardCharsets.UTF_8);
        HttpServer http = HttpServer.create(new InetSocketAddress(uri.getHost(), Math.max(uri.getPort(), 0)), 16);
        http.createContext(uri.getPath().isEmpty() ? "/" : uri.getPath(), ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        });
        http.start();
        out.println("READY " + new URI(uri.getScheme(), null, uri.getHost(), http.getAddress().getPort(),
                uri.getPath(), uri.getQuery(), null));
        Cli.awaitStop();
        http.stop(0);
        return 0;
    }

    // ------------------------------------------------------------------ client

    private static int client(Cli cli, PrintStream out) throws Exception {
        URL wsdl = new URL(cli.require("wsdl"));
        QName serviceName = QName.valueOf(cli.get("service", DEFAULT_SERVICE.toString()));
        QName portName = QName.valueOf(cli.get("port", DEFAULT_PORT.toString()));
        List<Cli.Call> calls = Cli.repeat(Cli.parseCalls(cli.require("calls")), Integer.parseInt(cli.get("repeat", "1")));
        long timeoutMs = Long.parseLong(cli.get("timeout-ms", "0"));
        boolean close = !cli.flag("no-close");

        long t0 = System.nanoTime();
        // RM (and WSA) must come from the WSDL's policy: no ReliableMessagingFeature here.
        Service service = Service.create(wsdl, serviceName);
        ICalculator calc = service.getPort(portName, ICalculator.class, new FastInfosetFeature(false));
        Map<String, Object> rc = ((BindingProvider) calc).getRequestContext();
        String address = cli.get("address", null);
        if (address != null) {
            rc.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, address);
        }
        // the HTTP exchange's own timeout (default: the call's; 0: Metro's default, none)
        long httpTimeoutMs = Long.parseLong(cli.get("http-timeout-ms", Long.toString(timeoutMs)));
        if (httpTimeoutMs > 0) {
            rc.put("com.sun.xml.ws.request.timeout", (int) httpTimeoutMs);
            rc.put("com.sun.xml.ws.connect.timeout", (int) httpTimeoutMs);
        }
        System.err.printf("# metro client proxy ready in %.1f ms (JVM uptime %d ms)%n", Cli.ms(t0),
                ManagementFactory.getRuntimeMXBean().getUptime());

        BoundedCalls calling = new BoundedCalls("metro-client-call", timeoutMs);
        calling.run(calc, calls, out);
        if (close) {
            long s = System.nanoTime();
            calling.closing(() -> {
                ((com.sun.xml.ws.Closeable) calc).close();
                return null;
            }, "close");
            System.err.printf("# close took %.1f ms%n", Cli.ms(s));
        }
        out.println("DONE");
        return 0;
    }
}
