package io.github.wcf4j.runtime.transport.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The cookies of one client channel factory with {@code allowCookies="true"} (WCF's {@code HttpCookieContainerManager}:
 * one {@code CookieContainer} per factory, shared by its channels): every response's {@code Set-Cookie} is stored for
 * the request's URI and every later request to a matching URI carries the cookies in a {@code Cookie} header. Matching
 * (domain, path, expiry, {@code Secure}) is the JDK's {@link CookieManager}, accepting cookies from the origin server
 * only. Thread-safe.
 */
final class HttpCookieContainer {
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ORIGINAL_SERVER);

    /** Adds the cookies stored for {@code uri}, if any, to a request's headers. */
    void addTo(URI uri, HttpHeaders request) {
        List<String> matching;
        try {
            matching = cookies.get(uri, Map.of()).getOrDefault("Cookie", List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!matching.isEmpty()) {
            request.set(HttpHeaderNames.COOKIE, String.join("; ", matching));
        }
    }

    /** Stores the cookies a response to {@code uri} set (its {@code Set-Cookie} headers). */
    void store(URI uri, List<String> setCookies) {
        if (setCookies.isEmpty()) {
            return;
        }
        try {
            cookies.put(uri, Map.of("Set-Cookie", setCookies));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
