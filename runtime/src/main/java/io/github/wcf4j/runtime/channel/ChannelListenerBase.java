package io.github.wcf4j.runtime.channel;

/**
 * A channel listener of one {@link ChannelType} (WCF {@code ChannelListenerBase}): the type it was built for, and
 * {@link #typed} to hand out each channel it accepts as that type.
 *
 * @param <C> the channel type this listener accepts
 */
public abstract class ChannelListenerBase<C extends Channel> extends AbstractCommunicationObject
        implements ChannelListener<C> {
    private final ChannelType<C> channelType;

    protected ChannelListenerBase(ChannelType<C> channelType) {
        this.channelType = channelType;
    }

    @Override
    public ChannelType<C> channelType() {
        return channelType;
    }

    /** {@code channel} as this listener's type (a checked cast: the stack built this listener for that type). */
    protected C typed(Channel channel) {
        return channelType.cast(channel);
    }
}
