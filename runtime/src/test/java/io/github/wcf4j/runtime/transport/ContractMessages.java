package io.github.wcf4j.runtime.transport;

import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.runtime.channel.DuplexChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.ReceivePump;
import io.github.wcf4j.runtime.channel.ReplyChannel;
import io.github.wcf4j.runtime.channel.RequestContext;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The messages of the transport contract suite: an {@code Echo} carrying a text and its {@code EchoResponse}, correlated
 * by WS-Addressing ({@code RelatesTo} names the request's {@code MessageID}), and the services that answer them.
 */
final class ContractMessages {
    static final String NS = "urn:wcf4j:contract";
    static final String ECHO = NS + "/Echo";
    static final String ECHO_RESPONSE = NS + "/EchoResponse";
    private static final Duration FOREVER = Duration.ofDays(1);

    private ContractMessages() {
    }

    /** An {@code Echo} of {@code text} with a fresh {@code MessageID}. */
    static Message echo(String text) {
        Message m = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, ECHO,
                new XmlFragment("<Echo xmlns=\"" + NS + "\">" + text + "</Echo>"));
        m.headers().messageId("urn:uuid:" + UUID.randomUUID());
        return m;
    }

    /**
     * An {@code Echo} addressed to {@code to} whose envelope is exactly {@code size} bytes when the text encoder writes
     * it (the transport writes the same {@code To} again).
     */
    static Message echoOfEncodedSize(int size, EndpointAddress to) {
        Message probe = sized("", to);
        int overhead = TextMessageEncoder.defaultEncoder().write(probe).length;
        Message m = sized("x".repeat(size - overhead), to);
        int actual = TextMessageEncoder.defaultEncoder().write(m).length;
        if (actual != size) {
            throw new IllegalStateException("an envelope of " + size + " bytes was asked, " + actual + " written");
        }
        return m;
    }

    private static Message sized(String padding, EndpointAddress to) {
        Message m = Message.create(MessageVersion.SOAP12_WS_ADDRESSING10, ECHO,
                new XmlFragment("<Echo xmlns=\"" + NS + "\">" + padding + "</Echo>"));
        m.headers().messageId("urn:uuid:00000000-0000-0000-0000-000000000000");
        m.headers().to(to);
        return m;
    }

    /** The {@code EchoResponse} to {@code request}: its text, related to its {@code MessageID}. */
    static Message response(Message request) {
        Message r = Message.create(request.version(), ECHO_RESPONSE,
                new XmlFragment("<EchoResponse xmlns=\"" + NS + "\">" + text(request) + "</EchoResponse>"));
        r.headers().relatesTo(request.headers().messageId());
        return r;
    }

    /** The text an {@code Echo} or {@code EchoResponse} carries. */
    static String text(Message m) {
        return m.body().xml().replaceAll("<[^>]+>", "");
    }

    /** Answers every request the channel receives with {@code answer} of it, until the channel ends. */
    static void answerEvery(ReplyChannel service, Function<Message, Message> answer) {
        ReceivePump.run(() -> service.receiveRequest(FOREVER),
                (RequestContext ctx) -> ctx.reply(answer.apply(ctx.requestMessage()), FOREVER), e -> { });
    }

    /** Answers every request with its {@code EchoResponse}; the requests the channel received, as they arrive. */
    static List<Message> echoEveryRecording(ReplyChannel service) {
        List<Message> received = Collections.synchronizedList(new ArrayList<>());
        answerEvery(service, m -> {
            received.add(m);
            return response(m);
        });
        return received;
    }

    /** Sends back the {@code EchoResponse} of every message the channel receives, until its input ends. */
    static void echoEvery(DuplexChannel service) {
        ReceivePump.run(() -> service.receive(FOREVER), m -> service.send(response(m), FOREVER), e -> { });
    }
}
