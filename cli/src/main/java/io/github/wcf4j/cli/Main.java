package io.github.wcf4j.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of the {@code wcf4j} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command with the given streams and returns its exit code (tests call this). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cmd = Wcf4jCommand.commandLine(args);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExitCodeExceptionMapper(ExitCodes::forException);
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("wcf4j: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return ExitCodes.forException(e);
        });
        return cmd.execute(args);
    }
}
