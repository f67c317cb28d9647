package io.github.wcf4j.benchmarks;

import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.peers.Cli;
import io.github.wcf4j.peers.Load;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.security.ServiceCertificateAuthentication;
import io.github.wcf4j.runtime.security.message.ClientCredentials;
import io.github.wcf4j.runtime.security.message.ServiceCredentials;
import io.github.wcf4j.runtime.security.message.X509CertificateAuthentication;
import io.github.wcf4j.runtime.security.message.X509Credential;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.samples.ConfigEdits;
import io.github.wcf4j.samples.ICalculator;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * wcf4j over net.tcp as a benchmarked system (issue 16), run as its own JVM by {@link NetTcpScenario} with the
 * peers' process protocol ({@link Load}). Both ends are wcf4j, configured from unchanged netTcpBinding configuration
 * files ({@code configs/calculator.nettcp-*.config}):
 * <pre>
 * calc --config nettcp-none|nettcp-none-rm|nettcp-tls|nettcp-tls-rm [--keystore P12 --password PW]
 *      --sessions N [--warmup-ms N] [--window-ms N] [--rounds N]
 * heap --config ... [--keystore P12 --password PW] --sessions N   (heap per idle session, both ends in this process)
 * </pre>
 * Each load session is one channel: one TCP connection carrying one duplex session (binary encoding, session
 * strings), the request/reply contract riding on it. {@code --keystore} ({@link BenchKeys}): Transport security's
 * certificates. The one self-signed certificate is the service's (sslStreamSecurity's server certificate) and the
 * client's (the Certificate client credential, required and checked by peer trust at the service); the client
 * trusts it as the service's by peer trust (what {@code <serviceCertificate><authentication
 * certificateValidationMode="PeerTrust"/>} gives) and checks the identity {@code <dns value="localhost"/>} of the
 * configuration.
 */
public final class NetTcpSystem {
    private NetTcpSystem() {
    }

    public static void main(String[] args) {
        System.exit(Cli.main(args, Set.of(), (cli, out) -> {
            switch (cli.mode()) {
                case "calc" -> calc(cli, out);
                case "heap" -> heap(cli, out);
                default -> throw new IllegalArgumentException("unknown mode " + cli.mode() + " (expected calc, heap)");
            }
            return 0;
        }));
    }

    private static void calc(Cli cli, PrintStream out) throws Exception {
        ServiceModelConfiguration config = Wcf4jSystem.config(cli.get("config", "nettcp-none"));
        Optional<X509Credential> key = key(cli);
        try (ServiceHost host = host(config, key)) {
            out.println("READY " + host.endpoints().get(0).listenUri());
            out.flush();
            String target = Load.awaitGo();
            Load.Plan plan = Load.Plan.of(cli);
            try (ClientFactory<ICalculator> factory = factory(config, URI.create(target), key)) {
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

    private static void heap(Cli cli, PrintStream out) throws Exception {
        ServiceModelConfiguration config = Wcf4jSystem.config(cli.get("config", "nettcp-none"));
        Optional<X509Credential> key = key(cli);
        try (ServiceHost host = host(config, key);
                ClientFactory<ICalculator> factory = factory(config, host.endpoints().get(0).address(), key)) {
            Load.heap(Integer.parseInt(cli.get("sessions", "1000")), () -> {
                ICalculator calc = factory.createChannel();
                return () -> calc.add(100, 15.99);
            }, out);
            factory.abort();
        }
    }

    private static Optional<X509Credential> key(Cli cli) {
        String file = cli.get("keystore", null);
        return file == null ? Optional.empty() : Optional.of(X509Credential.fromKeyStore(Path.of(file),
                cli.require("password").toCharArray(), null));
    }

    /** The calculator of {@code config} on a free loopback port, open. */
    private static ServiceHost host(ServiceModelConfiguration config, Optional<X509Credential> key) {
        ServiceDescription d = config.service(Wcf4jSystem.SERVICE).orElseThrow();
        ServiceHost.Builder builder = ServiceHost.builder(d).types(ServiceTypes.discovered())
                .baseAddress(URI.create("net.tcp://127.0.0.1:0/calc"))
                .inlineInvocation(Wcf4jSystem.INLINE_INVOCATION);
        key.ifPresent(k -> builder.credentials(ServiceCredentials.defaults().withServiceCertificate(k)
                .withClientCertificateAuthentication(X509CertificateAuthentication.peerTrust(List.of(
                        k.certificate())))));
        ServiceHost host = builder.build();
        host.open();
        return host;
    }

    private static ClientFactory<ICalculator> factory(ServiceModelConfiguration config, URI target,
            Optional<X509Credential> key) {
        ClientEndpoint client = config.clientEndpoint("").orElseThrow();
        ClientFactory.Builder<ICalculator> builder = ClientFactory.builder(ConfigEdits.endpoint(client, target,
                client.binding()), ICalculator.class);
        key.ifPresent(k -> builder.credentials(ClientCredentials.certificate(k)
                .withDefaultServiceCertificate(k.certificate())).parameter(ServiceCertificateAuthentication.class,
                new ServiceCertificateAuthentication(X509CertificateAuthentication.peerTrust(List.of(
                        k.certificate())))));
        return builder.build();
    }
}
