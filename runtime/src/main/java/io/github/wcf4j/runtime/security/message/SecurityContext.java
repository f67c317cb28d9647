package io.github.wcf4j.runtime.security.message;

import java.time.Instant;

/**
 * An issued security context (WCF {@code SecurityContextSecurityToken}) as a client holds it: its identifier, the
 * token element to echo in every request (with the service's cookie), its key and when it expires.
 *
 * @param contextId {@code c:Identifier}, e.g. {@code urn:uuid:...}
 * @param tokenXml  the {@code c:SecurityContextToken} as issued
 * @param key       the proof key
 * @param expires   the end of its lifetime
 */
record SecurityContext(String contextId, String tokenXml, byte[] key, Instant expires) {
}
