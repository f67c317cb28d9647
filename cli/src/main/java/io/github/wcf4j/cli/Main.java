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
        if (ValidateCommand.isPlain(args)) {
            // the usual validate, without Picocli's model of the command (a good part of a short command's start)
            try {
                return ValidateCommand.plain(args, out, err);
            } catch (Exception e) {
                return failed(e, err);
            } finally {
                out.flush();
                err.flush();
            }
        }
        CommandLine cmd = Wcf4jCommand.commandLine(args);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExitCodeExceptionMapper(ExitCodes::forException);
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> failed(e, commandLine.getErr()));
        return cmd.execute(args);
    }

    /** What a command that threw prints, and its exit code. */
    private static int failed(Exception e, PrintWriter err) {
        err.println("wcf4j: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        return ExitCodes.forException(e);
    }
}
