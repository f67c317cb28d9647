package io.github.wcf4j.runtime.security.message;

import java.time.Instant;
import java.util.Optional;

/**
 * An issued security context (WCF {@code SecurityContextSecurityToken}) as a client holds it: its identifier, the
 * token element to echo in every request (with the service's cookie), its key, when it expires, its key generation
 * ({@code c:Instance}, once the key was renewed) and when the key became valid.
 *
 * @param contextId {@code c:Identifier}, e.g. {@code urn:uuid:...}
 * @param tokenXml  the {@code c:SecurityContextToken} as issued
 * @param key       the proof key
 * @param expires   the end of its lifetime (the RSTR's {@code Lifetime/Expires}; in a session, the key's)
 * @param instance  the key generation, empty for the key issued first
 * @param validFrom the RSTR's {@code Lifetime/Created}; null when it had none
 */
record SecurityContext(String contextId, String tokenXml, byte[] key, Instant expires, Optional<String> instance,
        Instant validFrom) {

    SecurityContext(String contextId, String tokenXml, byte[] key, Instant expires) {
        this(contextId, tokenXml, key, expires, Optional.empty(), null);
    }
}
