package io.github.wcf4j.cli;

import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.runtime.metadata.ServiceMetadata;
import io.github.wcf4j.runtime.service.ServiceHost;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code wcf4j wsdl CONFIG}: prints the WSDL a host of the configuration's service would publish at {@code ?wsdl}
 * (or another document: {@code --query singleWsdl}, {@code wsdl=wsdl0}, {@code xsd=xsd0}), without hosting.
 */
@Command(name = "wsdl", mixinStandardHelpOptions = true,
        description = "Print the WSDL a service of the configuration publishes, without hosting it.")
final class WsdlCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "an app.config / web.config file")
    Path config;

    @Option(names = "--base-address", paramLabel = "URL", description = "the base address the service is hosted at"
            + " (as for host); repeatable, one per scheme")
    List<URI> baseAddresses = new ArrayList<>();

    @Option(names = "--service", paramLabel = "NAME", description = "the <service name> (default: the only one)")
    String service;

    @Option(names = "--query", paramLabel = "QUERY", defaultValue = "wsdl",
            description = "the document: wsdl (default), singleWsdl, wsdl=wsdl0, xsd=xsd0, ...")
    String query;

    @Option(names = "--type", paramLabel = "NAME=CLASS",
            description = "map a .NET type name of the configuration to a Java class")
    List<String> types;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ServiceModelConfiguration c = LoadedConfig.load(config, spec.commandLine().getErr());
        List<ServiceDescription> candidates = new ArrayList<>();
        for (ServiceDescription s : c.services()) {
            if (service == null || service.equals(s.name())) {
                candidates.add(s);
            }
        }
        if (candidates.size() != 1) {
            throw new LoadedConfig.InvalidInputException(candidates.isEmpty()
                    ? (service == null ? config + " declares no service" : "no <service name=\"" + service + "\"> in "
                            + config)
                    : config + " declares several services; choose one with --service NAME");
        }
        ServiceDescription s = candidates.get(0);
        List<URI> bases = new ArrayList<>(baseAddresses);
        if (bases.isEmpty() && s.baseAddresses().isEmpty()) {
            bases.add(URI.create("http://localhost/" + s.name().substring(s.name().lastIndexOf('.') + 1)));
        }
        ServiceMetadata m = ServiceHost.metadataOf(c, s, LoadedConfig.types(types), bases);
        URI at = bases.isEmpty() ? s.baseAddresses().get(0) : bases.get(0);
        byte[] doc = m.get(query, at).orElseThrow(() -> new LoadedConfig.InvalidInputException("the service has no"
                + " document '" + query + "' (documents: wsdl, singleWsdl, wsdl=wsdlN, xsd=xsdN)"));
        out.println(new String(doc, StandardCharsets.UTF_8));
        return ExitCodes.OK;
    }
}
