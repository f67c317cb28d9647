package io.github.wcf4j.runtime.reliability;

import io.github.wcf4j.binding.encoding.AddressingVersion;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.message.ParsedElement;
import io.github.wcf4j.runtime.message.XmlElement;
import java.net.URI;
import java.net.URISyntaxException;

/** Endpoint references inside WS-RM bodies ({@code AcksTo}, {@code Endpoint}): {@code <a:Address>} in a wrapper. */
final class Endpoints {
    private Endpoints() {
    }

    static XmlElement element(String rmNs, String wrapper, EndpointAddress address, AddressingVersion addressing) {
        return XmlElement.of(rmNs, wrapper).add(XmlElement.text(addressing.namespace(), "Address",
                address.uri().toString()));
    }

    static EndpointAddress read(ParsedElement wrapper, AddressingVersion addressing) {
        String text = wrapper.child(addressing.namespace(), "Address").map(ParsedElement::text).orElseThrow(() ->
                new WsrmParseException("The " + wrapper.name().getLocalPart() + " endpoint reference has no "
                        + "Address in the " + addressing.namespace() + " namespace."));
        try {
            return EndpointAddress.of(new URI(text));
        } catch (URISyntaxException e) {
            throw new WsrmParseException("The " + wrapper.name().getLocalPart() + " address '" + text
                    + "' is not a URI.", e);
        }
    }
}
