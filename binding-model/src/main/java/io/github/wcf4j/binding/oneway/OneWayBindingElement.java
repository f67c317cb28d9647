package io.github.wcf4j.binding.oneway;

import static io.github.wcf4j.binding.stack.ChannelShape.DUPLEX;
import static io.github.wcf4j.binding.stack.ChannelShape.DUPLEX_SESSION;
import static io.github.wcf4j.binding.stack.ChannelShape.INPUT;
import static io.github.wcf4j.binding.stack.ChannelShape.OUTPUT;
import static io.github.wcf4j.binding.stack.ChannelShape.REPLY;
import static io.github.wcf4j.binding.stack.ChannelShape.REQUEST;

import io.github.wcf4j.binding.ArgumentChecks;
import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.stack.ShapeRule;

/**
 * Turns request/reply or duplex channels into one-way datagram channels (WCF {@code OneWayBindingElement}, config
 * {@code <oneWay>}): each message is sent as an HTTP request whose response is an empty acknowledgement.
 *
 * <pre>
 * client  IOutputChannel ← IDuplexChannel | IDuplexSessionChannel | IRequestChannel
 * service IInputChannel  ← IDuplexChannel | IDuplexSessionChannel | IReplyChannel
 * </pre>
 *
 * @param maxAcceptedChannels {@code 10}, {@code >= 1}
 * @param packetRoutable      {@code false}; when true the {@code PacketRoutable} header is added
 * @param channelPoolSettings {@link ChannelPoolSettings#defaults()}
 */
public record OneWayBindingElement(int maxAcceptedChannels, boolean packetRoutable,
        ChannelPoolSettings channelPoolSettings) implements BindingElement {

    /** {@code 10}. */
    public static final int DEFAULT_MAX_ACCEPTED_CHANNELS = 10;

    private static final ShapeRule SHAPES = ShapeRule.layer()
            .factory(OUTPUT, DUPLEX, DUPLEX_SESSION, REQUEST)
            .listener(INPUT, DUPLEX, DUPLEX_SESSION, REPLY)
            .build();

    public OneWayBindingElement {
        ArgumentChecks.positive(maxAcceptedChannels, "maxAcceptedChannels");
        ArgumentChecks.notNull(channelPoolSettings, "channelPoolSettings");
    }

    public static OneWayBindingElement defaults() {
        return new OneWayBindingElement(DEFAULT_MAX_ACCEPTED_CHANNELS, false, ChannelPoolSettings.defaults());
    }

    /** {@code <oneWay>}: the element's name in configuration (the one source of it). */
    public static final String CONFIG_NAME = "oneWay";

    @Override
    public String configName() {
        return CONFIG_NAME;
    }

    @Override
    public ShapeRule shapeRule() {
        return SHAPES;
    }
}
