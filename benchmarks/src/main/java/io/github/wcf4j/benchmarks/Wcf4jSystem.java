package io.github.wcf4j.benchmarks;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.config.ServiceModelConfigReader;
import io.github.wcf4j.peers.Cli;
import io.github.wcf4j.peers.Load;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.metrics.RuntimeMetrics;
import io.github.wcf4j.runtime.security.message.ClientCredentials;
import io.github.wcf4j.runtime.security.message.SecurityTokenValidationException;
import io.github.wcf4j.runtime.security.message.ServiceCredentials;
import io.github.wcf4j.runtime.security.message.X509CertificateAuthentication;
import io.github.wcf4j.runtime.security.message.X509Credential;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.transport.http.TlsSettings;
import io.github.wcf4j.samples.ConfigEdits;
import io.github.wcf4j.samples.ICalculator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * wcf4j as a benchmarked system, run as its own JVM by {@link Benchmarks} with the peers' process protocol
 * ({@link Load}). Both ends are wcf4j, configured from unchanged configuration files:
 * <pre>
 * calc   --config rm10|rm11|none|https|unot|unfc|sc|scrm [--published URL] [--keystore P12 --password PW
 *        [--client-keystore P12]] --sessions N [--warmup-ms N] [--window-ms N] [--rounds N] [--open-sessions N]
 *        [--counters true]
 * wsdl   --config NAME --out FILE   (writes the ?singleWsdl a host of the configuration publishes, not hosting it)
 * oneway --seed DIR --window N --sessions N ...   (the seed binding, one-way messages)
 * heap   --config rm10|rm11|none --sessions N [--idle-ms N]   (heap per idle session, both ends in this process;
 *        --idle-ms: how long the sessions idle before the heap is measured)
 * </pre>
 * {@code --published URL}: the service is published at {@code URL} (a proxy's address, the {@code wsa:To} clients
 * send) and listens on a loopback port of its own (WCF's {@code listenUri}). {@code --keystore}: the service
 * certificate and key ({@link BenchKeys}), used as the HTTPS server's key, the message-security service certificate
 * and what the client trusts; the service accepts the one user name {@value #USER} (password: the key store's).
 * {@code --client-keystore}: the clients call as that key pair's certificate (MutualCertificate), which the service
 * trusts alone (peer trust).
 * {@code --counters true}: after the load, {@code COUNTERS {json}} with the reliable sessions' retransmissions and
 * acknowledgements at both ends ({@link CountingMetrics}, the whole load, warm-up included).
 * {@code --open-sessions N}: after the load ({@code DONE}), what opening a channel adds to its first call
 * ({@link #openCost}).
 */
public final class Wcf4jSystem {
    static final String SERVICE = "Microsoft.ServiceModel.Samples.CalculatorService";
    static final String USER = "bench";

    private Wcf4jSystem() {
    }

    public static void main(String[] args) {
        System.exit(Cli.main(args, Set.of(), (cli, out) -> {
            switch (cli.mode()) {
                case "calc" -> calc(cli, out);
                case "oneway" -> oneWay(cli, out);
                case "heap" -> heap(cli, out);
                case "seed" -> SeedSystem.run(cli, out);
                case "wsdl" -> wsdl(cli);
                default -> throw new IllegalArgumentException("unknown mode " + cli.mode()
                        + " (expected calc, oneway, seed, heap, wsdl)");
            }
            return 0;
        }));
    }

    private static void calc(Cli cli, PrintStream out) throws Exception {
        ServiceModelConfiguration config = config(cli.get("config", "rm10"));
        Optional<Keys> keys = Keys.of(cli);
        CountingMetrics counters = new CountingMetrics();
        boolean counting = cli.get("counters", "false").equals("true");
        RuntimeMetrics metrics = counting ? counters : RuntimeMetrics.NONE;
        try (ServiceHost host = host(config, cli.get("published", null), ServiceTypes.discovered(), keys, metrics)) {
            out.println("READY " + host.endpoints().get(0).listenUri());
            out.flush();
            String target = Load.awaitGo();
            ClientEndpoint client = config.clientEndpoint("").orElseThrow();
            Load.Plan plan = Load.Plan.of(cli);
            ClientFactory.Builder<ICalculator> builder = ClientFactory.builder(ConfigEdits.endpoint(client,
                    URI.create(target), client.binding()), ICalculator.class).metrics(metrics);
            keys.ifPresent(k -> builder.parameter(TlsSettings.class, k.tls()).credentials(k.client().map(
                    ClientCredentials::certificate).orElseGet(() -> ClientCredentials.userName(USER, k.password()))
                    .withDefaultServiceCertificate(k.service().certificate())));
            try (ClientFactory<ICalculator> factory = builder.build()) {
                List<Load.Call> clients = new ArrayList<>();
                for (int i = 0; i < plan.sessions(); i++) {
                    ICalculator calc = factory.createChannel();
                    clients.add(() -> calc.add(100, 15.99));
                }
                Load.run(plan, clients, out);
                if (counting) {
                    out.println("COUNTERS " + counters.json());
                    out.flush();
                }
                int open = Integer.parseInt(cli.get("open-sessions", "0"));
                if (open > 0) {
                    openCost(factory, open, out);
                }
                factory.abort();
            }
        }
    }

    /** Calls after the first that {@link #openCost} times on each channel. */
    private static final int LATER_CALLS = 3;

    /**
     * Opens {@code channels} channels one after another on the warm JVM, times each one's first call (which opens it:
     * for a security session, the token request) and its later calls, and closes it gracefully (not timed); prints
     * {@code OPEN {json}} with the medians over the channels of the first call, of a later call (the median of each
     * channel's {@value #LATER_CALLS}) and of their difference, in microseconds.
     */
    static void openCost(ClientFactory<ICalculator> factory, int channels, PrintStream out) {
        double[] first = new double[channels];
        double[] later = new double[channels];
        double[] open = new double[channels];
        for (int i = 0; i < channels; i++) {
            ICalculator calc = factory.createChannel();
            first[i] = timedCall(calc);
            double[] l = new double[LATER_CALLS];
            for (int j = 0; j < LATER_CALLS; j++) {
                l[j] = timedCall(calc);
            }
            later[i] = median(l);
            open[i] = first[i] - later[i];
            factory.close(calc);
        }
        out.println(String.format(Locale.ROOT, "OPEN {\"channels\":%d,\"firstMicros\":%.1f,\"laterMicros\":%.1f,"
                + "\"openMicros\":%.1f}", channels, median(first), median(later), median(open)));
        out.flush();
    }

    private static double timedCall(ICalculator calc) {
        long start = System.nanoTime();
        calc.add(100, 15.99);
        return (System.nanoTime() - start) / 1e3;
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static void heap(Cli cli, PrintStream out) throws Exception {
        ServiceModelConfiguration config = config(cli.get("config", "rm10"));
        try (ServiceHost host = host(config, null)) {
            ClientEndpoint client = config.clientEndpoint("").orElseThrow();
            try (ClientFactory<ICalculator> factory = ClientFactory.builder(ConfigEdits.endpoint(client,
                    host.endpoints().get(0).address(), client.binding()), ICalculator.class).build()) {
                Load.heap(Integer.parseInt(cli.get("sessions", "10000")), Long.parseLong(cli.get("idle-ms", "0")), () -> {
                    ICalculator calc = factory.createChannel();
                    return () -> calc.add(100, 15.99);
                }, out);
                factory.abort();
            }
        }
    }

    /**
     * Scenario 3: the seed configurations' binding without security (reliableSession, compositeDuplex, oneWay, text,
     * HTTP) at {@code --window} messages, carrying a one-way contract; the client's back channel on a free port.
     */
    private static void oneWay(Cli cli, PrintStream out) throws Exception {
        Path seeds = Path.of(cli.require("seed"));
        int window = Integer.parseInt(cli.require("window"));
        ServiceModelConfigReader reader = ServiceModelConfigReader.create();
        ServiceDescription seedService = reader.read(seeds.resolve("calculator-service.no-security.config"))
                .orThrow().service(SERVICE).orElseThrow();
        ClientEndpoint seedClient = reader.read(seeds.resolve("calculator-client.no-security.config")).orThrow()
                .clientEndpoint("").orElseThrow();
        ServiceEndpoint e = seedService.endpoints().get(0);
        ServiceDescription service = new ServiceDescription(seedService.name(), seedService.behavior(), List.of(),
                List.of(new ServiceEndpoint(e.name(), e.address(), e.bindingSection(), e.bindingConfiguration(),
                        ConfigEdits.withTransferWindow(e.binding(), window), IMeter.NAME, e.listenUri(), e.behavior(),
                        e.identity(), e.headers(), e.standardEndpoint())));
        try (ServiceHost host = ServiceHost.builder(service).types(ServiceTypes.discovered()
                .map(SERVICE, MeterService.class).map(IMeter.NAME, IMeter.class))
                .baseAddress(URI.create("http://127.0.0.1:0/servicemodelsamples/service.svc")).build()) {
            host.open();
            out.println("READY " + host.endpoints().get(0).listenUri());
            out.flush();
            String target = Load.awaitGo();
            Binding binding = ConfigEdits.withClientBaseAddress(ConfigEdits.withTransferWindow(seedClient.binding(), window),
                    URI.create("http://127.0.0.1:0/myClient/"));
            ClientEndpoint client = new ClientEndpoint(seedClient.name(), URI.create(target),
                    seedClient.bindingSection(), seedClient.bindingConfiguration(), binding, IMeter.NAME,
                    seedClient.behavior(), seedClient.identity(), seedClient.headers(), seedClient.standardEndpoint());
            Load.Plan plan = Load.Plan.of(cli);
            try (ClientFactory<IMeter> factory = ClientFactory.builder(client, IMeter.class).build()) {
                List<Load.Call> clients = new ArrayList<>();
                for (int i = 0; i < plan.sessions(); i++) {
                    IMeter meter = factory.createChannel();
                    clients.add(() -> meter.record(15.99));
                }
                Load.run(plan, clients, out);
                factory.abort();
            }
        }
    }

    /**
     * The calculator's operations never block, so its host opts in to running them on the delivering thread
     * ({@link ServiceHost.Builder#inlineInvocation}); {@code WCF4J_BENCH_INLINE=0} in the environment measures the
     * invocation pool instead.
     */
    static final boolean INLINE_INVOCATION = !"0".equals(System.getenv("WCF4J_BENCH_INLINE"));

    /** The calculator hosted from a benchmark configuration ({@code configs/calculator.NAME.config}). */
    private static ServiceHost host(ServiceModelConfiguration config, String published) {
        return host(config, published, ServiceTypes.discovered());
    }

    /**
     * The calculator of {@code config} hosted with {@code types}, open; with {@code published}, its endpoint is
     * published there and listens on a loopback port of its own (WCF's {@code listenUri}).
     */
    static ServiceHost host(ServiceModelConfiguration config, String published, ServiceTypes types) {
        return host(config, published, types, Optional.empty(), RuntimeMetrics.NONE);
    }

    /** The same, given {@code keys} when its binding is secured (HTTPS, message security or both). */
    private static ServiceHost host(ServiceModelConfiguration config, String published, ServiceTypes types,
            Optional<Keys> keys, RuntimeMetrics metrics) {
        ServiceDescription d = config.service(SERVICE).orElseThrow();
        if (published != null) {
            ServiceEndpoint e = d.endpoints().get(0);
            d = new ServiceDescription(d.name(), d.behavior(), d.baseAddresses(), List.of(new ServiceEndpoint(e.name(),
                    published, e.bindingSection(), e.bindingConfiguration(), e.binding(), e.contract(),
                    Optional.of(URI.create("http://127.0.0.1:0" + URI.create(published).getPath())),
                    e.behavior(), e.identity(), e.headers(), e.standardEndpoint())));
        }
        String scheme = d.endpoints().get(0).binding().transport().map(t -> t.scheme()).orElse("http");
        ServiceHost.Builder builder = ServiceHost.builder(d).types(types)
                .baseAddress(URI.create(scheme + "://127.0.0.1:0/calc")).metrics(metrics)
                .inlineInvocation(INLINE_INVOCATION);
        keys.ifPresent(k -> {
            ServiceCredentials credentials = ServiceCredentials.defaults().withServiceCertificate(k.service())
                    .withUserNameValidator((user, password) -> {
                        if (!user.equals(USER) || !password.equals(k.password())) {
                            throw new SecurityTokenValidationException("Unknown user name or incorrect password");
                        }
                    });
            builder.parameter(TlsSettings.class, k.tls()).credentials(k.client().map(c -> credentials
                    .withClientCertificateAuthentication(X509CertificateAuthentication.peerTrust(List.of(
                            c.certificate())))).orElse(credentials));
        });
        ServiceHost host = builder.build();
        host.open();
        return host;
    }

    /** {@code --keystore}'s (and {@code --client-keystore}'s) key material, loaded: see the class comment. */
    private record Keys(TlsSettings tls, X509Credential service, String password, Optional<X509Credential> client) {
        static Optional<Keys> of(Cli cli) {
            String file = cli.get("keystore", null);
            if (file == null) {
                return Optional.empty();
            }
            String password = cli.require("password");
            String client = cli.get("client-keystore", null);
            return Optional.of(new Keys(TlsSettings.keyStore(Path.of(file), password.toCharArray()),
                    X509Credential.fromKeyStore(Path.of(file), password.toCharArray(), null), password,
                    Optional.ofNullable(client).map(c -> X509Credential.fromKeyStore(Path.of(c),
                            password.toCharArray(), null))));
        }
    }

    /**
     * {@code wsdl}: the single WSDL a host of {@code --config} publishes ({@code ?singleWsdl}: its policy, the
     * contract's schema inline), written to {@code --out}, for a contender configured by policy (Metro WSIT).
     */
    private static void wsdl(Cli cli) throws IOException {
        ServiceModelConfiguration config = config(cli.require("config"));
        URI base = URI.create("http://127.0.0.1/calc");
        byte[] doc = ServiceHost.metadataOf(config, config.service(SERVICE).orElseThrow(), ServiceTypes.discovered(),
                List.of(base)).get("singleWsdl", base).orElseThrow();
        Files.write(Path.of(cli.require("out")), doc);
    }

    static ServiceModelConfiguration config(String name) throws IOException {
        String file = "calculator." + name + ".config";
        try (InputStream in = Wcf4jSystem.class.getResourceAsStream("/configs/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no benchmark configuration " + file);
            }
            return ServiceModelConfigReader.create().read(file, new String(in.readAllBytes(),
                    StandardCharsets.UTF_8)).orThrow();
        }
    }
}
