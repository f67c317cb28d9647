package io.github.wcf4j.peers;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Command-line plumbing shared by the peers' modes.
 *
 * <p>Protocol lines ({@code READY}, {@code RESULT}, {@code DONE}, {@code ERROR}) are the only output
 * on the process's real stdout: {@link #takeStdout()} redirects {@code System.out} to stderr so that
 * library dumps (Metro prints its HTTP dumps with {@code System.out.println}) cannot interleave.
 */
public final class Cli {

    private final String mode;
    private final Map<String, String> options = new HashMap<>();

    private Cli(String mode) {
        this.mode = mode;
    }

    /** Parses {@code mode --key value --flag ...}; {@code flags} lists the options without a value. */
    public static Cli parse(String[] args, Set<String> flags) {
        if (args.length == 0) {
            throw new IllegalArgumentException("missing mode");
        }
        Cli cli = new Cli(args[0]);
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
            String key = a.substring(2);
            int eq = key.indexOf('=');
            if (eq >= 0) {
                cli.options.put(key.substring(0, eq), key.substring(eq + 1));
            } else if (flags.contains(key)) {
                cli.options.put(key, "true");
            } else if (i + 1 < args.length) {
                cli.options.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException("option --" + key + " needs a value");
            }
        }
        return cli;
    }

    public String mode() {
        return mode;
    }

    public String get(String key, String def) {
        return options.getOrDefault(key, def);
    }

    public String require(String key) {
        String v = options.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + key);
        }
        return v;
    }

    public boolean flag(String key) {
        return Boolean.parseBoolean(options.getOrDefault(key, "false"));
    }

    /** Returns the real stdout for protocol lines and points {@code System.out} at stderr. */
    public static PrintStream takeStdout() {
        PrintStream real = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        return real;
    }

    /** What a peer or benchmarked process does with its command line; returns its exit code. */
    @FunctionalInterface
    public interface Program {
        int run(Cli cli, PrintStream out) throws Exception;
    }

    /**
     * The body of such a process's {@code main}: stdout taken for the protocol ({@link #takeStdout}), the command line
     * parsed with {@code flags}, {@code program} run, a failure printed on stderr and as one {@link #errorLine} on the
     * protocol; both streams flushed. Returns the exit code, for the caller to exit or halt with.
     */
    public static int main(String[] args, Set<String> flags, Program program) {
        PrintStream out = takeStdout();
        int rc;
        try {
            rc = program.run(parse(args, flags), out);
        } catch (Throwable t) {
            t.printStackTrace();
            out.println(errorLine(t));
            rc = 1;
        }
        out.flush();
        System.err.flush();
        return rc;
    }

    /** One calculator call: {@code Add 100 15.99}. */
    public record Call(String op, double n1, double n2) {
        @Override
        public String toString() {
            return op + " " + n1 + " " + n2;
        }
    }

    /** Parses {@code "Add 100 15.99;Subtract 145 76.54"}; operation names are case-insensitive. */
    public static List<Call> parseCalls(String spec) {
        List<Call> calls = new ArrayList<>();
        for (String part : spec.split(";")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            String[] t = p.split("\\s+");
            if (t.length != 3) {
                throw new IllegalArgumentException("bad call '" + p + "', expected '<Op> <n1> <n2>'");
            }
            String op = switch (t[0].toLowerCase(Locale.ROOT)) {
                case "add" -> "Add";
                case "subtract" -> "Subtract";
                case "multiply" -> "Multiply";
                case "divide" -> "Divide";
                default -> throw new IllegalArgumentException("unknown operation " + t[0]);
            };
            calls.add(new Call(op, Double.parseDouble(t[1]), Double.parseDouble(t[2])));
        }
        return calls;
    }

    /** The call list repeated {@code n} times (for latency measurements). */
    public static List<Call> repeat(List<Call> calls, int n) {
        List<Call> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.addAll(calls);
        }
        return all;
    }

    /** {@code ERROR <class>: <message>} on one line. */
    public static String errorLine(Throwable t) {
        String msg = String.valueOf(t.getMessage()).replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return "ERROR " + t.getClass().getName() + ": " + msg;
    }

    /**
     * Blocks until stdin reaches end-of-file or a line {@code STOP} arrives (a daemon thread reads
     * stdin so the caller's thread can be interrupted).
     */
    public static void awaitStop() throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.trim().equalsIgnoreCase("STOP")) {
                        break;
                    }
                }
            } catch (Exception e) {
                // stdin closed or broken: treat as STOP
            }
            stop.countDown();
        }, "stdin-stop-reader");
        reader.setDaemon(true);
        reader.start();
        stop.await();
    }

    public static double ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000.0;
    }
}
