package io.github.wcf4j.binding.stack;

/**
 * The ten WCF channel shapes: what a channel factory (client side) or channel listener (server side) builds.
 *
 * <p>{@link #DUPLEX} and {@link #DUPLEX_SESSION} exist on both sides; the others belong to one side only. Each shape
 * knows its WCF interface name ({@code IRequestSessionChannel}), which WCF's error texts print.
 */
public enum ChannelShape {
    OUTPUT("IOutputChannel", Side.CLIENT, false),
    REQUEST("IRequestChannel", Side.CLIENT, false),
    OUTPUT_SESSION("IOutputSessionChannel", Side.CLIENT, true),
    REQUEST_SESSION("IRequestSessionChannel", Side.CLIENT, true),
    INPUT("IInputChannel", Side.SERVICE, false),
    REPLY("IReplyChannel", Side.SERVICE, false),
    INPUT_SESSION("IInputSessionChannel", Side.SERVICE, true),
    REPLY_SESSION("IReplySessionChannel", Side.SERVICE, true),
    DUPLEX("IDuplexChannel", null, false),
    DUPLEX_SESSION("IDuplexSessionChannel", null, true);

    private final String wcfName;
    private final Side side;
    private final boolean sessionful;

    ChannelShape(String wcfName, Side side, boolean sessionful) {
        this.wcfName = wcfName;
        this.side = side;
        this.sessionful = sessionful;
    }

    /** The WCF interface name, e.g. {@code IDuplexSessionChannel}. */
    public String wcfName() {
        return wcfName;
    }

    /** Whether this shape can be built on {@code s}. */
    public boolean belongsTo(Side s) {
        return side == null || side == s;
    }

    /** Session variants: {@code I*SessionChannel}. */
    public boolean isSessionful() {
        return sessionful;
    }

    /** Output, input and their session variants (WCF {@code ChannelRequirements.IsOneWay}). */
    public boolean isOneWay() {
        return this == OUTPUT || this == INPUT || this == OUTPUT_SESSION || this == INPUT_SESSION;
    }

    /** Request, reply and their session variants. */
    public boolean isRequestReply() {
        return this == REQUEST || this == REPLY || this == REQUEST_SESSION || this == REPLY_SESSION;
    }

    /** Duplex and duplex session. */
    public boolean isDuplex() {
        return this == DUPLEX || this == DUPLEX_SESSION;
    }

    /** The shape the other side builds to talk to this one (request ↔ reply, output ↔ input, duplex ↔ duplex). */
    public ChannelShape counterpart() {
        switch (this) {
            case OUTPUT: return INPUT;
            case INPUT: return OUTPUT;
            case REQUEST: return REPLY;
            case REPLY: return REQUEST;
            case OUTPUT_SESSION: return INPUT_SESSION;
            case INPUT_SESSION: return OUTPUT_SESSION;
            case REQUEST_SESSION: return REPLY_SESSION;
            case REPLY_SESSION: return REQUEST_SESSION;
            default: return this;
        }
    }

    @Override
    public String toString() {
        return wcfName;
    }
}
