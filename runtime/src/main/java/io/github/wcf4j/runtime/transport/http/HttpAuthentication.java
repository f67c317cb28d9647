package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.runtime.security.message.ServiceSecurityContext;
import java.util.Optional;

/**
 * How a listener authenticates each HTTP request (the transport's {@code authenticationScheme}, as HTTP.sys does it
 * for a WCF service): the request's {@code Authorization} header proves a caller, or the request is answered
 * {@code 401} with {@link #challenge()} and never reaches the service. Implementations: {@link HttpBasicAuthentication},
 * {@link HttpNegotiateAuthentication}, {@link HttpDigestAuthentication}. Thread-safe: called from any connection's event loop.
 */
interface HttpAuthentication {

    /** Obtains what authenticating takes (Negotiate: the service's Kerberos keys), when the listener opens. */
    default void open() {
    }

    /** The {@code WWW-Authenticate} value of a 401. */
    String challenge();

    /**
     * The {@code WWW-Authenticate} value of the 401 answering a request that carried {@code authorization} (Digest:
     * {@code stale=true} for an expired nonce); by default {@link #challenge()}.
     */
    default String challenge(String authorization) {
        return challenge();
    }

    /** The caller {@code authorization} (the request's header, or {@code null}) proves, if it proves one. */
    Optional<Caller> authenticate(String authorization);

    /**
     * The caller {@code authorization} proves for a request with {@code method} and {@code requestUri} (its
     * request-target, as sent), which Digest's response covers; by default {@link #authenticate(String)}.
     */
    default Optional<Caller> authenticate(String authorization, String method, String requestUri) {
        return authenticate(authorization);
    }

    /**
     * An authenticated caller.
     *
     * @param context       who the service sees as the caller
     * @param authenticate  the {@code WWW-Authenticate} value the response carries (Negotiate's mutual-authentication
     *                      token), or {@code null}
     */
    record Caller(ServiceSecurityContext context, String authenticate) {
    }
}
