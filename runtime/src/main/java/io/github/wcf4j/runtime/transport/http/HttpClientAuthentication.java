package io.github.wcf4j.runtime.transport.http;

import java.net.URI;

/**
 * How a client authenticates its HTTP requests (the transport's {@code authenticationScheme}): each request carries
 * the {@code Authorization} of an {@link Attempt}, which then checks the response (Negotiate's mutual
 * authentication). Implementations: {@link #basic(String)}, {@link HttpNegotiateClient}, {@link HttpDigestClient}. Thread-safe.
 */
interface HttpClientAuthentication {

    /** Obtains what authenticating takes (Negotiate: the client's Kerberos login), when the factory opens. */
    default void open() {
    }

    /**
     * Credentials for one request to the service at {@code to} (its endpoint address, which names the service principal).
     *
     * @throws io.github.wcf4j.runtime.security.MessageSecurityException when none can be had (nothing is sent)
     */
    Attempt start(URI to);

    /** One request's credentials. */
    interface Attempt {
        /** The {@code Authorization} header value, or null to send none (Digest before its first challenge). */
        String authorization();

        /** Whether a 401 may be answered ({@link #answer}), so the request's body is kept to send it again. */
        default boolean answersChallenges() {
            return false;
        }

        /** The credentials answering {@code unauthorized}'s challenge, to send the request once more; else empty. */
        default java.util.Optional<Attempt> answer(HttpResponseData unauthorized) {
            return java.util.Optional.empty();
        }

        /**
         * Checks that a response (not a 401 or 403) came from the service the request was authenticated to.
         *
         * @throws io.github.wcf4j.runtime.security.MessageSecurityException when it did not prove it
         */
        void verify(HttpResponseData response);
    }

    /** HTTP Basic: the same header on every request, no check of the response. */
    static HttpClientAuthentication basic(String header) {
        Attempt attempt = new Attempt() {
            @Override
            public String authorization() {
                return header;
            }

            @Override
            public void verify(HttpResponseData response) {
            }
        };
        return new HttpClientAuthentication() {
            @Override
            public Attempt start(URI to) {
                return attempt;
            }
        };
    }
}
