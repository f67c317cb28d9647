package io.github.wcf4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code wcf4j demo}: validates and describes the seed calculator configurations ({@code ../shared/seed-configs}).
 * Hosting and calling the calculator over the reliable session join it as the runtime lands.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Validate and describe the seed calculator configurations.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--seed-dir", paramLabel = "DIR",
            description = "the seed configurations (default: shared/seed-configs beside the wcf4j checkout)")
    Path seedDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = SeedConfigs.locate(seedDir);
        int worst = ExitCodes.OK;
        for (String name : new String[] {"calculator-service.no-security.config",
            "calculator-client.no-security.config"}) {
            Path config = dir.resolve(name);
            out.println("== " + name);
            int validate = spec.commandLine().getParent().execute("validate", config.toString());
            int describe = spec.commandLine().getParent().execute("describe", config.toString());
            worst = Math.max(worst, Math.max(validate, describe));
        }
        return worst;
    }

    /** Where the seed configurations are. */
    static final class SeedConfigs {
        private SeedConfigs() {
        }

        static Path locate(Path given) {
            if (given != null) {
                return given;
            }
            String home = System.getenv("WCF4J_HOME");
            Path base = home != null ? Path.of(home) : Path.of(".").toAbsolutePath().normalize();
            Path dir = base.resolve("../shared/seed-configs").normalize();
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException("the seed configurations were not found at " + dir
                        + "; pass --seed-dir DIR");
            }
            return dir;
        }
    }
}
