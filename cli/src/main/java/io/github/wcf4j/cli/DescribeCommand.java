package io.github.wcf4j.cli;

import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.binding.stack.ContractCatalog;
import io.github.wcf4j.config.ConfigReadResult;
import io.github.wcf4j.config.Diagnostic;
import io.github.wcf4j.config.ServiceModelConfigReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wcf4j describe FILE [--endpoint NAME]}: per service and client endpoint, the binding's element stack top to
 * bottom with every effective setting (WCF defaults marked) and the channel stack each side builds.
 */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Describe the channel stack of every endpoint of a configuration file.")
final class DescribeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "an app.config / web.config file")
    Path file;

    @Option(names = "--endpoint", paramLabel = "NAME",
            description = "only this endpoint (its name, address, or '(base address)' / '(default)')")
    String endpoint;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ConfigReadResult read = ServiceModelConfigReader.create().read(file);
        ContractCatalog contracts = Contracts.discovered();
        long errors = ValidateCommand.diagnose(read, contracts).stream().filter(Diagnostic::isError)
                .peek(d -> spec.commandLine().getErr().println(d)).count();
        if (read.configuration().isEmpty()) {
            return ExitCodes.INVALID;
        }
        ServiceModelConfiguration config = read.configuration().get();
        StackPrinter printer = new StackPrinter(out);
        int shown = 0;
        for (ServiceDescription service : config.services()) {
            for (ServiceEndpoint e : service.endpoints()) {
                if (matches(e.name(), e.address(), e.displayName())) {
                    out.println("service " + service.name() + " endpoint " + e.displayName() + " (address \""
                            + e.address() + "\", contract " + e.contract() + ")");
                    printer.print(e.binding(), e.isMetadataExchange()
                            ? Optional.of(ContractCatalog.METADATA_EXCHANGE) : contracts.find(e.contract()),
                            "  ");
                    out.println();
                    shown++;
                }
            }
        }
        for (ClientEndpoint e : config.clientEndpoints()) {
            if (matches(e.name(), e.address().toString(), e.displayName())) {
                out.println("client endpoint " + e.displayName() + " (address " + e.address() + ", contract "
                        + e.contract() + ")");
                printer.print(e.binding(), contracts.find(e.contract()), "  ");
                out.println();
                shown++;
            }
        }
        if (shown == 0) {
            spec.commandLine().getErr().println("describe: no endpoint" + (endpoint == null ? "" : " named '"
                    + endpoint + "'") + " in " + file);
            return ExitCodes.INVALID;
        }
        return errors == 0 ? ExitCodes.OK : ExitCodes.INVALID;
    }

    private boolean matches(String name, String address, String display) {
        return endpoint == null || endpoint.equals(name) || endpoint.equals(address) || endpoint.equals(display);
    }
}
