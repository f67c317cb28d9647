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
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wcf4j describe FILE [--endpoint NAME]}: per service and client endpoint, the binding's element stack top to
 * bottom with every effective setting (WCF defaults marked) and the channel stack each side builds, and whether wcf4j
 * runs it (and if not, why: the same verdict as {@code validate}). Exit 0, 1 with errors, 4 when an endpoint shown
 * cannot run.
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
        Findings findings = Findings.of(read, contracts);
        long errors = findings.diagnostics().stream().filter(Diagnostic::isError)
                .peek(d -> spec.commandLine().getErr().println(d)).count();
        if (read.configuration().isEmpty()) {
            return ExitCodes.INVALID;
        }
        ServiceModelConfiguration config = read.configuration().get();
        Iterator<Findings.EndpointVerdict> verdicts = findings.endpoints().iterator();
        StackPrinter printer = new StackPrinter(out);
        int shown = 0;
        boolean allRun = true;
        for (ServiceDescription service : config.services()) {
            for (ServiceEndpoint e : Findings.endpointsOf(config, service, contracts)) {
                Findings.EndpointVerdict verdict = verdicts.next();
                if (matches(e.name(), e.address(), verdict.name())) {
                    out.println("service " + service.name() + " endpoint " + verdict.name() + " (address \""
                            + e.address() + "\", contract " + e.contract() + (service.endpoints().isEmpty()
                            ? ", binding " + e.bindingSection() + " from the protocol mapping" : "") + ")");
                    printVerdict(out, verdict);
                    printer.print(e.binding(), e.isMetadataExchange()
                            ? Optional.of(ContractCatalog.METADATA_EXCHANGE) : contracts.find(e.contract()),
                            "  ");
                    out.println();
                    shown++;
                    allRun &= verdict.runs();
                }
            }
        }
        for (ClientEndpoint e : config.clientEndpoints()) {
            Findings.EndpointVerdict verdict = verdicts.next();
            if (matches(e.name(), e.address().toString(), e.displayName())) {
                out.println("client endpoint " + e.displayName() + " (address " + e.address() + ", contract "
                        + e.contract() + ")");
                printVerdict(out, verdict);
                printer.print(e.binding(), contracts.find(e.contract()), "  ");
                out.println();
                shown++;
                allRun &= verdict.runs();
            }
        }
        if (shown == 0) {
            spec.commandLine().getErr().println("describe: no endpoint" + (endpoint == null ? "" : " named '"
                    + endpoint + "'") + " in " + file);
            return ExitCodes.INVALID;
        }
        if (errors > 0) {
            return ExitCodes.INVALID;
        }
        return allRun ? ExitCodes.OK : ExitCodes.NOT_RUNNABLE;
    }

    /** {@code wcf4j: runs}, or why it cannot run, one line a reason. */
    private static void printVerdict(PrintWriter out, Findings.EndpointVerdict verdict) {
        if (verdict.runs()) {
            out.println("  wcf4j: runs");
            return;
        }
        out.println("  wcf4j: cannot run");
        verdict.reasons().forEach(d -> out.println("    " + d.severity().label() + " at " + d.location() + ": "
                + d.message()));
    }

    private boolean matches(String name, String address, String display) {
        return endpoint == null || endpoint.equals(name) || endpoint.equals(address) || endpoint.equals(display);
    }
}
