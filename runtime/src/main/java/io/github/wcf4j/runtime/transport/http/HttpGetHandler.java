package io.github.wcf4j.runtime.transport.http;

import java.net.URI;

/**
 * Answers HTTP GET at an HTTP listener's address, as WCF's {@code ServiceMetadataBehavior} answers {@code ?wsdl} on the
 * service's HTTP address. Given to the HTTP transport as a binding parameter; a listener without one answers GET with
 * 405. Called on an I/O thread: it must not block (serve prepared documents).
 */
public interface HttpGetHandler {
    /**
     * The answer to {@code GET requested}.
     *
     * @param requested the absolute URI as the client addressed it: the listener's scheme, the request's
     *                  {@code Host} header, path and query
     */
    HttpGetResponse get(URI requested);

    /**
     * Whether the listener also takes SOAP POSTs (an endpoint's listener answering GET too); {@code false} for a
     * GET-only metadata listener, which answers POST with 405.
     */
    default boolean acceptsPost() {
        return true;
    }

    /** The answer: status, content type ({@code null} for none) and body. */
    record HttpGetResponse(int status, String contentType, byte[] body) {
        public static HttpGetResponse methodNotAllowed() {
            return new HttpGetResponse(405, null, new byte[0]);
        }
    }
}
