package io.github.wcf4j.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The durable scenario's HAProxy in front of a farm's hosts, as {@code PostgresFarmTest}'s: HTTP mode, every request
 * balanced round-robin with no cookie or stick table, {@code retries 3}, {@code option redispatch}; unlike the test,
 * keep-alive on both sides (HAProxy's default, connections to the hosts reused), as a production farm runs. Run in the
 * foreground as a child process of this run ({@code -db}) and ended by {@link #close}.
 */
final class BenchHaproxy implements AutoCloseable {
    private final Process process;

    private BenchHaproxy(Process process) {
        this.process = process;
    }

    /** Whether {@code haproxy} can be run here. */
    static boolean installed() {
        try {
            Process p = new ProcessBuilder("haproxy", "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** HAProxy on 127.0.0.1:{@code front} over {@code backs}, once it accepts connections. */
    static BenchHaproxy start(int front, int[] backs, Path dir, Path log) throws IOException, InterruptedException {
        StringBuilder cfg = new StringBuilder("""
                global
                  maxconn 4096
                defaults
                  mode http
                  timeout connect 2s
                  timeout client 60s
                  timeout server 60s
                  retries 3
                  option redispatch
                frontend farm
                  bind 127.0.0.1:%d
                  default_backend hosts
                backend hosts
                  balance roundrobin
                """.formatted(front));
        for (int i = 0; i < backs.length; i++) {
            cfg.append("  server h").append(i + 1).append(" 127.0.0.1:").append(backs[i]).append('\n');
        }
        Path file = dir.resolve("haproxy-" + front + ".cfg");
        Files.writeString(file, cfg);
        Process p = new ProcessBuilder("haproxy", "-db", "-f", file.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        BenchHaproxy h = new BenchHaproxy(p);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", front), 1000);
                return h;
            } catch (IOException e) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    h.close();
                    throw new IOException("HAProxy did not listen on " + front + " (log: " + log + ")");
                }
                Thread.sleep(50);
            }
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
