package io.github.wcf4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the command in-process and captures what it prints (picocli's documented testing style). */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }

    static Path shared() {
        Path p = Path.of(System.getProperty("wcf4j.shared", "../../shared")).toAbsolutePath().normalize();
        return Files.isDirectory(p) ? p : Path.of("..", "..", "shared").toAbsolutePath().normalize();
    }

    static String seed(String name) {
        return shared().resolve("seed-configs").resolve(name).toString();
    }
}
