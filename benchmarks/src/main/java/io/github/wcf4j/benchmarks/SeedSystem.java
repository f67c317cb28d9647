package io.github.wcf4j.benchmarks;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.config.ServiceModelConfigReader;
import io.github.wcf4j.peers.Cli;
import io.github.wcf4j.peers.Load;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.security.EmbeddedKdc;
import io.github.wcf4j.runtime.security.KerberosCredentials;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.samples.ConfigEdits;
import io.github.wcf4j.samples.ICalculator;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Issue 15: the seed configurations' binding verbatim ({@code calculator-service.config} and
 * {@code calculator-client.config}: reliableSession, SecureConversation over an SspiNegotiated bootstrap,
 * compositeDuplex, oneWay, text, HTTP), or their {@code .no-security} variants, as {@code ./wcf4j demo} runs them:
 * with security, an embedded Kerby KDC in this JVM (the runtime test jar's {@link EmbeddedKdc}, as the demo's
 * {@code DemoKdc}: TCP on a free port of localhost), the service as {@code host/localhost} (WCF's default SPN for its
 * address) and the client as {@code alice}, each from its own keytab. Run by {@link Wcf4jSystem}'s {@code seed} mode:
 * <pre>
 * seed --seed DIR --security true|false --what calls|oneway --sessions N [--warmup-ms N] [--window-ms N]
 *      [--rounds N] [--open-sessions N]
 * </pre>
 * {@code calls}: the seed's calculator ({@code Add}) over its own contract; {@code oneway}: the binding carrying a
 * one-way contract ({@link IMeter}), as scenario 3. The only edits: the service listens on a free port of localhost
 * and the client's {@code clientBaseAddress} (the seed's fixed {@code localhost:8000}) is a free port too, so that
 * runs and other builds on the machine cannot collide; every binding element is the seed's.
 */
final class SeedSystem {
    /** WCF's default SPN for the service's address ({@code host/} and its host), as the demo provisions it. */
    static final String SERVICE_PRINCIPAL = "host/localhost";
    static final String CLIENT_PRINCIPAL = "alice";

    private SeedSystem() {
    }

    static void run(Cli cli, PrintStream out) throws Exception {
        Path seeds = Path.of(cli.require("seed"));
        boolean secure = Boolean.parseBoolean(cli.require("security"));
        boolean oneWay = cli.require("what").equals("oneway");
        String suffix = secure ? "" : ".no-security";
        ServiceModelConfigReader reader = ServiceModelConfigReader.create();
        ServiceDescription seedService = reader.read(seeds.resolve("calculator-service" + suffix + ".config"))
                .orThrow().service(Wcf4jSystem.SERVICE).orElseThrow();
        ClientEndpoint seedClient = reader.read(seeds.resolve("calculator-client" + suffix + ".config")).orThrow()
                .clientEndpoint("").orElseThrow();
        Optional<KerberosCredentials> service = Optional.empty();
        Optional<KerberosCredentials> client = Optional.empty();
        if (secure) {
            EmbeddedKdc kdc = EmbeddedKdc.shared();
            service = Optional.of(kdc.credentials(SERVICE_PRINCIPAL));
            client = Optional.of(kdc.credentials(CLIENT_PRINCIPAL));
        }
        ServiceDescription hosted = oneWay ? withContract(seedService, IMeter.NAME) : seedService;
        ServiceTypes types = oneWay ? ServiceTypes.discovered().map(Wcf4jSystem.SERVICE, MeterService.class)
                .map(IMeter.NAME, IMeter.class) : ServiceTypes.discovered();
        ServiceHost.Builder hb = ServiceHost.builder(hosted).types(types)
                .baseAddress(URI.create("http://localhost:0/servicemodelsamples/service.svc"))
                .inlineInvocation(Wcf4jSystem.INLINE_INVOCATION);
        service.ifPresent(k -> hb.parameter(KerberosCredentials.class, k));
        try (ServiceHost host = hb.build()) {
            host.open();
            URI listen = host.endpoints().get(0).listenUri();
            // the client calls localhost, whose SPN the service holds (as the demo calls the seed's address)
            out.println("READY " + new URI("http", null, "localhost", listen.getPort(), listen.getPath(), null, null));
            out.flush();
            URI target = URI.create(Load.awaitGo());
            Binding binding = ConfigEdits.withClientBaseAddress(seedClient.binding(),
                    URI.create("http://127.0.0.1:0/myClient/"));
            Load.Plan plan = Load.Plan.of(cli);
            Optional<KerberosCredentials> caller = client;
            if (oneWay) {
                ClientEndpoint e = new ClientEndpoint(seedClient.name(), target, seedClient.bindingSection(),
                        seedClient.bindingConfiguration(), binding, IMeter.NAME, seedClient.behavior(),
                        seedClient.identity(), seedClient.headers(), seedClient.standardEndpoint());
                ClientFactory.Builder<IMeter> b = ClientFactory.builder(e, IMeter.class);
                caller.ifPresent(k -> b.parameter(KerberosCredentials.class, k));
                try (ClientFactory<IMeter> factory = b.build()) {
                    List<Load.Call> clients = new ArrayList<>();
                    for (int i = 0; i < plan.sessions(); i++) {
                        IMeter meter = factory.createChannel();
                        clients.add(() -> meter.record(15.99));
                    }
                    Load.run(plan, clients, out);
                    factory.abort();
                }
                return;
            }
            ClientFactory.Builder<ICalculator> b = ClientFactory.builder(ConfigEdits.endpoint(seedClient, target,
                    binding), ICalculator.class);
            caller.ifPresent(k -> b.parameter(KerberosCredentials.class, k));
            try (ClientFactory<ICalculator> factory = b.build()) {
                List<Load.Call> clients = new ArrayList<>();
                for (int i = 0; i < plan.sessions(); i++) {
                    ICalculator calc = factory.createChannel();
                    clients.add(() -> calc.add(100, 15.99));
                }
                Load.run(plan, clients, out);
                int open = Integer.parseInt(cli.get("open-sessions", "0"));
                if (open > 0) {
                    Wcf4jSystem.openCost(factory, open, out);
                }
                factory.abort();
            }
        }
    }

    /** The seed service with its first endpoint carrying {@code contract} (its binding unchanged). */
    private static ServiceDescription withContract(ServiceDescription s, String contract) {
        ServiceEndpoint e = s.endpoints().get(0);
        return new ServiceDescription(s.name(), s.behavior(), List.of(), List.of(new ServiceEndpoint(e.name(),
                e.address(), e.bindingSection(), e.bindingConfiguration(), e.binding(), contract, e.listenUri(),
                e.behavior(), e.identity(), e.headers(), e.standardEndpoint())));
    }
}
