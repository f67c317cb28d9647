package io.github.wcf4j.runtime.channel;

/**
 * The security session a channel or a message belongs to (WCF's session {@code SecurityContextSecurityToken}), by
 * the identifier of its context token: a security session channel answers it as a property, and the service's security
 * layer puts it on every message it verified with a session's context. A reliable session above binds its sequence to
 * it, as WCF does ({@code CreateSequence} carries a reference to the token; the destination refuses one that does not
 * name the session it arrived in).
 *
 * @param contextId the context token's {@code Identifier}
 * @param tokenType the token type, WS-SecureConversation's {@code …/sct}, the reference's {@code ValueType}
 */
public record SecuritySessionToken(String contextId, String tokenType) {
}
