package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingTimeouts;
import io.github.wcf4j.binding.transport.TcpTransportBindingElement;
import io.github.wcf4j.binding.transport.TransferMode;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.transport.HeldBytes;
import io.github.wcf4j.runtime.transport.http.NettyResources;
import java.time.Duration;
import java.util.Optional;

/**
 * What the channels of one TCP factory or listener share: the element, the encoding, the scheduler (timers; virtual in
 * tests), the event loops, the binding's timeouts, the stream upgrade a layer above contributed, if any, and the
 * count of the bytes its streamed messages hold ({@link HeldBytes}, from the binding parameters when given).
 */
record TcpSettings(TcpTransportBindingElement element, FramingEncoding encoding, Scheduler scheduler,
        NettyResources resources, BindingTimeouts timeouts, Optional<StreamUpgrade> upgrade, HeldBytes held) {

    static TcpSettings of(TcpTransportBindingElement element, BindingParameters p) {
        FramingEncoding encoding = FramingEncoding.from(p);
        return new TcpSettings(element, element.transferMode() == TransferMode.Buffered ? encoding
                : encoding.sessionless(), p.require(Scheduler.class),
                p.find(NettyResources.class).orElseGet(NettyResources::shared),
                p.find(Binding.class).map(Binding::timeouts).orElseGet(BindingTimeouts::defaults),
                p.find(StreamUpgrade.class), p.find(HeldBytes.class).orElseGet(HeldBytes::new));
    }

    /**
     * The largest envelope read: buffered, a SizedEnvelope of {@code maxBufferSize}, which buffered transfer keeps
     * equal to the message limit; streamed, an UnsizedEnvelope's chunks together up to
     * {@code maxReceivedMessageSize} ({@code maxBufferSize} bounds only the headers WCF buffers).
     */
    int maxEnvelopeSize() {
        return streamed() ? (int) Math.min(Integer.MAX_VALUE, element.maxReceivedMessageSize())
                : (int) Math.min(element.maxBufferSize(), element.maxReceivedMessageSize());
    }

    /** Streamed transfer (any but Buffered): WCF's singleton-unsized framing mode, request/reply. */
    boolean streamed() {
        return element.transferMode() != TransferMode.Buffered;
    }

    /** The data chunk of an UnsizedEnvelope written: one write of WCF's buffered connection stream. */
    int chunkSize() {
        return Math.max(1, element.connectionBufferSize());
    }

    /** The framing mode of this transfer mode. */
    int mode() {
        return streamed() ? FramingRecord.MODE_SINGLETON_UNSIZED : FramingRecord.MODE_DUPLEX;
    }
}
