package io.github.wcf4j.runtime.transport.http;

import java.util.Map;
import java.util.Optional;

/**
 * Where an HTTP Digest service ({@code authenticationScheme="Digest"}) finds its users' passwords: Digest proves
 * knowledge of the password without sending it, so the service needs the password itself (on Windows, HTTP.sys asks
 * the domain controller, which keeps it for Digest). Given to a service as a binding parameter
 * ({@code ServiceHost.Builder.parameter(HttpDigestPasswords.class, ...)}); without one a Digest endpoint does not open.
 * Thread-safe: called from the listener's executor.
 */
@FunctionalInterface
public interface HttpDigestPasswords {
    /** The password of {@code userName}, or empty for a user the service does not know. */
    Optional<String> password(String userName);

    /** A fixed table of users and passwords. */
    static HttpDigestPasswords of(Map<String, String> passwords) {
        Map<String, String> copy = Map.copyOf(passwords);
        return user -> Optional.ofNullable(copy.get(user));
    }
}
