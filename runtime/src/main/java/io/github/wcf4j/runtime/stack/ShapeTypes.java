package io.github.wcf4j.runtime.stack;

import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.DuplexChannel;
import io.github.wcf4j.runtime.channel.DuplexSessionChannel;
import io.github.wcf4j.runtime.channel.InputChannel;
import io.github.wcf4j.runtime.channel.InputSessionChannel;
import io.github.wcf4j.runtime.channel.OutputChannel;
import io.github.wcf4j.runtime.channel.OutputSessionChannel;
import io.github.wcf4j.runtime.channel.ReplyChannel;
import io.github.wcf4j.runtime.channel.ReplySessionChannel;
import io.github.wcf4j.runtime.channel.RequestChannel;
import io.github.wcf4j.runtime.channel.RequestSessionChannel;
import java.util.EnumMap;
import java.util.Map;

/** The Java channel interface of each {@link ChannelShape}. */
public final class ShapeTypes {
    private static final Map<ChannelShape, Class<? extends Channel>> TYPES = new EnumMap<>(ChannelShape.class);

    static {
        TYPES.put(ChannelShape.OUTPUT, OutputChannel.class);
        TYPES.put(ChannelShape.INPUT, InputChannel.class);
        TYPES.put(ChannelShape.REQUEST, RequestChannel.class);
        TYPES.put(ChannelShape.REPLY, ReplyChannel.class);
        TYPES.put(ChannelShape.DUPLEX, DuplexChannel.class);
        TYPES.put(ChannelShape.OUTPUT_SESSION, OutputSessionChannel.class);
        TYPES.put(ChannelShape.INPUT_SESSION, InputSessionChannel.class);
        TYPES.put(ChannelShape.REQUEST_SESSION, RequestSessionChannel.class);
        TYPES.put(ChannelShape.REPLY_SESSION, ReplySessionChannel.class);
        TYPES.put(ChannelShape.DUPLEX_SESSION, DuplexSessionChannel.class);
    }

    private ShapeTypes() {
    }

    public static Class<? extends Channel> of(ChannelShape shape) {
        return TYPES.get(shape);
    }
}
