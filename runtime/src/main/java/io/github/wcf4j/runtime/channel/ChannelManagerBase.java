package io.github.wcf4j.runtime.channel;

/**
 * What a channel factory and a channel listener share (WCF {@code ChannelManagerBase}): the {@link ChannelType} it was
 * built for, and {@link #typed} to hand out each channel it creates or accepts as that type.
 *
 * @param <C> the channel type this factory creates or this listener accepts
 */
public abstract class ChannelManagerBase<C extends Channel> extends AbstractCommunicationObject {
    private final ChannelType<C> channelType;

    protected ChannelManagerBase(ChannelType<C> channelType) {
        this.channelType = channelType;
    }

    /** The type of the channels this factory creates or this listener accepts. */
    public ChannelType<C> channelType() {
        return channelType;
    }

    /** {@code channel} as this type (a checked cast: the stack built this factory or listener for that type). */
    protected C typed(Channel channel) {
        return channelType.cast(channel);
    }
}
