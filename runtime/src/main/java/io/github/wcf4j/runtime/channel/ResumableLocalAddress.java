package io.github.wcf4j.runtime.channel;

/**
 * A client channel whose local address (where its peer sends to it, e.g. compositeDuplex's back channel) can be set,
 * before it is opened, to the address a stored session of an earlier process gave its peer: a durable reliable
 * session resumed after a restart receives where its peer still sends.
 */
public interface ResumableLocalAddress {
    /** Takes {@code stored} as this channel's local address; only before the channel is opened. */
    void resumeAt(EndpointAddress stored);
}
