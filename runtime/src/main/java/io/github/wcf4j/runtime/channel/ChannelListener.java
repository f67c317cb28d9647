package io.github.wcf4j.runtime.channel;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Accepts service channels of one shape (WCF {@code IChannelListener<TChannel>}): a datagram listener yields one
 * channel that receives everything; a session listener yields one channel per session.
 *
 * @param <C> the channel type (see {@link ChannelType})
 */
public interface ChannelListener<C extends Channel> extends CommunicationObject {
    /** The type of the channels this listener accepts. */
    ChannelType<C> channelType();

    /** Where the listener listens. */
    URI uri();

    /** The next channel, or empty when the listener is closing. */
    CompletableFuture<Optional<C>> acceptChannel(Duration timeout);
}
