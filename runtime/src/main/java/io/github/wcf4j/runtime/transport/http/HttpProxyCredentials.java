package io.github.wcf4j.runtime.transport.http;

import java.util.List;

/**
 * How a client authenticates to its HTTP proxy (the transport's {@code proxyAuthenticationScheme}): the
 * {@code Proxy-Authorization} of every forwarded request and every {@code CONNECT}. Basic and Negotiate are preemptive
 * (a value every time); Digest ({@link HttpDigestProxyClient}) has none until a {@code 407}'s challenge is
 * {@linkplain #answer answered}, then answers it again with each request. Thread-safe.
 */
@FunctionalInterface
interface HttpProxyCredentials {

    /**
     * The {@code Proxy-Authorization} for a {@code method} request to {@code target} (the request target as sent to
     * the proxy: an absolute URI, a {@code CONNECT}'s {@code host:port}) through the proxy on {@code proxyHost}, or
     * null to send none (Digest before its first challenge).
     *
     * @throws RuntimeException when none can be had (Negotiate without a ticket): nothing is sent
     */
    String authorization(String proxyHost, String method, String target);

    /** Whether a {@code 407} may be {@linkplain #answer answered}, so a request's body is kept to send it again. */
    default boolean answersChallenges() {
        return false;
    }

    /**
     * Takes the {@code challenge} of a {@code 407} that refused a request sent with {@code refused} (its
     * {@code Proxy-Authorization}, or null); true when the request should be sent once more, with the
     * {@link #authorization} that now answers it. False when there is nothing to answer, or the same credentials
     * already failed this challenge (a wrong password): the {@code 407} is the call's outcome.
     */
    default boolean answer(String challenge, String refused) {
        return false;
    }

    /**
     * The challenge of a {@code 407}'s {@code Proxy-Authenticate} headers: the Digest one when several schemes are
     * offered, else the first; null for none.
     */
    static String challenge(List<String> proxyAuthenticate) {
        return proxyAuthenticate.stream().filter(h -> HttpDigestAuthentication.parameters(h) != null).findFirst()
                .orElse(proxyAuthenticate.isEmpty() ? null : proxyAuthenticate.get(0));
    }
}
