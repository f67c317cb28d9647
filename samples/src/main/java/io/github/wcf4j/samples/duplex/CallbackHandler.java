package io.github.wcf4j.samples.duplex;

import io.github.wcf4j.runtime.client.DotNetNumbers;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;

/**
 * The sample client's callback instance, ported from {@code client.cs}: it prints what the service reports, and lets
 * the client know when the final equation has arrived (where the C# client sleeps five seconds).
 */
public class CallbackHandler implements ICalculatorDuplexCallback {
    private final PrintStream out;
    private final CompletableFuture<String> equation = new CompletableFuture<>();

    public CallbackHandler(PrintStream out) {
        this.out = out;
    }

    @Override
    public void equalsResult(double result) {
        out.println("Equals(" + DotNetNumbers.format(result) + ")");
    }

    @Override
    public void equation(String eqn) {
        out.println("Equation(" + eqn + ")");
        equation.complete(eqn);
    }

    /** Completes with the first equation the service reports. */
    public CompletableFuture<String> equationReported() {
        return equation;
    }
}
