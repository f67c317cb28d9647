package io.github.wcf4j.runtime.channel;

/** Sends and receives independently (WCF {@code IDuplexChannel}). */
public interface DuplexChannel extends InputChannel, OutputChannel {
}
