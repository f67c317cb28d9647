package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.SystemScheduler;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The client process of {@link DurableDuplexClientCrashTest}: the seed's client shape (reliableSession +
 * compositeDuplex with a clientBaseAddress + oneWay + text + HTTP) whose store is named by the wcf4j setting, running
 * a script of comma-separated steps: {@code send:X} sends X and prints {@code sent X} once its {@code send} completed,
 * {@code recv} receives one message and prints {@code got X}, {@code close} closes and prints {@code closed},
 * {@code wait} prints {@code waiting} and waits (the test kills it).
 *
 * <p>Arguments: {@code SERVICE VIA VERSION CLIENT_BASE SCRIPT}.
 */
public final class DurableDuplexClientProcess {
    private static final Duration T = Duration.ofSeconds(60);
    private static final PrintStream OUT = System.out;

    private DurableDuplexClientProcess() {
    }

    private static void say(String line) {
        OUT.println(line);
        OUT.flush();
    }

    public static void main(String[] args) throws InterruptedException {
        URI service = URI.create(args[0]);
        URI via = URI.create(args[1]);
        ReliableMessagingVersion version = ReliableMessagingVersion.valueOf(args[2]);
        SystemScheduler scheduler = new SystemScheduler();
        ChannelFactory<DuplexSessionChannel> factory = ChannelStackBuilder.standard().buildFactory(
                DurableDuplexServiceProcess.binding(version, CompositeDuplexBindingElement.at(URI.create(args[3]))),
                ChannelType.DUPLEX_SESSION, new BindingParameters().put(Scheduler.class, scheduler));
        Futures.join(factory.open(T));
        DuplexSessionChannel channel = factory.createChannel(EndpointAddress.of(service), via);
        Futures.join(channel.open(T));
        say("opened " + channel.session().id());
        for (String step : args[4].split(",")) {
            if (step.startsWith("send:")) {
                Futures.join(channel.send(RmHarness.app(step.substring(5)), T));
                say("sent " + step.substring(5));
            } else if (step.equals("recv")) {
                say("got " + RmHarness.text(Futures.join(channel.receive(T)).orElseThrow()));
            } else if (step.equals("close")) {
                Futures.join(channel.close(T));
                Futures.join(factory.close(T));
                say("closed");
                scheduler.close();
                return;
            } else {
                say("waiting");
                new CountDownLatch(1).await();
            }
        }
    }
}
