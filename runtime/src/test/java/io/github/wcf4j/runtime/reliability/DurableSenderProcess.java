package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.channel.OutputSessionChannel;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.SystemScheduler;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The client process of {@link DurableClientCrashTest}: a reliable one-way session over HTTP whose store is named by
 * the wcf4j setting (the {@code wcf4j.reliableSessionStore} system property), sending {@code mFROM..mTO} and printing
 * {@code sent mN} as each {@code send} completes; then {@code close}: closes and prints {@code closed}, else waits
 * (the test kills it).
 *
 * <p>Arguments: {@code SERVICE VIA VERSION FROM TO close|wait}.
 */
public final class DurableSenderProcess {
    private static final Duration T = Duration.ofSeconds(60);
    private static final PrintStream OUT = System.out;

    private DurableSenderProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        URI service = URI.create(args[0]);
        URI via = URI.create(args[1]);
        ReliableMessagingVersion version = ReliableMessagingVersion.valueOf(args[2]);
        int from = Integer.parseInt(args[3]);
        int to = Integer.parseInt(args[4]);
        SystemScheduler scheduler = new SystemScheduler();
        ChannelFactory<OutputSessionChannel> factory = ChannelStackBuilder.standard().buildFactory(
                DurableEchoServiceProcess.binding(version), ChannelType.OUTPUT_SESSION,
                new BindingParameters().put(Scheduler.class, scheduler));
        Futures.join(factory.open(T));
        OutputSessionChannel channel = factory.createChannel(EndpointAddress.of(service), via);
        Futures.join(channel.open(T));
        for (int i = from; i <= to; i++) {
            Futures.join(channel.send(RmHarness.app("m" + i), T));
            OUT.println("sent m" + i);
            OUT.flush();
        }
        if (args[5].equals("close")) {
            Futures.join(channel.close(T));
            Futures.join(factory.close(T));
            OUT.println("closed");
            OUT.flush();
            scheduler.close();
            return;
        }
        OUT.println("waiting");
        OUT.flush();
        new CountDownLatch(1).await();
    }
}
