package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.oneway.OneWayBindingElement;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.channel.ReceivePump;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.stack.ListenAddress;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.SystemScheduler;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The service process of {@link DurableDuplexServiceCrashTest}: the seed's calculator shape (reliableSession +
 * compositeDuplex + oneWay + text + HTTP) as a reliable duplex echo at {@code http://localhost:PORT/svc/}, its store
 * named by the wcf4j setting (the {@code wcf4j.reliableSessionStore} system property the test passes), never by code.
 * Each request is answered on the session's output (the client's offered sequence), RelatesTo it. It prints
 * {@code ready} once listening, {@code applied TEXT} before it answers a request, and {@code holding TEXT} for the
 * request it is told to hold unanswered (the test kills it then).
 *
 * <p>Arguments: {@code PORT VERSION [HOLD]}.
 */
public final class DurableDuplexServiceProcess {
    private static final Duration T = Duration.ofSeconds(30);
    private static final PrintStream OUT = System.out;

    private DurableDuplexServiceProcess() {
    }

    /** The seed's binding ({@code Binding1} of calculator-service.no-security.config) with the WS-RM version. */
    static CustomBinding binding(ReliableMessagingVersion v, CompositeDuplexBindingElement compositeDuplex) {
        return CustomBinding.of("Binding1", ReliableSessionBindingElement.builder().reliableMessagingVersion(v)
                .build(), compositeDuplex, OneWayBindingElement.defaults(), TextMessageEncodingBindingElement.of(
                        MessageVersion.SOAP12_WS_ADDRESSING10, StandardCharsets.UTF_8),
                HttpTransportBindingElement.defaults());
    }

    private static synchronized void say(String line) {
        OUT.println(line);
        OUT.flush();
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        ReliableMessagingVersion version = ReliableMessagingVersion.valueOf(args[1]);
        String hold = args.length > 2 ? args[2] : null;
        SystemScheduler scheduler = new SystemScheduler();
        ChannelListener<DuplexSessionChannel> listener = ChannelStackBuilder.standard().buildListener(
                binding(version, CompositeDuplexBindingElement.defaults()), ChannelType.DUPLEX_SESSION,
                new BindingParameters().put(Scheduler.class, scheduler).put(ListenAddress.class,
                        ListenAddress.explicit(URI.create("http://localhost:" + port + "/svc/"))));
        Futures.join(listener.open(T));
        ReceivePump.run(() -> listener.acceptChannel(Duration.ofDays(1)), (DuplexSessionChannel c) -> {
            c.open(T);
            ReceivePump.run(() -> c.receive(Duration.ofDays(1)), (Message m) -> {
                String text = RmHarness.text(m);
                if (text.equals(hold)) {
                    say("holding " + text);
                    return;
                }
                say("applied " + text);
                Message r = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, "urn:test/EchoStringResponse",
                        new XmlFragment("<echoStringResponse xmlns=\"urn:test\"><Text>" + text.toUpperCase()
                                + "</Text></echoStringResponse>"));
                r.headers().relatesTo(m.headers().messageId());
                c.send(r, T);
            }, e -> {
                if (e == null) {
                    // the client ended its sequence: this end closes its own
                    c.close(T).whenComplete((v, x) -> say("closed" + (x == null ? "" : " " + x)));
                }
            });
        }, e -> { });
        say("ready");
        new CountDownLatch(1).await();
    }
}
