package io.github.wcf4j.runtime.channel;

import java.util.Optional;

/**
 * A channel of some {@link ChannelType type} (WCF {@code IChannel}). Every operation is asynchronous: it returns a
 * future and never blocks the caller, so one thread serves many channels.
 */
public interface Channel extends CommunicationObject {
    /**
     * A capability of this channel or, falling through, of the layers below it (WCF {@code GetProperty<T>}), e.g. the
     * {@link Session}.
     */
    default <T> Optional<T> property(Class<T> type) {
        return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
    }
}
