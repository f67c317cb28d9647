package io.github.wcf4j.benchmarks;

import java.io.IOException;

/**
 * A competing CPU load for the contention scenario: {@code threads} busy threads in a process of their own (the
 * machine's cores, so every benchmarked process competes for the CPU as on a shared host), running until stdin closes
 * or the process is ended:
 * <pre>
 * CpuHog THREADS
 * </pre>
 */
public final class CpuHog {
    private static volatile long sink;

    private CpuHog() {
    }

    public static void main(String[] args) throws IOException {
        int threads = Integer.parseInt(args[0]);
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(CpuHog::spin, "hog-" + i);
            t.setDaemon(true);
            t.start();
        }
        System.out.println("READY hog " + threads);
        System.out.flush();
        while (System.in.read() >= 0) {
            // runs until the orchestrator closes stdin
        }
    }

    private static void spin() {
        long x = 1;
        while (true) {
            for (int i = 0; i < 1_000_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
            sink = x;
        }
    }
}
