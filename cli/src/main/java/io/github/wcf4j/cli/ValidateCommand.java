package io.github.wcf4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wcf4j.binding.stack.ContractCatalog;
import io.github.wcf4j.config.ConfigReadResult;
import io.github.wcf4j.config.ConfigValidator;
import io.github.wcf4j.config.Diagnostic;
import io.github.wcf4j.config.ServiceModelConfigReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code wcf4j validate FILE...}: every diagnostic WCF would give when loading the configuration and opening its hosts
 * and channel factories (channel shapes negotiated per endpoint, no socket opened), one per line as
 * {@code file:line:col: error|warning: message}. Exit 0 without errors, 1 with errors, 2 on usage errors.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate configuration files as WCF would (load time and channel-stack build time).")
final class ValidateCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "app.config / web.config files")
    List<Path> files;

    @Option(names = "--format", defaultValue = "text", description = "text (default) or json")
    Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ServiceModelConfigReader reader = ServiceModelConfigReader.create();
        ContractCatalog contracts = Contracts.discovered();
        List<Diagnostic> all = new ArrayList<>();
        for (Path file : files) {
            all.addAll(diagnose(reader.read(file), contracts));
        }
        if (format == Format.json) {
            out.println(json(all));
        } else {
            all.forEach(out::println);
        }
        long errors = all.stream().filter(Diagnostic::isError).count();
        spec.commandLine().getErr().println("validate: " + files.size() + (files.size() == 1 ? " file, " : " files, ")
                + errors + (errors == 1 ? " error, " : " errors, ") + (all.size() - errors)
                + (all.size() - errors == 1 ? " warning" : " warnings"));
        return errors == 0 ? ExitCodes.OK : ExitCodes.INVALID;
    }

    /** What reading found plus what validation found, in document order. */
    static List<Diagnostic> diagnose(ConfigReadResult read, ContractCatalog contracts) {
        List<Diagnostic> all = new ArrayList<>(read.diagnostics());
        all.addAll(ConfigValidator.validate(read, contracts));
        all.sort(Comparator.comparingInt((Diagnostic d) -> d.location().line())
                .thenComparingInt(d -> d.location().column()));
        return all;
    }

    private static String json(List<Diagnostic> diagnostics) {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode array = mapper.createArrayNode();
        for (Diagnostic d : diagnostics) {
            ObjectNode o = array.addObject();
            o.put("file", d.location().source());
            o.put("line", d.location().line());
            o.put("column", d.location().column());
            o.put("severity", d.severity().label());
            o.put("message", d.message());
            d.key().ifPresent(k -> o.put("wcfResource", k.name()));
        }
        return array.toPrettyString();
    }
}
