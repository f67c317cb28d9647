package io.github.wcf4j.runtime.channel;

/** A sessionful {@link RequestChannel} (WCF {@code IRequestSessionChannel}). */
public interface RequestSessionChannel extends RequestChannel, SessionChannel {
}
