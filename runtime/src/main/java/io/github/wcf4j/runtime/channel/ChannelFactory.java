package io.github.wcf4j.runtime.channel;

import java.net.URI;

/**
 * Creates client channels of one shape (WCF {@code IChannelFactory<TChannel>}). A factory is opened before use; closing
 * it closes the channels it created.
 *
 * @param <C> the channel type (see {@link ChannelType})
 */
public interface ChannelFactory<C extends Channel> extends CommunicationObject {
    /** The type of the channels this factory creates. */
    ChannelType<C> channelType();

    /** A new, unopened channel to {@code to}, physically sent to {@code via}. */
    C createChannel(EndpointAddress to, URI via);

    default C createChannel(EndpointAddress to) {
        return createChannel(to, to.uri());
    }
}
