package io.github.wcf4j.runtime.channel;

import io.github.wcf4j.binding.encoding.AddressingVersion;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Where a message goes: a URI, and the reference parameters to echo as headers (WCF {@code EndpointAddress}; WS-Addressing
 * endpoint reference).
 *
 * @param uri                 the address
 * @param referenceParameters raw XML of each reference parameter, written as a header on messages to this address
 */
public record EndpointAddress(URI uri, List<String> referenceParameters) {

    /** WS-Addressing 1.0 anonymous: "reply on the back channel of the request". */
    public static final EndpointAddress ANONYMOUS = of(AddressingVersion.WS_ADDRESSING_10.anonymous());

    public EndpointAddress {
        Objects.requireNonNull(uri, "uri");
        referenceParameters = List.copyOf(referenceParameters);
    }

    public static EndpointAddress of(URI uri) {
        return new EndpointAddress(uri, List.of());
    }

    public static EndpointAddress of(String uri) {
        return of(UriCache.uri(uri));
    }

    /** Whether this is the anonymous address of either addressing version. */
    public boolean isAnonymous() {
        String u = uri.toString();
        return u.equals(AddressingVersion.WS_ADDRESSING_10.anonymous())
                || u.equals(AddressingVersion.WS_ADDRESSING_AUGUST_2004.anonymous());
    }

    /** WS-Addressing 1.0 {@code none}: "do not send". */
    public boolean isNone() {
        return uri.toString().equals("http://www.w3.org/2005/08/addressing/none");
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
