package io.github.wcf4j.cli;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import io.github.wcf4j.runtime.security.KerberosCredentials;
import io.github.wcf4j.runtime.service.HostedEndpoint;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.transport.WireTap;
import io.github.wcf4j.samples.CalculatorClient;
import io.github.wcf4j.samples.ConfigEdits;
import io.github.wcf4j.samples.SeedConfigs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wcf4j demo}: the seed calculator end to end, from the unchanged seed configurations that ship with wcf4j
 * ({@link SeedConfigs}; {@code --seed-dir} reads them from another folder, {@code --no-security} takes the
 * {@code .no-security} variants): validates them, starts an embedded Kerberos KDC ({@link DemoKdc}) with the service's
 * principal (WCF's default SPN for the address, {@code host/<host>}) and the client's, hosts the service at the
 * address the client configuration calls, runs the ported client over the seed binding (reliable session over a
 * SecureConversation session bootstrapped by SspiNegotiated, composite duplex, one-way, SOAP 1.2 + WS-Addressing 1.0
 * over HTTP, the client's back channel at its {@code clientBaseAddress}), and prints the SPNEGO legs, the context
 * token and the reliable session as they went over the wire.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Host the seed calculator from its configuration and call it with the seed client.")
final class DemoCommand implements Callable<Integer> {
    static final String CLIENT_PRINCIPAL = "alice";
    static final String SERVICE = "Microsoft.ServiceModel.Samples.CalculatorService";

    @Spec
    CommandSpec spec;

    @Option(names = "--seed-dir", paramLabel = "DIR",
            description = "a folder holding the seed configurations (default: the copies that ship with wcf4j,"
                    + " samples/seed-configs)")
    Path seedDir;

    @Option(names = "--service-address", paramLabel = "URL",
            description = "host the service here instead of the client configuration's address (a port in use)")
    URI serviceAddress;

    @Option(names = "--no-security",
            description = "run the .no-security variants of the seed configurations (no KDC)")
    boolean noSecurity;

    @Option(names = "--client-base-address", paramLabel = "URL",
            description = "the client's back channel instead of its configured clientBaseAddress")
    URI clientBaseAddress;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = seedDir != null ? seedDir : SeedConfigs.directory();
        String serviceConfigName = noSecurity ? SeedConfigs.SERVICE_NO_SECURITY : SeedConfigs.SERVICE;
        String clientConfigName = noSecurity ? SeedConfigs.CLIENT_NO_SECURITY : SeedConfigs.CLIENT;
        out.println("== 1. validate the seed configurations (" + dir + ")");
        int validate = spec.commandLine().getParent().execute("validate", dir.resolve(serviceConfigName).toString(),
                dir.resolve(clientConfigName).toString());
        if (validate != ExitCodes.OK) {
            return validate;
        }
        ServiceModelConfiguration serviceConfig = LoadedConfig.load(dir.resolve(serviceConfigName), err);
        ServiceModelConfiguration clientConfig = LoadedConfig.load(dir.resolve(clientConfigName), err);
        ClientEndpoint client = clientConfig.clientEndpoint("").orElseThrow();
        ServiceDescription service = serviceConfig.service(SERVICE).orElseThrow();

        URI address = serviceAddress != null ? serviceAddress : client.address();
        DemoKdc kdc = noSecurity ? null : DemoKdc.start();
        try {
            Optional<KerberosCredentials> servicePrincipal = Optional.empty();
            Optional<KerberosCredentials> clientPrincipal = Optional.empty();
            if (kdc != null) {
                String spn = "host/" + address.getHost();
                out.println("== 2. start a Kerberos KDC for the seed's SspiNegotiated bootstrap (realm " + DemoKdc.REALM
                        + ", " + kdc.where() + "): the service as " + spn + " (WCF's default SPN for its address),"
                        + " the client as " + CLIENT_PRINCIPAL);
                servicePrincipal = Optional.of(kdc.provision(spn));
                clientPrincipal = Optional.of(kdc.provision(CLIENT_PRINCIPAL));
            }
            int step = kdc == null ? 2 : 3;
            out.println("== " + step + ". host " + SERVICE + " at " + address);
            ServiceHost.Builder hostBuilder = ServiceHost.builder(service).baseAddress(address);
            servicePrincipal.ifPresent(k -> hostBuilder.parameter(KerberosCredentials.class, k));
            try (ServiceHost host = hostBuilder.build()) {
                host.open();
                for (HostedEndpoint e : host.endpoints()) {
                    out.println("   endpoint " + e.contract() + " listening at " + e.listenUri() + " ["
                            + e.shape().wcfName() + "]");
                }
                host.skipped().forEach(why -> out.println("   " + why));

                Binding clientBinding = client.binding();
                if (clientBaseAddress != null) {
                    clientBinding = ConfigEdits.withClientBaseAddress(clientBinding, clientBaseAddress);
                }
                ClientEndpoint calling = ConfigEdits.endpoint(client, host.endpoints().get(0).address(),
                        clientBinding);
                ReliableSessionBindingElement rm = clientBinding.find(ReliableSessionBindingElement.class)
                        .orElseThrow(() -> new LoadedConfig.InvalidInputException("the seed client binding has no"
                                + " " + ReliableSessionBindingElement.CONFIG_NAME));
                SessionTrace trace = new SessionTrace(clientBinding.find(TextMessageEncodingBindingElement.class)
                        .orElse(TextMessageEncodingBindingElement.defaults()), rm.reliableMessagingVersion());
                out.println("== " + (step + 1) + ". call it with the seed client (" + clientConfigName + "), over a"
                        + " reliable session (" + rm.reliableMessagingVersion() + ")"
                        + (kdc == null ? "" : " in a security session bootstrapped by SPNEGO (Kerberos)"));
                ByteArrayOutputStream lines = new ByteArrayOutputStream();
                Optional<KerberosCredentials> caller = clientPrincipal;
                CalculatorClient.run(calling, b -> {
                    b.parameter(WireTap.class, trace);
                    caller.ifPresent(k -> b.parameter(KerberosCredentials.class, k));
                }, new PrintStream(lines, true, StandardCharsets.UTF_8));
                for (String line : lines.toString(StandardCharsets.UTF_8).split("\\R")) {
                    out.println("   " + line);
                }
                out.println("== " + (step + 2) + ". the " + (kdc == null ? "" : "negotiation, the security session"
                        + " and the ") + "reliable session on the wire (the client's side)");
                trace.lines().forEach(l -> out.println("   " + l));
            }
        } finally {
            if (kdc != null) {
                kdc.close();
            }
        }
        out.println("== done");
        return ExitCodes.OK;
    }
}
