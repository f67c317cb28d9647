package io.github.wcf4j.peers;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A peer client's calls, each on a worker thread and bounded by the test's timeout, so that a peer that hangs (Metro
 * never resending after a lost reply, say) becomes a {@link TimeoutException} instead of a stuck process. Prints
 * {@code RESULT op value} per call on the protocol stream and the time each took on stderr.
 */
public final class BoundedCalls {
    private final ExecutorService worker;
    private final long timeoutMs;

    /** {@code timeoutMs}: the bound of each call; 0 for none. */
    public BoundedCalls(String threadName, long timeoutMs) {
        this.timeoutMs = timeoutMs;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Makes {@code calls} in order on {@code calc}, printing each result to {@code out}. */
    public void run(ICalculator calc, List<Cli.Call> calls, PrintStream out) throws Exception {
        for (Cli.Call c : calls) {
            long s = System.nanoTime();
            double result = bounded(() -> invoke(calc, c), timeoutMs, "call " + c);
            System.err.printf("# %s took %.1f ms%n", c, Cli.ms(s));
            out.println("RESULT " + c.op() + " " + result);
        }
    }

    /** A closing step (close, terminate, shutdown), bounded by at least 30 s when calls are bounded. */
    public void closing(Callable<?> step, String what) throws Exception {
        bounded(step, timeoutMs > 0 ? Math.max(timeoutMs, 30_000) : 0, what);
    }

    private static double invoke(ICalculator calc, Cli.Call c) {
        return switch (c.op()) {
            case "Add" -> calc.add(c.n1(), c.n2());
            case "Subtract" -> calc.subtract(c.n1(), c.n2());
            case "Multiply" -> calc.multiply(c.n1(), c.n2());
            case "Divide" -> calc.divide(c.n1(), c.n2());
            default -> throw new IllegalArgumentException(c.op());
        };
    }

    private <T> T bounded(Callable<T> task, long boundMs, String what) throws Exception {
        Future<T> f = worker.submit(task);
        try {
            return boundMs > 0 ? f.get(boundMs, TimeUnit.MILLISECONDS) : f.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new TimeoutException(what + " did not complete within " + boundMs + " ms");
        }
    }
}
