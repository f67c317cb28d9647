package io.github.wcf4j.cli;

import io.github.wcf4j.config.Diagnostic;
import io.github.wcf4j.config.ServiceModelConfigReader;
import io.github.wcf4j.config.Severity;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.security.CertificateStores;
import io.github.wcf4j.runtime.security.CredentialsFromConfiguration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code wcf4j validate} checks, for tools that run it in-process (the Maven plugin): every file's findings, as
 * {@code validate} prints them, and how many endpoints run.
 */
public final class ConfigurationCheck {

    /**
     * The findings of one check.
     *
     * @param findings         every finding, {@code file:line:col: error|warning|unsupported: message}, in order
     * @param errors           how many are errors (WCF would not load or open the configuration)
     * @param unsupported      how many ask for what wcf4j cannot run
     * @param endpoints        the endpoints the files declare (configured and default)
     * @param endpointsThatRun of them, those a host or client would open
     */
    public record Result(List<Finding> findings, long errors, long unsupported, long endpoints,
            long endpointsThatRun) {
        public Result {
            findings = List.copyOf(findings);
        }
    }

    /** One finding: its kind and the line {@code validate} prints for it. */
    public record Finding(String severity, String line) {
    }

    private ConfigurationCheck() {
    }

    /**
     * Checks {@code files} as {@code wcf4j validate} does; with {@code onThisMachine}, also the certificates and
     * validator types the credentials name, as a host on this machine would apply them (not {@code --config-only}).
     */
    public static Result check(List<Path> files, boolean onThisMachine) {
        ServiceModelConfigReader reader = ServiceModelConfigReader.create();
        Optional<CredentialsFromConfiguration> machine = onThisMachine ? Optional.of(new CredentialsFromConfiguration(
                CertificateStores.fromEnvironment(), ServiceTypes.discovered())) : Optional.empty();
        List<Finding> findings = new ArrayList<>();
        long endpoints = 0;
        long run = 0;
        for (Path file : files) {
            Findings f = Findings.of(reader.read(file), Contracts.discovered(), machine);
            for (Diagnostic d : f.diagnostics()) {
                findings.add(new Finding(d.severity().label(), d.toString()));
            }
            endpoints += f.endpoints().size();
            run += f.endpointsThatRun();
        }
        return new Result(findings, count(findings, Severity.ERROR), count(findings, Severity.UNSUPPORTED), endpoints,
                run);
    }

    private static long count(List<Finding> findings, Severity severity) {
        return findings.stream().filter(f -> f.severity().equals(severity.label())).count();
    }
}
