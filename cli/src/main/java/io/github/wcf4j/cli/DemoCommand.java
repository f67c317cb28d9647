package io.github.wcf4j.cli;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wcf4j demo}: the seed calculator end to end, from the unchanged seed configurations that ship with wcf4j
 * ({@link SeedConfigs}, the {@code .no-security} variants; {@code --seed-dir} reads them from another folder):
 * validates them, hosts the service at the
 * address the client configuration calls, runs the ported client over the seed binding (reliable session, composite
 * duplex, one-way, SOAP 1.2 + WS-Addressing 1.0 over HTTP, the client's back channel at its
 * {@code clientBaseAddress}), and prints the reliable session as it went over the wire.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Host the seed calculator from its configuration and call it with the seed client.")
final class DemoCommand implements Callable<Integer> {
    static final String SERVICE_CONFIG = SeedConfigs.SERVICE_NO_SECURITY;
    static final String CLIENT_CONFIG = SeedConfigs.CLIENT_NO_SECURITY;
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

    @Option(names = "--client-base-address", paramLabel = "URL",
            description = "the client's back channel instead of its configured clientBaseAddress")
    URI clientBaseAddress;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = seedDir != null ? seedDir : SeedConfigs.directory();
        out.println("== 1. validate the seed configurations (" + dir + ")");
        int validate = spec.commandLine().getParent().execute("validate", dir.resolve(SERVICE_CONFIG).toString(),
                dir.resolve(CLIENT_CONFIG).toString());
        if (validate != ExitCodes.OK) {
            return validate;
        }
        ServiceModelConfiguration serviceConfig = LoadedConfig.load(dir.resolve(SERVICE_CONFIG), err);
        ServiceModelConfiguration clientConfig = LoadedConfig.load(dir.resolve(CLIENT_CONFIG), err);
        ClientEndpoint client = clientConfig.clientEndpoint("").orElseThrow();
        ServiceDescription service = serviceConfig.service(SERVICE).orElseThrow();

        URI address = serviceAddress != null ? serviceAddress : client.address();
        out.println("== 2. host " + SERVICE + " at " + address);
        try (ServiceHost host = ServiceHost.builder(service).baseAddress(address).build()) {
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
            ClientEndpoint calling = ConfigEdits.endpoint(client, host.endpoints().get(0).address(), clientBinding);
            ReliableSessionBindingElement rm = clientBinding.find(ReliableSessionBindingElement.class)
                    .orElseThrow(() -> new LoadedConfig.InvalidInputException("the seed client binding has no"
                            + " " + ReliableSessionBindingElement.CONFIG_NAME));
            SessionTrace trace = new SessionTrace(clientBinding.find(TextMessageEncodingBindingElement.class)
                    .orElse(TextMessageEncodingBindingElement.defaults()), rm.reliableMessagingVersion());
            out.println("== 3. call it with the seed client (" + CLIENT_CONFIG + "), over a reliable session ("
                    + rm.reliableMessagingVersion() + ")");
            ByteArrayOutputStream lines = new ByteArrayOutputStream();
            CalculatorClient.run(calling, b -> b.parameter(WireTap.class, trace),
                    new PrintStream(lines, true, StandardCharsets.UTF_8));
            for (String line : lines.toString(StandardCharsets.UTF_8).split("\\R")) {
                out.println("   " + line);
            }
            out.println("== 4. the reliable session on the wire (the client's side)");
            trace.lines().forEach(l -> out.println("   " + l));
        }
        out.println("== done");
        return ExitCodes.OK;
    }
}
