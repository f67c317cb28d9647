package io.github.wcf4j.cli;

import io.github.wcf4j.samples.SeedConfigs;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command in-process and captures what it prints (picocli's documented testing style). */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** A seed configuration as it ships with wcf4j. */
    static String seed(String name) {
        return SeedConfigs.file(name).toString();
    }
}
