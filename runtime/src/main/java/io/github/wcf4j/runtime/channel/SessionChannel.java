package io.github.wcf4j.runtime.channel;

/** A channel that belongs to a session (WCF {@code ISessionChannel<T>}). */
public interface SessionChannel extends Channel {
    Session session();
}
