package io.github.wcf4j.runtime.channel;

/**
 * A channel factory of one {@link ChannelType} (WCF {@code ChannelFactoryBase}): the type it was built for, and
 * {@link #typed} to hand out each channel it creates as that type.
 *
 * @param <C> the channel type this factory creates
 */
public abstract class ChannelFactoryBase<C extends Channel> extends AbstractCommunicationObject
        implements ChannelFactory<C> {
    private final ChannelType<C> channelType;

    protected ChannelFactoryBase(ChannelType<C> channelType) {
        this.channelType = channelType;
    }

    @Override
    public ChannelType<C> channelType() {
        return channelType;
    }

    /** {@code channel} as this factory's type (a checked cast: the stack built this factory for that type). */
    protected C typed(Channel channel) {
        return channelType.cast(channel);
    }
}
