package io.github.wcf4j.samples;

import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.client.DotNetNumbers;
import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * Microsoft's calculator client, ported: it reads its endpoint from an unchanged client configuration and makes the
 * sample's four calls, printing them as the .NET client does ({@code Add(100,15.99) = 115.99}).
 */
public final class CalculatorClient {
    private CalculatorClient() {
    }

    public static void main(String[] args) {
        run(ClientArgs.endpoint("CalculatorClient", args), b -> { }, System.out);
    }

    /** Makes the sample's calls over {@code endpoint}; {@code setup} adds binding parameters. */
    public static void run(ClientEndpoint endpoint, Consumer<ClientFactory.Builder<ICalculator>> setup,
            PrintStream out) {
        ClientFactory.Builder<ICalculator> b = ClientFactory.builder(endpoint, ICalculator.class);
        setup.accept(b);
        try (ClientFactory<ICalculator> factory = b.build()) {
            ICalculator calc = factory.createChannel();
            print(out, "Add", 100, 15.99, calc.add(100, 15.99));
            print(out, "Subtract", 145, 76.54, calc.subtract(145, 76.54));
            print(out, "Multiply", 9, 81.25, calc.multiply(9, 81.25));
            print(out, "Divide", 22, 7, calc.divide(22, 7));
            factory.close(calc);
        }
    }

    private static void print(PrintStream out, String op, double n1, double n2, double result) {
        out.println(op + "(" + DotNetNumbers.format(n1) + "," + DotNetNumbers.format(n2) + ") = "
                + DotNetNumbers.format(result));
    }
}
