package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.channel.ReceivePump;
import io.github.wcf4j.runtime.channel.ReplySessionChannel;
import io.github.wcf4j.runtime.channel.RequestContext;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.stack.ListenAddress;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.SystemScheduler;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The service process of {@link DurableServiceCrashTest}: a reliable request/reply echo over HTTP at
 * {@code http://localhost:PORT/svc/}, its store named by the wcf4j setting (the {@code wcf4j.reliableSessionStore}
 * system property the test passes), never by code. It prints {@code ready} once listening, {@code applied TEXT}
 * before it answers a request, and {@code holding TEXT} for the request it is told to hold unanswered (the test kills
 * it then).
 *
 * <p>Arguments: {@code PORT VERSION [HOLD]}; {@code HOLD} is a request's text, or {@code TEXT@FILE} (see
 * {@link #holds}).
 */
public final class DurableEchoServiceProcess {
    private static final Duration T = Duration.ofSeconds(30);
    private static final PrintStream OUT = System.out;

    private DurableEchoServiceProcess() {
    }

    static CustomBinding binding(ReliableMessagingVersion v) {
        return CustomBinding.of("rm", ReliableSessionBindingElement.builder().reliableMessagingVersion(v).build(),
                TextMessageEncodingBindingElement.defaults(), HttpTransportBindingElement.defaults());
    }

    private static synchronized void say(String line) {
        OUT.println(line);
        OUT.flush();
    }

    /**
     * Whether to hold request {@code text}: {@code hold} is its text, or {@code TEXT@FILE} to hold it only in the one
     * process of a farm that creates {@code FILE} first (the others apply it).
     */
    private static boolean holds(String hold, String text) {
        if (hold == null) {
            return false;
        }
        int at = hold.indexOf('@');
        if (at < 0) {
            return text.equals(hold);
        }
        if (!text.equals(hold.substring(0, at))) {
            return false;
        }
        try {
            java.nio.file.Files.createFile(java.nio.file.Path.of(hold.substring(at + 1)));
            return true;
        } catch (java.io.IOException taken) {
            return false;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        ReliableMessagingVersion version = ReliableMessagingVersion.valueOf(args[1]);
        String hold = args.length > 2 ? args[2] : null;
        SystemScheduler scheduler = new SystemScheduler();
        ChannelListener<ReplySessionChannel> listener = ChannelStackBuilder.standard().buildListener(binding(version),
                ChannelType.REPLY_SESSION, new BindingParameters().put(Scheduler.class, scheduler)
                        .put(ListenAddress.class, ListenAddress.explicit(URI.create("http://localhost:" + port
                                + "/svc/"))));
        Futures.join(listener.open(T));
        ReceivePump.run(() -> listener.acceptChannel(Duration.ofDays(1)), (ReplySessionChannel c) -> {
            c.open(T);
            ReceivePump.run(() -> c.receiveRequest(Duration.ofDays(1)), (RequestContext ctx) -> {
                String text = RmHarness.text(ctx.requestMessage());
                if (holds(hold, text)) {
                    say("holding " + text);
                    return;
                }
                say("applied " + text);
                Message r = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, "urn:test/EchoStringResponse",
                        new XmlFragment("<echoStringResponse xmlns=\"urn:test\"><Text>" + text.toUpperCase()
                                + "</Text></echoStringResponse>"));
                r.headers().relatesTo(ctx.requestMessage().headers().messageId());
                ctx.reply(r, T);
            }, e -> { });
        }, e -> { });
        say("ready");
        new CountDownLatch(1).await();
    }
}
