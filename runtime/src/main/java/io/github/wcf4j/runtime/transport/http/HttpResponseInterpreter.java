package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.runtime.channel.CommunicationException;
import io.github.wcf4j.runtime.channel.EndpointNotFoundException;
import io.github.wcf4j.runtime.channel.ProtocolException;
import io.github.wcf4j.runtime.channel.QuotaExceededException;
import io.github.wcf4j.runtime.channel.ServerTooBusyException;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * What an HTTP response means to a WCF client ({@code HttpChannelUtilities.ValidateRequestReplyResponse} and
 * {@code ProcessGetResponseWebException}): 2xx and 500 carry a SOAP message or nothing (a plain XML 500 must be a
 * fault); 404, 503 and 415 become
 * {@code EndpointNotFoundException}, {@code ServerTooBusyException} and {@code ProtocolException} with WCF's texts;
 * 401 and 403 are WCF's {@code MessageSecurityException}s naming the authentication scheme (and a 401's challenge);
 * any other status is "The remote server returned an unexpected response".
 */
final class HttpResponseInterpreter {
    private static final int EXCERPT = 1024;

    private HttpResponseInterpreter() {
    }

    /** The HTTP authentication scheme {@code request} used, as WCF names it in its texts. */
    private static String scheme(HttpRequest request) {
        String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (authorization == null || authorization.isBlank()) {
            return "Anonymous";
        }
        int space = authorization.indexOf(' ');
        return space > 0 ? authorization.substring(0, space) : authorization;
    }

    /** The reply message, or {@code null} for an empty (one-way) response. */
    static Message reply(HttpResponseData r, URI via, HttpRequest request, TextMessageEncoder encoder) {
        int status = r.status();
        if ((status >= 200 && status < 300) || status == 500) {
            if (r.message() != null) {
                return r.message();
            }
            if (r.contentType() == null || r.contentType().isEmpty()) {
                if (r.body().length == 0) {
                    return null;
                }
                throw new ProtocolException(WcfText.HttpContentTypeHeaderRequired.format());
            }
            if (r.body().length == 0) {
                return null;
            }
            if (!encoder.accepts(r.contentType())) {
                int n = Math.min(EXCERPT, r.body().length);
                throw new ProtocolException(WcfText.ResponseContentTypeMismatch.format(r.contentType(),
                        encoder.contentType(), n, new String(r.body(), 0, n, StandardCharsets.UTF_8)));
            }
            Message reply;
            try {
                reply = encoder.read(r.body(), r.contentType());
            } catch (QuotaExceededException | ProtocolException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new ProtocolException(WcfText.MessageXmlProtocolError.format(), e);
            }
            if (status == 500 && !reply.isFault() && reply.version() == MessageVersion.NONE) {
                // plain XML: a 500 whose payload is not WCF's none fault is the service's own error document
                int n = Math.min(EXCERPT, r.body().length);
                throw new ProtocolException(WcfText.UnexpectedHttpResponseCode.format(status, r.reason()),
                        new CommunicationException("The remote server returned an error: (500) " + r.reason()
                                + ". Its plain XML body is not a fault: " + new String(r.body(), 0, n,
                                        StandardCharsets.UTF_8)));
            }
            return reply;
        }
        CommunicationException cause = new CommunicationException(
                "The remote server returned an error: (" + status + ") " + r.reason() + ".");
        switch (status) {
            case 401:
                throw new MessageSecurityException(WcfText.HttpAuthorizationFailed.format(scheme(request),
                        r.wwwAuthenticate() == null ? "" : r.wwwAuthenticate()), cause);
            case 403:
                throw new MessageSecurityException(WcfText.HttpAuthorizationForbidden.format(scheme(request)), cause);
            case 404:
                throw new EndpointNotFoundException(WcfText.EndpointNotFound.format(via), cause);
            case 503:
                throw new ServerTooBusyException(WcfText.HttpServerTooBusy.format(via), cause);
            case 415:
                if ("Missing Content Type".equalsIgnoreCase(r.reason())) {
                    throw new ProtocolException(WcfText.MissingContentType.format(via), cause);
                }
                throw new ProtocolException(WcfText.FramingContentTypeMismatch.format(
                        request.headers().get(HttpHeaderNames.CONTENT_TYPE), via), cause);
            default:
                throw new ProtocolException(WcfText.UnexpectedHttpResponseCode.format(status, r.reason()), cause);
        }
    }
}
