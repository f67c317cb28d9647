package io.github.wcf4j.runtime.channel;

/** A sessionful {@link DuplexChannel} (WCF {@code IDuplexSessionChannel}). */
public interface DuplexSessionChannel extends DuplexChannel, SessionChannel {
}
