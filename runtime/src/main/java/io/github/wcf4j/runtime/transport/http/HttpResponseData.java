package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.runtime.message.Message;
import java.util.List;

/**
 * A complete HTTP response as the client received it.
 *
 * @param status      the status code
 * @param reason      the reason phrase (WCF's "status description")
 * @param contentType the {@code Content-Type} header, or {@code null}
 * @param setCookies  the {@code Set-Cookie} headers, in order (empty for none)
 * @param body        the entity body (empty for none)
 * @param message     in streamed mode, the message already read from it (its body possibly still arriving), else
 *                    {@code null}
 * @param wwwAuthenticate the {@code WWW-Authenticate} header (a 401's challenge, Negotiate's mutual-authentication
 *                        token), or a 407's {@code Proxy-Authenticate} (the proxy's challenge), or {@code null}
 */
record HttpResponseData(int status, String reason, String contentType, List<String> setCookies, byte[] body,
        Message message, String wwwAuthenticate) {

    HttpResponseData(int status, String reason, String contentType, List<String> setCookies, byte[] body) {
        this(status, reason, contentType, setCookies, body, null, null);
    }

    HttpResponseData(int status, String reason, String contentType, List<String> setCookies, byte[] body,
            Message message) {
        this(status, reason, contentType, setCookies, body, message, null);
    }

    /** The challenge of {@code response}: its {@code WWW-Authenticate}, a 407's {@code Proxy-Authenticate}. */
    static String challenge(io.netty.handler.codec.http.HttpResponse response) {
        return response.status().code() == 407
                ? HttpProxyCredentials.challenge(response.headers().getAll(
                        io.netty.handler.codec.http.HttpHeaderNames.PROXY_AUTHENTICATE))
                : response.headers().get(io.netty.handler.codec.http.HttpHeaderNames.WWW_AUTHENTICATE);
    }
}
