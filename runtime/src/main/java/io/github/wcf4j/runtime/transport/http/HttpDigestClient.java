package io.github.wcf4j.runtime.transport.http;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A client's HTTP Digest authentication ({@code authenticationScheme="Digest"}, a transport
 * {@code clientCredentialType="Digest"}; the user name and password of {@code ClientCredentials}, set in code), RFC
 * 7616 with {@code qop="auth"} and {@code MD5}/{@code MD5-sess}, as .NET's {@code HttpWebRequest} answers HTTP.sys: the
 * first request goes without credentials, its 401's challenge is answered and the request sent again once; later
 * requests reuse the nonce with the next nonce count (pre-authenticated), and a 401 with {@code stale=true} or a new
 * nonce is answered again. A challenge the same credentials already failed is not answered twice: the 401 is WCF's
 * {@code HttpAuthorizationFailed}. A streamed request's body cannot be sent twice: the factory first obtains a fresh
 * challenge with a {@code HEAD} and the streamed request answers it. Thread-safe.
 */
final class HttpDigestClient implements HttpClientAuthentication {
    private final String user;
    private final String password;
    private final SecureRandom random = new SecureRandom();
    /** The last challenge answered and its nonce count, for pre-authenticated requests. */
    private Challenge current;
    private long count;

    HttpDigestClient(String user, String password) {
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
    }

    /** A Digest challenge ({@code WWW-Authenticate}, or a proxy's {@code Proxy-Authenticate}) this client answers. */
    record Challenge(String realm, String nonce, String algorithm, String opaque, boolean stale) {

        /**
         * The challenge in {@code header}, when it is one this client can answer ({@code qop="auth"}, {@code MD5} or
         * {@code MD5-sess}); else empty.
         */
        static Optional<Challenge> parse(String header) {
            Map<String, String> p = HttpDigestAuthentication.parameters(header);
            if (p == null || p.get("nonce") == null || p.get("realm") == null) {
                return Optional.empty();
            }
            String qop = p.getOrDefault("qop", "");
            String algorithm = p.getOrDefault("algorithm", "MD5");
            boolean auth = java.util.Arrays.stream(qop.split(",")).map(String::trim).anyMatch("auth"::equals);
            if (!auth || !(algorithm.equalsIgnoreCase("MD5") || algorithm.equalsIgnoreCase("MD5-sess"))) {
                return Optional.empty();
            }
            return Optional.of(new Challenge(p.get("realm"), p.get("nonce"), algorithm, p.get("opaque"),
                    "true".equalsIgnoreCase(p.get("stale"))));
        }
    }

    @Override
    public synchronized Attempt start(URI to) {
        String uri = target(to);
        return current == null ? new DigestAttempt(uri, null, null) : answer(uri, current);
    }

    private synchronized DigestAttempt answer(String uri, Challenge challenge) {
        current = challenge;
        count++;
        return new DigestAttempt(uri, challenge, authorization(user, password, "POST", uri, challenge, count,
                random));
    }

    private synchronized DigestAttempt fresh(String uri, Challenge challenge) {
        count = 0;
        return answer(uri, challenge);
    }

    /**
     * The {@code Digest} credentials answering {@code c} for a {@code method} request to {@code uri} (the request
     * target as sent: a path, a proxy's absolute URI, a {@code CONNECT}'s authority) with nonce count {@code nc}: RFC
     * 7616 §3.4 with {@code qop=auth}, the same for a service's 401 and a proxy's 407.
     */
    static String authorization(String user, String password, String method, String uri, Challenge c, long nc,
            SecureRandom random) {
        byte[] b = new byte[8];
        random.nextBytes(b);
        String cnonce = HexFormat.of().formatHex(b);
        String count = String.format(Locale.ROOT, "%08x", nc);
        boolean sess = c.algorithm().equalsIgnoreCase("MD5-sess");
        String ha1 = HttpDigestAuthentication.md5(user + ":" + c.realm() + ":" + password);
        if (sess) {
            ha1 = HttpDigestAuthentication.md5(ha1 + ":" + c.nonce() + ":" + cnonce);
        }
        String ha2 = HttpDigestAuthentication.md5(method + ":" + uri);
        String response = HttpDigestAuthentication.md5(ha1 + ":" + c.nonce() + ":" + count + ":" + cnonce + ":auth:"
                + ha2);
        return HttpDigestAuthentication.SCHEME + " username=\"" + quote(user) + "\", realm=\"" + quote(c.realm())
                + "\", nonce=\"" + quote(c.nonce()) + "\", uri=\"" + quote(uri) + "\", algorithm="
                + (sess ? "MD5-sess" : "MD5") + ", response=\"" + response + "\", qop=auth, nc=" + count
                + ", cnonce=\"" + cnonce + "\"" + (c.opaque() == null ? "" : ", opaque=\"" + quote(c.opaque()) + "\"");
    }

    private final class DigestAttempt implements Attempt {
        private final String uri;
        private final Challenge answered;
        private final String authorization;

        DigestAttempt(String uri, Challenge answered, String authorization) {
            this.uri = uri;
            this.answered = answered;
            this.authorization = authorization;
        }

        @Override
        public String authorization() {
            return authorization;
        }

        @Override
        public boolean answersChallenges() {
            return true;
        }

        @Override
        public Optional<Attempt> answer(HttpResponseData unauthorized) {
            Optional<Challenge> parsed = Challenge.parse(unauthorized.wwwAuthenticate());
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            Challenge c = parsed.get();
            // the same nonce refused again, not stale: the credentials are wrong; answer once per nonce only
            if (answered != null && answered.nonce().equals(c.nonce()) && !c.stale()) {
                return Optional.empty();
            }
            return Optional.of(fresh(uri, c));
        }

        @Override
        public void verify(HttpResponseData response) {
            // rspauth (Authentication-Info) is optional in RFC 7616 and HTTP.sys sends none
        }
    }

    private static String target(URI to) {
        String target = to.getRawPath() == null || to.getRawPath().isEmpty() ? "/" : to.getRawPath();
        return to.getRawQuery() == null ? target : target + "?" + to.getRawQuery();
    }

    static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
