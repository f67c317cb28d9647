package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.runtime.security.message.ServiceSecurityContext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A listener's HTTP Digest authentication ({@code authenticationScheme="Digest"}, or a standard binding's transport
 * {@code clientCredentialType="Digest"}), RFC 7616 as HTTP.sys and .NET's clients speak it (RFC 2617's
 * {@code algorithm=MD5} and {@code MD5-sess}, {@code qop="auth"}): a 401 challenges with
 * {@code Digest realm="<realm>", nonce="<nonce>", qop="auth", algorithm=MD5}; a request is served when its
 * {@code Authorization: Digest ...} names this realm, a nonce this listener issued that has not outlived
 * {@link #NONCE_LIFETIME}, a nonce count higher than any the nonce was used with (replays refused), the request's
 * method and URI, and a {@code response} computed with the user's password. Anything else is answered 401 like a
 * missing credential (an expired but genuine nonce with {@code stale=true}, RFC 7616 §3.3, so the client retries with
 * the new one) and never reaches the service.
 *
 * <p>Digest never sends the password, so the service must know it: it comes from the {@link HttpDigestPasswords}
 * binding parameter (on Windows, HTTP.sys asks the domain, which keeps what Digest needs; a JVM has no such store, and a
 * {@code UserNamePasswordValidator} only answers yes or no to a password it is given). Nonces are stateless (a time, a
 * random part and an HMAC under this listener's key); the nonce counts seen are kept per nonce for its lifetime only.
 * The caller is then {@code UserName:<name>} to service code, as with HTTP Basic.
 */
final class HttpDigestAuthentication implements HttpAuthentication {
    /** How long a nonce is accepted (then {@code stale=true}). */
    static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);
    static final String SCHEME = "Digest";
    private static final int MAX_TRACKED_NONCES = 100_000;

    private final String realm;
    private final HttpDigestPasswords passwords;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final byte[] key = new byte[32];
    /** The highest nonce count used with each live nonce, oldest first. */
    private final Map<String, Long> counts = new LinkedHashMap<>();

    HttpDigestAuthentication(String realm, HttpDigestPasswords passwords, Clock clock) {
        this.realm = Objects.requireNonNull(realm, "realm");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.clock = Objects.requireNonNull(clock, "clock");
        random.nextBytes(key);
    }

    @Override
    public String challenge() {
        return challenge(false);
    }

    @Override
    public String challenge(String authorization) {
        Map<String, String> p = parameters(authorization);
        boolean stale = p != null && p.containsKey("nonce") && genuine(p.get("nonce"))
                && !fresh(p.get("nonce"));
        return challenge(stale);
    }

    private String challenge(boolean stale) {
        return SCHEME + " realm=\"" + quote(realm) + "\", nonce=\"" + nonce() + "\", qop=\"auth\", algorithm=MD5"
                + (stale ? ", stale=true" : "");
    }

    @Override
    public Optional<Caller> authenticate(String authorization) {
        return Optional.empty();
    }

    @Override
    public Optional<Caller> authenticate(String authorization, String method, String requestUri) {
        Map<String, String> p = parameters(authorization);
        if (p == null) {
            return Optional.empty();
        }
        String user = p.get("username");
        String nonce = p.get("nonce");
        String uri = p.get("uri");
        String response = p.get("response");
        String qop = p.get("qop");
        String nc = p.get("nc");
        String cnonce = p.get("cnonce");
        String algorithm = p.getOrDefault("algorithm", "MD5");
        boolean sess = algorithm.equalsIgnoreCase("MD5-sess");
        if (user == null || user.isEmpty() || nonce == null || uri == null || response == null
                || !realm.equals(p.get("realm")) || !"auth".equals(qop) || nc == null || cnonce == null
                || !(sess || algorithm.equalsIgnoreCase("MD5")) || !uri.equals(requestUri)
                || !genuine(nonce) || !fresh(nonce)) {
            return Optional.empty();
        }
        long count;
        try {
            count = Long.parseUnsignedLong(nc, 16);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Optional<String> password = passwords.password(user);
        if (password.isEmpty()) {
            return Optional.empty();
        }
        String ha1 = md5(user + ":" + realm + ":" + password.get());
        if (sess) {
            ha1 = md5(ha1 + ":" + nonce + ":" + cnonce);
        }
        String ha2 = md5(method + ":" + uri);
        String expected = md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                response.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        if (!counted(nonce, count)) {
            return Optional.empty();
        }
        return Optional.of(new Caller(ServiceSecurityContext.userName(user), null));
    }

    /** Records {@code count} for {@code nonce}; false when it is not higher than one already used (a replay). */
    private synchronized boolean counted(String nonce, long count) {
        Instant now = clock.instant();
        for (Iterator<Map.Entry<String, Long>> i = counts.entrySet().iterator(); i.hasNext();) {
            String n = i.next().getKey();
            if (issued(n).plus(NONCE_LIFETIME).isBefore(now) || counts.size() > MAX_TRACKED_NONCES) {
                i.remove();
            } else {
                break;
            }
        }
        Long seen = counts.get(nonce);
        if (seen != null && Long.compareUnsigned(count, seen) <= 0) {
            return false;
        }
        counts.put(nonce, count);
        return true;
    }

    /** A new nonce: base64(issued millis ‖ 16 random bytes ‖ HMAC-SHA256 of both, 16 bytes). */
    private String nonce() {
        ByteBuffer b = ByteBuffer.allocate(40);
        b.putLong(clock.millis());
        byte[] r = new byte[16];
        random.nextBytes(r);
        b.put(r);
        b.put(mac(b.array(), 24), 0, 16);
        return Base64.getEncoder().encodeToString(b.array());
    }

    private boolean genuine(String nonce) {
        byte[] n;
        try {
            n = Base64.getDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (n.length != 40) {
            return false;
        }
        byte[] tag = new byte[16];
        System.arraycopy(mac(n, 24), 0, tag, 0, 16);
        byte[] given = new byte[16];
        System.arraycopy(n, 24, given, 0, 16);
        return MessageDigest.isEqual(tag, given);
    }

    private boolean fresh(String nonce) {
        Instant issued = issued(nonce);
        Instant now = clock.instant();
        return !issued.isAfter(now) && !issued.plus(NONCE_LIFETIME).isBefore(now);
    }

    private static Instant issued(String nonce) {
        return Instant.ofEpochMilli(ByteBuffer.wrap(Base64.getDecoder().decode(nonce)).getLong());
    }

    private byte[] mac(byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(data, 0, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /**
     * The parameters of a {@code Digest} credentials or challenge value (RFC 7616's {@code auth-param} list, quoted or
     * token values, names lower-cased), or null when it is not one.
     */
    static Map<String, String> parameters(String value) {
        if (value == null || value.length() <= SCHEME.length()
                || !value.regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1)) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        String s = value.substring(SCHEME.length() + 1);
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == ',')) {
                i++;
            }
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = s.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            StringBuilder v = new StringBuilder();
            if (i < s.length() && s.charAt(i) == '"') {
                i++;
                while (i < s.length() && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                        i++;
                    }
                    v.append(s.charAt(i++));
                }
                i++;
            } else {
                while (i < s.length() && s.charAt(i) != ',') {
                    v.append(s.charAt(i++));
                }
            }
            if (out.put(name, v.toString().trim()) != null) {
                return null;
            }
        }
        return out;
    }
}
