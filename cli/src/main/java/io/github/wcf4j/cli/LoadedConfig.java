package io.github.wcf4j.cli;

import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.config.ConfigReadResult;
import io.github.wcf4j.config.Diagnostic;
import io.github.wcf4j.config.ServiceModelConfigReader;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * A configuration file loaded for running (host, call, demo): read, validated as {@code validate} does, diagnostics
 * printed; errors in the file stop the command with exit code 1, as WCF does not load such a file; build-time errors,
 * warnings and what wcf4j cannot run are shown and the command goes on: the host or factory that needs the endpoint
 * refuses to open, with the same text.
 */
final class LoadedConfig {
    private LoadedConfig() {
    }

    static ServiceModelConfiguration load(Path file, PrintWriter err) {
        ConfigReadResult read = ServiceModelConfigReader.create().read(file);
        List<Diagnostic> diagnostics = Findings.of(read, Contracts.discovered()).diagnostics();
        diagnostics.forEach(err::println);
        // as WCF: errors in the file itself stop it loading; a build-time error stops only the host or factory that
        // builds that endpoint (each refuses to open with WCF's text), and so does what wcf4j cannot run
        if (read.diagnostics().stream().anyMatch(Diagnostic::isError) || read.configuration().isEmpty()) {
            throw new InvalidInputException(file + " has configuration errors (listed above)");
        }
        return read.configuration().get();
    }

    /** The command's input is wrong (exit code 1). */
    static final class InvalidInputException extends RuntimeException {
        InvalidInputException(String message) {
            super(message);
        }
    }

    /** The discovered type registrations plus {@code NAME=CLASS} mappings from the command line. */
    static ServiceTypes types(List<String> mappings) {
        ServiceTypes types = ServiceTypes.discovered();
        if (mappings != null) {
            for (String m : mappings) {
                int eq = m.indexOf('=');
                if (eq <= 0 || eq == m.length() - 1) {
                    throw new ParameterException(new CommandLine(new Object()),
                            "--type takes NAME=CLASS, e.g. Microsoft.ServiceModel.Samples.CalculatorService="
                                    + "io.github.wcf4j.samples.CalculatorService; got '" + m + "'");
                }
                String className = m.substring(eq + 1);
                try {
                    types.map(m.substring(0, eq), Class.forName(className));
                } catch (ClassNotFoundException e) {
                    throw new InvalidInputException("--type " + m + ": the class " + className
                            + " is not on the class path");
                }
            }
        }
        return types;
    }
}
