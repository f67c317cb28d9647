package io.github.wcf4j.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One benchmarked system in its own JVM. Stdout carries only protocol lines ({@code READY}, {@code ROUND},
 * {@code HEAP}, {@code DONE}, {@code ERROR}); stderr goes to a log file kept for failures.
 */
final class SystemProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private SystemProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        Thread pump = new Thread(this::pump, name + "-stdout");
        pump.setDaemon(true);
        pump.start();
    }

    /** Starts {@code command}, its stderr appended to {@code log}. */
    static SystemProcess start(String name, List<String> command, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new SystemProcess(name, pb.start(), log);
    }

    private void pump() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the process ended
        }
        lines.add("EXIT");
    }

    /** The next line starting with {@code prefix}, within {@code timeout}; an {@code ERROR} or exit fails. */
    String await(String prefix, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IOException(name + " printed no " + prefix + " within " + timeout + " (log: " + log + ")");
            }
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length()).trim();
            }
            if (line.startsWith("ERROR") || line.equals("EXIT")) {
                throw new IOException(name + ": " + line + " (log: " + log + ")");
            }
        }
    }

    /** Lines starting with {@code prefix} until {@code DONE}. */
    List<String> collect(String prefix, Duration timeout) throws IOException, InterruptedException {
        List<String> out = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IOException(name + " did not finish within " + timeout + " (log: " + log + ")");
            }
            if (line.equals("DONE")) {
                return out;
            }
            if (line.startsWith(prefix)) {
                out.add(line.substring(prefix.length()).trim());
            } else if (line.startsWith("ERROR") || line.equals("EXIT")) {
                throw new IOException(name + ": " + line + " (log: " + log + ")");
            }
        }
    }

    void send(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
