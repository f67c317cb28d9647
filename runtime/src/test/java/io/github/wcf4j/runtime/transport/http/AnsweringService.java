package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.channel.ReceivePump;
import io.github.wcf4j.runtime.channel.ReplyChannel;
import io.github.wcf4j.runtime.channel.RequestContext;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.stack.ListenAddress;
import java.time.Duration;
import java.util.function.Function;

/** An opened reply listener that answers every request with a function of it, for HTTP tests over loopback. */
final class AnsweringService {
    private AnsweringService() {
    }

    /**
     * Builds and opens a listener of {@code binding} at {@code at} ({@code p} gives the other parameters) and answers
     * every request with {@code answer} (a {@code null} answer is an empty 202); the caller aborts the listener.
     */
    static ChannelListener<ReplyChannel> open(ChannelStackBuilder builder, Binding binding, BindingParameters p,
            ListenAddress at, Function<Message, Message> answer, Duration timeout) {
        ChannelListener<ReplyChannel> l = builder.buildListener(binding, ChannelType.REPLY,
                p.put(ListenAddress.class, at));
        Futures.join(l.open(timeout));
        ReplyChannel c = Futures.join(l.acceptChannel(timeout)).orElseThrow();
        Futures.join(c.open(timeout));
        ReceivePump.run(() -> c.receiveRequest(Duration.ofDays(1)),
                (RequestContext ctx) -> ctx.reply(answer.apply(ctx.requestMessage()), timeout), e -> { });
        return l;
    }
}
