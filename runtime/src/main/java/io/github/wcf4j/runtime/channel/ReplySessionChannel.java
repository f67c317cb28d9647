package io.github.wcf4j.runtime.channel;

/** A sessionful {@link ReplyChannel} (WCF {@code IReplySessionChannel}). */
public interface ReplySessionChannel extends ReplyChannel, SessionChannel {
}
