package io.github.wcf4j.runtime.transport.http;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Digest authentication to an HTTP proxy ({@code proxyAuthenticationScheme="Digest"}, the client's user name and
 * password), as .NET's {@code HttpWebRequest} makes it: a request goes without {@code Proxy-Authorization} until the
 * proxy's {@code 407} challenges it ({@code Proxy-Authenticate: Digest ...}), is then sent once more answering it
 * (RFC 7616, the same computation as a service's 401: {@link HttpDigestClient#authorization}), and later requests and
 * tunnels answer the same challenge with the next nonce count (pre-authenticated). A forwarded request's digest URI is
 * its absolute request target, a {@code CONNECT}'s its {@code host:port}. A challenge whose nonce the same credentials
 * already failed (not {@code stale}) is not answered again: the {@code 407} is the call's outcome.
 */
final class HttpDigestProxyClient implements HttpProxyCredentials {
    private final String user;
    private final String password;
    private final SecureRandom random = new SecureRandom();
    /** The proxy's last challenge and its nonce count; null before the first {@code 407}. */
    private HttpDigestClient.Challenge current;
    private long count;

    HttpDigestProxyClient(String user, String password) {
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
    }

    @Override
    public synchronized String authorization(String proxyHost, String method, String target) {
        if (current == null) {
            return null;
        }
        count++;
        return HttpDigestClient.authorization(user, password, method, target, current, count, random);
    }

    @Override
    public boolean answersChallenges() {
        return true;
    }

    @Override
    public synchronized boolean answer(String challenge, String refused) {
        Optional<HttpDigestClient.Challenge> parsed = HttpDigestClient.Challenge.parse(challenge);
        if (parsed.isEmpty()) {
            return false;
        }
        HttpDigestClient.Challenge c = parsed.get();
        Map<String, String> sent = HttpDigestAuthentication.parameters(refused);
        if (sent != null && c.nonce().equals(sent.get("nonce")) && !c.stale()) {
            return false; // the credentials failed this very challenge: a wrong user name or password
        }
        if (current == null || !current.nonce().equals(c.nonce())) {
            current = c;
            count = 0;
        }
        return true;
    }
}
