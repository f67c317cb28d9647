package io.github.wcf4j.benchmarks;

import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.peers.Cli;
import io.github.wcf4j.peers.Load;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.samples.CalculatorService;
import io.github.wcf4j.samples.ConfigEdits;
import io.github.wcf4j.samples.ICalculator;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Durable reliable sessions (issue 19) as benchmarked processes, run by {@link DurableScenario}: the service and its
 * clients in JVMs of their own, since the store setting is a process's and a request/reply client refuses a durable
 * store ({@code DurableSessionRefusal}), and since a farm is several service processes behind a proxy.
 * <pre>
 * host   --port N --published URL   the calculator over WS-RM ({@code configs/calculator.rm10.config}), listening on
 *                                   127.0.0.1:N and published at URL (the proxy's, or its own); its store is the
 *                                   process's {@code wcf4j.reliableSessionStore} setting (none: in memory, WCF's)
 * client --sessions N [--warmup-ms N] [--window-ms N] [--rounds N] [--max-warmup-rounds N]
 *                                   the same configuration's client, sessions in memory, calling GO's address
 * </pre>
 * A host prints {@code READY <listen address>} once open, and when its standard input ends {@code SERVED n} (the
 * {@code Add} calls it applied) and exits. A client prints {@code READY client}, waits for {@code GO <address>},
 * then runs {@link Load}'s load.
 */
public final class DurableSystem {
    private DurableSystem() {
    }

    public static void main(String[] args) {
        System.exit(Cli.main(args, Set.of(), (cli, out) -> {
            switch (cli.mode()) {
                case "host" -> host(cli, out);
                case "client" -> client(cli, out);
                default -> throw new IllegalArgumentException("unknown mode " + cli.mode()
                        + " (expected host, client)");
            }
            return 0;
        }));
    }

    /** The calculator counting what it applied (each host of a farm says how many calls it served). */
    public static final class CountingCalculator extends CalculatorService {
        static final LongAdder APPLIED = new LongAdder();

        @Override
        public double add(double n1, double n2) {
            APPLIED.increment();
            return super.add(n1, n2);
        }
    }

    private static void host(Cli cli, PrintStream out) throws IOException {
        ServiceModelConfiguration config = Wcf4jSystem.config("rm10");
        ServiceDescription d = config.service(Wcf4jSystem.SERVICE).orElseThrow();
        ServiceEndpoint e = d.endpoints().get(0);
        URI listen = URI.create("http://127.0.0.1:" + Integer.parseInt(cli.require("port")) + "/calc");
        String published = cli.get("published", listen.toString());
        d = new ServiceDescription(d.name(), d.behavior(), List.of(), List.of(new ServiceEndpoint(e.name(),
                published, e.bindingSection(), e.bindingConfiguration(), e.binding(), e.contract(),
                Optional.of(listen), e.behavior(), e.identity(), e.headers(), e.standardEndpoint())));
        try (ServiceHost host = ServiceHost.builder(d).types(ServiceTypes.discovered()
                .map(Wcf4jSystem.SERVICE, CountingCalculator.class)).inlineInvocation(Wcf4jSystem.INLINE_INVOCATION)
                .build()) {
            host.open();
            out.println("READY " + host.endpoints().get(0).listenUri());
            out.flush();
            while (System.in.read() >= 0) {
                // serve until the orchestrator closes standard input
            }
            out.println("SERVED " + CountingCalculator.APPLIED.sum());
            out.flush();
        }
    }

    private static void client(Cli cli, PrintStream out) throws Exception {
        ServiceModelConfiguration config = Wcf4jSystem.config("rm10");
        out.println("READY client");
        out.flush();
        String target = Load.awaitGo();
        ClientEndpoint client = config.clientEndpoint("").orElseThrow();
        Load.Plan plan = Load.Plan.of(cli);
        try (ClientFactory<ICalculator> factory = ClientFactory.builder(ConfigEdits.endpoint(client,
                URI.create(target), client.binding()), ICalculator.class).build()) {
            List<Load.Call> clients = new ArrayList<>();
            for (int i = 0; i < plan.sessions(); i++) {
                ICalculator calc = factory.createChannel();
                clients.add(() -> calc.add(100, 15.99));
            }
            Load.run(plan, clients, out);
            factory.abort();
        }
    }
}
