package io.github.wcf4j.runtime.client;

import io.github.wcf4j.binding.BindingTimeouts;
import io.github.wcf4j.binding.encoding.AddressingVersion;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.DuplexChannel;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.channel.OutputChannel;
import io.github.wcf4j.runtime.channel.QuotaExceededException;
import io.github.wcf4j.runtime.channel.RequestChannel;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.UnreadableBody;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.time.Scheduler;
import java.util.UUID;

/**
 * One proxy's channel (WCF's {@code ServiceChannel}): opened on the first call, as WCF opens a proxy implicitly, and
 * shaped by what the binding built. Requests carry WCF's addressing: a {@code MessageID} and an anonymous
 * {@code ReplyTo} for two-way calls over request channels; over duplex channels the reply is correlated by
 * {@code RelatesTo}. Calls are bounded by the binding's {@code sendTimeout}. Thread-safe.
 */
final class ServiceChannel implements PayloadTransport {
    private final Channel channel;
    private final MessageVersion version;
    private final BindingTimeouts timeouts;
    private final Scheduler scheduler;
    private ReplyCorrelator correlator;
    private boolean opened;

    ServiceChannel(Channel channel, MessageVersion version, BindingTimeouts timeouts, Scheduler scheduler) {
        this.channel = channel;
        this.version = version;
        this.timeouts = timeouts;
        this.scheduler = scheduler;
    }

    Channel channel() {
        return channel;
    }

    private synchronized void ensureOpen() {
        if (opened) {
            return;
        }
        Futures.join(channel.open(timeouts.openTimeout()));
        if (channel instanceof DuplexChannel duplex) {
            correlator = new ReplyCorrelator(duplex, scheduler);
            correlator.start();
        }
        opened = true;
    }

    /** A reply whose body broke a reader quota fails the call with the quota's text. */
    private static Message readable(Message reply) {
        if (reply != null) {
            reply.properties().get(UnreadableBody.class).ifPresent(u -> {
                throw new QuotaExceededException(u.reason());
            });
        }
        return reply;
    }

    @Override
    public Message call(String action, XmlFragment body, boolean oneWay) {
        ensureOpen();
        Message request = Message.create(version, action, body);
        boolean addressing = version.addressing() != AddressingVersion.NONE;
        if (!oneWay && addressing) {
            request.headers().messageId("urn:uuid:" + UUID.randomUUID());
        }
        if (channel instanceof RequestChannel requests) {
            if (!oneWay && addressing) {
                request.headers().replyTo(EndpointAddress.of(version.addressing().anonymous()));
            }
            Message reply = Futures.join(requests.request(request, timeouts.sendTimeout()));
            return oneWay ? null : readable(reply);
        }
        if (channel instanceof DuplexChannel && !oneWay) {
            return readable(Futures.join(correlator.request(request, timeouts.sendTimeout())));
        }
        Futures.join(((OutputChannel) channel).send(request, timeouts.sendTimeout()));
        return null;
    }
}
