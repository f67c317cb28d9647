package io.github.wcf4j.runtime.channel;

import io.github.wcf4j.binding.stack.ChannelShape;
import java.util.EnumMap;
import java.util.Map;

/**
 * A channel shape that knows its Java interface, as a key knows its value's type (Netty's {@code AttributeKey<T>}):
 * the model's {@link ChannelShape} (which cannot name runtime types) paired with the {@link Channel} interface of that
 * shape. A stack built for {@code ChannelType<C>} is a {@code ChannelFactory<C>} or {@code ChannelListener<C>}, and
 * every factory and listener hands out its channels through {@link #cast}, so no code needs an unchecked cast.
 *
 * <pre>{@code
 * ChannelFactory<RequestChannel> f = ChannelStackBuilder.standard()
 *     .buildFactory(binding, ChannelType.REQUEST, parameters);
 * }</pre>
 *
 * @param <C> the channel interface
 */
public final class ChannelType<C extends Channel> {
    public static final ChannelType<OutputChannel> OUTPUT = new ChannelType<>(ChannelShape.OUTPUT, OutputChannel.class);
    public static final ChannelType<InputChannel> INPUT = new ChannelType<>(ChannelShape.INPUT, InputChannel.class);
    public static final ChannelType<RequestChannel> REQUEST =
            new ChannelType<>(ChannelShape.REQUEST, RequestChannel.class);
    public static final ChannelType<ReplyChannel> REPLY = new ChannelType<>(ChannelShape.REPLY, ReplyChannel.class);
    public static final ChannelType<DuplexChannel> DUPLEX = new ChannelType<>(ChannelShape.DUPLEX, DuplexChannel.class);
    public static final ChannelType<OutputSessionChannel> OUTPUT_SESSION =
            new ChannelType<>(ChannelShape.OUTPUT_SESSION, OutputSessionChannel.class);
    public static final ChannelType<InputSessionChannel> INPUT_SESSION =
            new ChannelType<>(ChannelShape.INPUT_SESSION, InputSessionChannel.class);
    public static final ChannelType<RequestSessionChannel> REQUEST_SESSION =
            new ChannelType<>(ChannelShape.REQUEST_SESSION, RequestSessionChannel.class);
    public static final ChannelType<ReplySessionChannel> REPLY_SESSION =
            new ChannelType<>(ChannelShape.REPLY_SESSION, ReplySessionChannel.class);
    public static final ChannelType<DuplexSessionChannel> DUPLEX_SESSION =
            new ChannelType<>(ChannelShape.DUPLEX_SESSION, DuplexSessionChannel.class);

    private static final Map<ChannelShape, ChannelType<?>> BY_SHAPE = new EnumMap<>(ChannelShape.class);

    static {
        for (ChannelType<?> t : new ChannelType<?>[] {OUTPUT, INPUT, REQUEST, REPLY, DUPLEX, OUTPUT_SESSION,
                INPUT_SESSION, REQUEST_SESSION, REPLY_SESSION, DUPLEX_SESSION}) {
            BY_SHAPE.put(t.shape, t);
        }
    }

    private final ChannelShape shape;
    private final Class<C> channelInterface;

    private ChannelType(ChannelShape shape, Class<C> channelInterface) {
        this.shape = shape;
        this.channelInterface = channelInterface;
    }

    /** The type of {@code shape} (e.g. the shape a negotiated plan chose). */
    public static ChannelType<?> of(ChannelShape shape) {
        return BY_SHAPE.get(shape);
    }

    /** The model's shape. */
    public ChannelShape shape() {
        return shape;
    }

    /** The Java interface every channel of this type implements. */
    public Class<C> channelInterface() {
        return channelInterface;
    }

    /** {@code channel} as this type; a checked cast, failing when a layer built a channel of another shape. */
    public C cast(Channel channel) {
        return channelInterface.cast(channel);
    }

    /** The WCF interface name, e.g. {@code IDuplexSessionChannel}. */
    @Override
    public String toString() {
        return shape.wcfName();
    }
}
