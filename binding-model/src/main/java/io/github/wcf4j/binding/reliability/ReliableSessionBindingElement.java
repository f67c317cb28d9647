package io.github.wcf4j.binding.reliability;

import static io.github.wcf4j.binding.stack.ChannelShape.DUPLEX;
import static io.github.wcf4j.binding.stack.ChannelShape.DUPLEX_SESSION;
import static io.github.wcf4j.binding.stack.ChannelShape.INPUT_SESSION;
import static io.github.wcf4j.binding.stack.ChannelShape.OUTPUT_SESSION;
import static io.github.wcf4j.binding.stack.ChannelShape.REPLY;
import static io.github.wcf4j.binding.stack.ChannelShape.REPLY_SESSION;
import static io.github.wcf4j.binding.stack.ChannelShape.REQUEST;
import static io.github.wcf4j.binding.stack.ChannelShape.REQUEST_SESSION;

import io.github.wcf4j.binding.ArgumentChecks;
import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.stack.ShapeRule;
import java.time.Duration;

/**
 * A WS-ReliableMessaging session: exactly-once, optionally ordered delivery with retransmission, a transfer window and
 * flow control (WCF {@code ReliableSessionBindingElement}, config {@code <reliableSession>}).
 *
 * <p>Defaults are WCF's {@code ReliableSessionDefaults}; the compact constructor applies the property setters' rules
 * and texts. Channel shapes (reference source {@code ReliableSessionBindingElement.BuildChannelFactory}):
 * <pre>
 * client  IOutputSessionChannel  ← IRequestSession | IRequest | IDuplexSession | IDuplex
 *         IRequestSessionChannel ← IRequestSession | IRequest
 *         IDuplexSessionChannel  ← IDuplexSession | IDuplex
 * service IInputSessionChannel   ← IReplySession | IReply | IDuplexSession | IDuplex
 *         IReplySessionChannel   ← IReplySession | IReply
 *         IDuplexSessionChannel  ← IDuplexSession | IDuplex
 * </pre>
 *
 * <pre>{@code
 * ReliableSessionBindingElement rm = ReliableSessionBindingElement.builder()
 *     .reliableMessagingVersion(ReliableMessagingVersion.WS_RELIABLE_MESSAGING_11)
 *     .maxTransferWindowSize(128)
 *     .build();
 * }</pre>
 */
