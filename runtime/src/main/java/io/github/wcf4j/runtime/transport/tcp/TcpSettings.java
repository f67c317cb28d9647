package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingTimeouts;
import io.github.wcf4j.binding.transport.TcpTransportBindingElement;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.transport.http.NettyResources;
import java.time.Duration;
import java.util.Optional;

/**
 * What the channels of one TCP factory or listener share: the element, the encoding, the scheduler (timers; virtual in
 * tests), the event loops, the binding's timeouts, and the stream upgrade a layer above contributed, if any.
 */
record TcpSettings(TcpTransportBindingElement element, FramingEncoding encoding, Scheduler scheduler,
        NettyResources resources, BindingTimeouts timeouts, Optional<StreamUpgrade> upgrade) {

    static TcpSettings of(TcpTransportBindingElement element, BindingParameters p) {
        return new TcpSettings(element, FramingEncoding.from(p), p.require(Scheduler.class),
                p.find(NettyResources.class).orElseGet(NettyResources::shared),
                p.find(Binding.class).map(Binding::timeouts).orElseGet(BindingTimeouts::defaults),
                p.find(StreamUpgrade.class));
    }

    /** The largest SizedEnvelope read: {@code maxBufferSize}, which buffered transfer keeps equal to the message limit. */
    int maxEnvelopeSize() {
        return (int) Math.min(element.maxBufferSize(), element.maxReceivedMessageSize());
    }
}
