package io.github.wcf4j.samples.duplex;

import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.samples.ClientArgs;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The sample's client, ported from {@code client.cs}: it reads its endpoint from an unchanged client configuration,
 * supplies its {@link CallbackHandler} (the C# {@code new InstanceContext(new CallbackHandler())}), makes the five
 * one-way calls, waits for the final equation to come back and closes its session.
 */
public final class CalculatorDuplexClient {
    /** How long the client waits for the final callback (the C# client sleeps five seconds). */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private CalculatorDuplexClient() {
    }

    public static void main(String[] args) {
        run(ClientArgs.endpoint("CalculatorDuplexClient", args), b -> { }, System.out);
        System.out.println("Done!");
    }

    /** Makes the sample's calls over {@code endpoint}, printing the callbacks; {@code setup} adds binding parameters. */
    public static void run(ClientEndpoint endpoint, Consumer<ClientFactory.Builder<ICalculatorDuplex>> setup,
            PrintStream out) {
        CallbackHandler handler = new CallbackHandler(out);
        ClientFactory.Builder<ICalculatorDuplex> b = ClientFactory.builder(endpoint, ICalculatorDuplex.class)
                .callback(handler);
        setup.accept(b);
        try (ClientFactory<ICalculatorDuplex> factory = b.build()) {
            ICalculatorDuplex client = factory.createChannel();
            client.addTo(100.00D);
            client.subtractFrom(50.00D);
            client.multiplyBy(17.65D);
            client.divideBy(2.00D);
            client.clear();
            handler.equationReported().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            factory.close(client);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the service did not report its equation within " + PATIENCE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
