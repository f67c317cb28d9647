package io.github.wcf4j.runtime.duplex;

/**
 * A binding parameter put by a layer above compositeDuplex whose sessions outlive the process (a durable reliable
 * session store): the client's back channel listens at the {@code clientBaseAddress} itself rather than under a new
 * GUID, so that a restarted process listens where the peer of a stored session still sends (its channels' addresses
 * stay under it: {@code clientBaseAddress/<channel GUID>}).
 */
public record StableBackChannel() {
}