public record ReliableSessionBindingElement(
        Duration acknowledgementInterval,
        boolean flowControlEnabled,
        Duration inactivityTimeout,
        int maxPendingChannels,
        int maxRetryCount,
        int maxTransferWindowSize,
        boolean ordered,
        ReliableMessagingVersion reliableMessagingVersion) implements BindingElement {

    /** {@code "00:00:00.2"}. */
    public static final Duration DEFAULT_ACKNOWLEDGEMENT_INTERVAL = Duration.ofMillis(200);
    /** {@code true}. */
    public static final boolean DEFAULT_FLOW_CONTROL_ENABLED = true;
    /** {@code "00:10:00"}. */
    public static final Duration DEFAULT_INACTIVITY_TIMEOUT = Duration.ofMinutes(10);
    /** {@code 4}; valid 1..16384. */
    public static final int DEFAULT_MAX_PENDING_CHANNELS = 4;
    /** Upper bound of {@link #maxPendingChannels()}. */
    public static final int MAX_PENDING_CHANNELS_LIMIT = 16384;
    /** {@code 8}; valid 1..Int32.MaxValue. */
    public static final int DEFAULT_MAX_RETRY_COUNT = 8;
    /** {@code 8}; valid 1..4096. */
    public static final int DEFAULT_MAX_TRANSFER_WINDOW_SIZE = 8;
    /** Upper bound of {@link #maxTransferWindowSize()}. */
    public static final int MAX_TRANSFER_WINDOW_SIZE_LIMIT = 4096;
    /** {@code true}. */
    public static final boolean DEFAULT_ORDERED = true;

    private static final ShapeRule SHAPES = ShapeRule.layer()
            .factory(OUTPUT_SESSION, REQUEST_SESSION, REQUEST, DUPLEX_SESSION, DUPLEX)
            .factory(REQUEST_SESSION, REQUEST_SESSION, REQUEST)
            .factory(DUPLEX_SESSION, DUPLEX_SESSION, DUPLEX)
            .listener(INPUT_SESSION, REPLY_SESSION, REPLY, DUPLEX_SESSION, DUPLEX)
            .listener(REPLY_SESSION, REPLY_SESSION, REPLY)
            .listener(DUPLEX_SESSION, DUPLEX_SESSION, DUPLEX)
            .insertsInternalDuplex()
            .build();

    public ReliableSessionBindingElement {
        ArgumentChecks.positiveTimeout(acknowledgementInterval, "acknowledgementInterval");
        ArgumentChecks.positiveTimeout(inactivityTimeout, "inactivityTimeout");
        ArgumentChecks.positiveAtMost(maxPendingChannels, MAX_PENDING_CHANNELS_LIMIT, "maxPendingChannels");
        ArgumentChecks.positive(maxRetryCount, "maxRetryCount");
        ArgumentChecks.positiveAtMost(maxTransferWindowSize, MAX_TRANSFER_WINDOW_SIZE_LIMIT, "maxTransferWindowSize");
        ArgumentChecks.notNull(reliableMessagingVersion, "reliableMessagingVersion");
    }

    /** WCF's defaults ({@code new ReliableSessionBindingElement()}). */
    public static ReliableSessionBindingElement defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .acknowledgementInterval(acknowledgementInterval)
                .flowControlEnabled(flowControlEnabled)
                .inactivityTimeout(inactivityTimeout)
                .maxPendingChannels(maxPendingChannels)
                .maxRetryCount(maxRetryCount)
                .maxTransferWindowSize(maxTransferWindowSize)
                .ordered(ordered)
                .reliableMessagingVersion(reliableMessagingVersion);
    }

    /** {@code <reliableSession>}: the element's name in configuration (the one source of it). */
    public static final String CONFIG_NAME = "reliableSession";

    @Override
    public String configName() {
        return CONFIG_NAME;
    }

    @Override
    public ShapeRule shapeRule() {
        return SHAPES;
    }

    /** Builds a {@link ReliableSessionBindingElement}, starting from WCF's defaults. */
    public static final class Builder {
        private Duration acknowledgementInterval = DEFAULT_ACKNOWLEDGEMENT_INTERVAL;
        private boolean flowControlEnabled = DEFAULT_FLOW_CONTROL_ENABLED;
        private Duration inactivityTimeout = DEFAULT_INACTIVITY_TIMEOUT;
        private int maxPendingChannels = DEFAULT_MAX_PENDING_CHANNELS;
        private int maxRetryCount = DEFAULT_MAX_RETRY_COUNT;
        private int maxTransferWindowSize = DEFAULT_MAX_TRANSFER_WINDOW_SIZE;
        private boolean ordered = DEFAULT_ORDERED;
        private ReliableMessagingVersion reliableMessagingVersion = ReliableMessagingVersion.DEFAULT;

        private Builder() {
        }

        public Builder acknowledgementInterval(Duration v) {
            this.acknowledgementInterval = v;
            return this;
        }

        public Builder flowControlEnabled(boolean v) {
            this.flowControlEnabled = v;
            return this;
        }

        public Builder inactivityTimeout(Duration v) {
            this.inactivityTimeout = v;
            return this;
        }

        public Builder maxPendingChannels(int v) {
            this.maxPendingChannels = v;
            return this;
        }

        public Builder maxRetryCount(int v) {
            this.maxRetryCount = v;
            return this;
        }

        public Builder maxTransferWindowSize(int v) {
            this.maxTransferWindowSize = v;
            return this;
        }

        public Builder ordered(boolean v) {
            this.ordered = v;
            return this;
        }

        public Builder reliableMessagingVersion(ReliableMessagingVersion v) {
            this.reliableMessagingVersion = v;
            return this;
        }

        public ReliableSessionBindingElement build() {
            return new ReliableSessionBindingElement(acknowledgementInterval, flowControlEnabled, inactivityTimeout,
                    maxPendingChannels, maxRetryCount, maxTransferWindowSize, ordered, reliableMessagingVersion);
        }
    }
}
