package io.github.wcf4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wcf4j.binding.stack.ContractCatalog;
import io.github.wcf4j.config.Diagnostic;
import io.github.wcf4j.config.ServiceModelConfigReader;
import io.github.wcf4j.config.Severity;
import io.github.wcf4j.runtime.security.CertificateStores;
import io.github.wcf4j.runtime.security.CredentialsFromConfiguration;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wcf4j validate FILE...}: every diagnostic WCF would give when loading the configuration and opening its hosts
 * and channel factories (channel shapes negotiated per endpoint, no socket opened), and everything WCF accepts that
 * wcf4j cannot run ({@code unsupported}), one per line as {@code file:line:col: error|warning|unsupported: message};
 * then, per endpoint, whether {@code host}/{@code call} would open it. Unless {@code --config-only}, the credentials
 * are also applied as a host or factory applies them, on this machine: a certificate its stores lack or a validator
 * type no Java class answers to is an error at its element, as opening would fail on it. Exit 0 when every endpoint
 * runs, 1 with errors, 2 on usage errors, 4 when the configuration is valid but an endpoint asks for something wcf4j
 * cannot run.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate configuration files as WCF would (load time and channel-stack build time), and say"
                + " which endpoints wcf4j runs.")
final class ValidateCommand implements Callable<Integer> {
    enum Format { text, json, sarif }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "app.config / web.config files")
    List<Path> files;

    @Option(names = "--format", defaultValue = "text", description = "text (default), json, or sarif (SARIF 2.1.0,"
            + " for code-scanning tools)")
    Format format;

    @Option(names = "--config-only", description = "check the files alone: do not look for the certificates they"
            + " name in this machine's stores, nor resolve their validator types (e.g. on a build machine)")
    boolean configOnly;

    @Option(names = "--type", paramLabel = "NAME=CLASS", description = "the Java class a .NET type name in the"
            + " configuration (a service or a validator type) stands for; repeatable")
    List<String> types;

    @Override
    public Integer call() {
        return validate(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /**
     * Whether {@code args} are {@code validate FILE...} alone: no option, no {@code @argument-file}, nothing Picocli
     * would read otherwise than as the files, so {@link #plain} can run it without building the command line (the
     * usual form, whose start matters most).
     */
    static boolean isPlain(String[] args) {
        if (args.length < 2 || !args[0].equals("validate")) {
            return false;
        }
        for (int i = 1; i < args.length; i++) {
            if (args[i].isEmpty() || args[i].startsWith("-") || args[i].startsWith("@")) {
                return false;
            }
        }
        return true;
    }

    /** Runs {@code validate FILE...} ({@link #isPlain}) as Picocli would, with the defaults of every option. */
    static int plain(String[] args, PrintWriter out, PrintWriter err) {
        ValidateCommand c = new ValidateCommand();
        c.files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            c.files.add(Path.of(args[i]));
        }
        c.format = Format.text;
        return c.validate(out, err);
    }

    private int validate(PrintWriter out, PrintWriter err) {
        ServiceModelConfigReader reader = ServiceModelConfigReader.create();
        ContractCatalog contracts = Contracts.discovered();
        List<Findings> all = new ArrayList<>();
        Optional<CredentialsFromConfiguration> machine = configOnly ? Optional.empty()
                : Optional.of(new CredentialsFromConfiguration(CertificateStores.fromEnvironment(),
                        LoadedConfig.types(types)));
        for (Path file : files) {
            all.add(Findings.of(reader.read(file), contracts, machine));
        }
        if (format == Format.json) {
            out.println(json(all));
        } else if (format == Format.sarif) {
            out.println(SarifReport.of(all, VersionProvider.version()));
        } else {
            all.forEach(f -> f.diagnostics().forEach(out::println));
        }
        long errors = sum(all, Severity.ERROR);
        long warnings = sum(all, Severity.WARNING);
        long unsupported = sum(all, Severity.UNSUPPORTED);
        long endpoints = all.stream().mapToLong(f -> f.endpoints().size()).sum();
        long run = all.stream().mapToLong(Findings::endpointsThatRun).sum();
        for (Findings f : all) {
            f.endpoints().stream().filter(e -> !e.runs()).forEach(e -> err.println("validate: " + e.location()
                    + ": " + e.title() + " cannot run: " + e.reasons().get(0).message()));
        }
        err.println("validate: " + files.size() + (files.size() == 1 ? " file, " : " files, ")
                + plural(errors, "error") + ", " + plural(warnings, "warning") + ", " + unsupported + " unsupported; "
                + run + " of " + plural(endpoints, "endpoint") + " run" + (run == 1 && endpoints == 1 ? "s" : ""));
        if (errors > 0) {
            return ExitCodes.INVALID;
        }
        return run == endpoints ? ExitCodes.OK : ExitCodes.NOT_RUNNABLE;
    }

    private static long sum(List<Findings> all, Severity severity) {
        return all.stream().mapToLong(f -> f.count(severity)).sum();
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** {@code {"diagnostics": [...], "endpoints": [...], "summary": {...}}}. */
    private static String json(List<Findings> all) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode diagnostics = root.putArray("diagnostics");
        ArrayNode endpoints = root.putArray("endpoints");
        for (Findings f : all) {
            f.diagnostics().forEach(d -> diagnostic(diagnostics.addObject(), d));
            for (Findings.EndpointVerdict e : f.endpoints()) {
                ObjectNode o = endpoints.addObject();
                o.put("file", e.location().source());
                o.put("line", e.location().line());
                o.put("column", e.location().column());
                o.put("kind", e.kind());
                if (e.kind().equals("service")) {
                    o.put("service", e.service());
                }
                o.put("endpoint", e.name());
                o.put("contract", e.contract());
                o.put("binding", e.binding());
                o.put("metadataExchange", e.metadataExchange());
                o.put("runs", e.runs());
                ArrayNode why = o.putArray("why");
                e.reasons().forEach(d -> diagnostic(why.addObject(), d));
            }
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("errors", sum(all, Severity.ERROR));
        summary.put("warnings", sum(all, Severity.WARNING));
        summary.put("unsupported", sum(all, Severity.UNSUPPORTED));
        summary.put("endpoints", all.stream().mapToLong(f -> f.endpoints().size()).sum());
        summary.put("endpointsThatRun", all.stream().mapToLong(Findings::endpointsThatRun).sum());
        return root.toPrettyString();
    }

    private static void diagnostic(ObjectNode o, Diagnostic d) {
        o.put("file", d.location().source());
        o.put("line", d.location().line());
        o.put("column", d.location().column());
        o.put("severity", d.severity().label());
        o.put("message", d.message());
        d.key().ifPresent(k -> o.put("wcfResource", k.name()));
    }
}
