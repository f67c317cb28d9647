package io.github.wcf4j.runtime.channel;

/** The session a sessionful channel belongs to (WCF {@code ISession}); its id is unique per session. */
public interface Session {
    String id();
}
