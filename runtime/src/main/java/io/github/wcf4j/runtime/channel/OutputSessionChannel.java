package io.github.wcf4j.runtime.channel;

/** A sessionful {@link OutputChannel} (WCF {@code IOutputSessionChannel}). */
public interface OutputSessionChannel extends OutputChannel, SessionChannel {
}
