package io.github.wcf4j.runtime.metadata;

import io.github.wcf4j.runtime.transport.http.HttpGetHandler;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code <serviceMetadata httpGetEnabled="true"/>}: answers GET at the metadata address as WCF's
 * {@code ServiceMetadataExtension} does (wcf-metadata.md §4): {@code ?wsdl}, {@code ?wsdl=wsdlN}, {@code ?xsd=xsdN} and
 * {@code ?singleWsdl} as {@code text/xml; charset=UTF-8} (the last matching query token wins, keys are
 * case-insensitive), a query over 2048 characters 414, a failure to generate 500; anything else is the help page
 * (200, {@code text/html}) when {@code serviceDebug httpHelpPageEnabled} (WCF's default), else the WSDL for an empty
 * query and 405 for other queries. Only the metadata address itself is answered; other paths get 405.
 */
public final class MetadataHttpGet implements HttpGetHandler {
    private static final String XML = "text/xml; charset=UTF-8";
    private static final String HTML = "text/html; charset=UTF-8";

    private final Supplier<ServiceMetadata> metadata;
    private final Supplier<URI> address;
    private final String serviceName;
    private final boolean helpPage;
    private final boolean alsoPost;

    /**
     * @param metadata    the service's metadata (built when first asked for)
     * @param address     the metadata address (known once the listener is open)
     * @param serviceName the service's name, for the help page
     * @param helpPage    {@code serviceDebug httpHelpPageEnabled}
     * @param alsoPost    whether SOAP requests share the address (the handler sits on an endpoint's listener)
     */
    public MetadataHttpGet(Supplier<ServiceMetadata> metadata, Supplier<URI> address, String serviceName,
            boolean helpPage, boolean alsoPost) {
        this.metadata = metadata;
        this.address = address;
        this.serviceName = serviceName;
        this.helpPage = helpPage;
        this.alsoPost = alsoPost;
    }

    @Override
    public boolean acceptsPost() {
        return alsoPost;
    }

    @Override
    public HttpGetResponse get(URI requested) {
        URI at = address.get();
        if (!samePath(requested.getRawPath(), at.getRawPath())) {
            return HttpGetResponse.methodNotAllowed();
        }
        String query = requested.getRawQuery() == null ? "" : requested.getRawQuery();
        if (query.length() > 2048) {
            return new HttpGetResponse(414, null, new byte[0]);
        }
        String key = null;
        for (String token : query.split("&")) {
            String t = token.toLowerCase(Locale.ROOT);
            if (t.startsWith("wsdl") || t.startsWith("xsd") || t.startsWith("singlewsdl")) {
                key = token;
            }
        }
        try {
            if (key != null) {
                Optional<byte[]> doc = metadata.get().get(key, at);
                if (doc.isPresent()) {
                    return new HttpGetResponse(200, XML, doc.get());
                }
            } else if (query.isEmpty() && !helpPage) {
                return new HttpGetResponse(200, XML, metadata.get().wsdl(at));
            }
        } catch (MetadataException e) {
            return new HttpGetResponse(500, HTML, page(serviceName + " Service",
                    "<p>An error occurred while generating the metadata of this service.</p><p>" + escape(
                            e.getMessage()) + "</p>"));
        }
        if (!helpPage) {
            return HttpGetResponse.methodNotAllowed();
        }
        String wsdl = escape(at + "?wsdl");
        return new HttpGetResponse(200, HTML, page(serviceName + " Service",
                "<p>You have created a service.</p><p>To test this service, create a client and use it to call the"
                        + " service. Its metadata is at:</p><pre><a href=\"" + wsdl + "\">" + wsdl
                        + "</a></pre><p>or, as a single document:</p><pre><a href=\"" + escape(at + "?singleWsdl")
                        + "\">" + escape(at + "?singleWsdl") + "</a></pre>"));
    }

    private static boolean samePath(String a, String b) {
        return trim(a).equalsIgnoreCase(trim(b));
    }

    private static String trim(String p) {
        String s = p == null ? "" : p;
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static byte[] page(String title, String body) {
        return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title></head>"
                + "<body><h1>" + escape(title) + "</h1>" + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
