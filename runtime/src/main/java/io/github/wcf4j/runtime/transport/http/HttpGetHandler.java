package io.github.wcf4j.runtime.transport.http;

import java.net.URI;

/**
 * Answers HTTP GET at an HTTP listener's address, as WCF's {@code ServiceMetadataBehavior} answers {@code ?wsdl} on the
 * service's HTTP address. Given to the HTTP transport as a binding parameter; a listener without one answers GET with
 * 405. Called on an I/O thread: it must not block (serve prepared documents).
 */
@FunctionalInterface
public interface HttpGetHandler {
    /**
     * The answer to {@code GET requested}.
     *
     * @param requested the absolute URI as the client addressed it: the listener's scheme, the request's
     *                  {@code Host} header, path and query
     */
    HttpGetResponse get(URI requested);

    /** The answer: status, content type ({@code null} for none) and body. */
    record HttpGetResponse(int status, String contentType, byte[] body) {
        public static HttpGetResponse notFound() {
            return new HttpGetResponse(404, null, new byte[0]);
        }
    }
}
