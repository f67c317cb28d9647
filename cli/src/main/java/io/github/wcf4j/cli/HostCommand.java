package io.github.wcf4j.cli;

import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.service.HostedEndpoint;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.transport.http.TlsSettings;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code wcf4j host CONFIG [--base-address URL]...}: hosts the services of a configuration file (each resolved by its
 * .NET name through the registered types, or {@code --type NAME=CLASS}) until interrupted: every {@code <service>} at
 * the base addresses given (one per scheme, e.g. http and https at once; else its {@code <host><baseAddresses>}), and
 * every {@code serviceActivations} entry at its relative address under them, as IIS activates it
 * ({@link HostedServices}). A service that lists no endpoint gets WCF 4's default endpoints.
 */
@Command(name = "host", mixinStandardHelpOptions = true,
        description = "Host the services of a configuration file until interrupted (Ctrl+C).")
final class HostCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "an app.config / web.config file")
    Path config;

    @Option(names = "--base-address", paramLabel = "URL",
            description = "a base address for relative endpoint addresses (as IIS or ServiceHost supplies one);"
                    + " repeatable, one per scheme (e.g. http and https); default: each service's"
                    + " <host><baseAddresses>; serviceActivations are hosted under it")
    List<URI> baseAddresses = new ArrayList<>();

    @Option(names = "--service", paramLabel = "NAME", description = "only this <service name>")
    String service;

    @Option(names = "--type", paramLabel = "NAME=CLASS",
            description = "map a .NET type name of the configuration to a Java class: a service, a contract, or a"
                    + " customUserNamePasswordValidatorType / customCertificateValidatorType")
    List<String> types;

    @Option(names = "--keystore", paramLabel = "FILE", description = "PKCS12/JKS keystore for httpsTransport")
    Path keyStore;

    @Option(names = "--keystore-password", paramLabel = "PASSWORD", defaultValue = "",
            description = "the keystore's password")
    String keyStorePassword;

    @Option(names = "--stop-after", paramLabel = "DURATION", hidden = true,
            description = "stop after this long (ISO-8601, e.g. PT30S) instead of waiting for an interrupt")
    Duration stopAfter;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        ServiceModelConfiguration c = LoadedConfig.load(config, spec.commandLine().getErr());
        ServiceTypes resolved = LoadedConfig.types(types);
        List<ServiceHost> hosts = new ArrayList<>();
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            hosts.forEach(ServiceHost::close);
            stop.countDown();
        }, "wcf4j-host-shutdown");
        try {
            for (HostedServices.HostedService h : HostedServices.of(c, baseAddresses, service)) {
                ServiceDescription s = h.service();
                ServiceHost.Builder b = ServiceHost.builder(c, s).types(resolved);
                h.baseAddresses().forEach(b::baseAddress);
                if (keyStore != null) {
                    b.parameter(TlsSettings.class, TlsSettings.keyStore(keyStore, keyStorePassword.toCharArray()));
                }
                ServiceHost host = b.build();
                hosts.add(host);
                host.open();
                for (HostedEndpoint e : host.endpoints()) {
                    out.println("host: " + s.name() + " (" + host.implementation().getName() + ") endpoint '"
                            + e.name() + "' " + e.contract() + " at " + e.address() + " [" + e.shape().wcfName()
                            + "]");
                }
                host.skipped().forEach(why -> out.println("host: " + s.name() + " " + why));
            }
        } catch (RuntimeException failure) {
            hosts.forEach(ServiceHost::abort);
            throw failure;
        }
        if (hosts.isEmpty()) {
            throw new LoadedConfig.InvalidInputException(service == null ? config + " declares no service"
                    : "no <service name=\"" + service + "\"> (nor serviceActivations entry) in " + config);
        }
        out.println("host: ready" + (stopAfter == null ? "; press Ctrl+C to stop" : ""));
        out.flush();
        Runtime.getRuntime().addShutdownHook(hook);
        if (stopAfter != null) {
            stop.await(stopAfter.toMillis(), TimeUnit.MILLISECONDS);
            Runtime.getRuntime().removeShutdownHook(hook);
            hosts.forEach(ServiceHost::close);
            out.println("host: stopped");
            return ExitCodes.OK;
        }
        stop.await();
        return ExitCodes.OK;
    }
}
