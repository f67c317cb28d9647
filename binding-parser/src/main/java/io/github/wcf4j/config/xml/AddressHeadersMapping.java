package io.github.wcf4j.config.xml;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.address.AddressHeader;
import io.github.wcf4j.config.read.ConfigContext;
import io.github.wcf4j.config.read.RawContent;
import io.github.wcf4j.config.read.RawElement;
import java.util.ArrayList;
import java.util.List;

/** {@code <headers>} of an endpoint address (an endpoint's, a local issuer's) → {@link AddressHeader}s. */
final class AddressHeadersMapping {
    private AddressHeadersMapping() {
    }

    /**
     * {@code <headers>}: every child element an address header, kept verbatim ({@code AddressHeaderCollection
     * .ReadServiceParameters}); text between them is refused as in any configuration element, a prefix the section does
     * not declare is refused as WCF's section reader ({@code XmlException}) refuses it, and attributes of
     * {@code <headers>} itself, which WCF skips, are reported.
     */
    static List<AddressHeader> read(HeadersXml x, ConfigContext ctx) {
        if (x == null) {
            return List.of();
        }
        RawContent content = x.content();
        if (content.hasText()) {
            ctx.error(x, WcfText.Config_base_section_invalid_content);
        }
        for (RawContent.UndeclaredPrefix undeclared : content.undeclared()) {
            ctx.error(undeclared.at(), "'" + undeclared.prefix() + "' is an undeclared prefix.");
        }
        if (!content.attributes().isEmpty()) {
            ctx.warning(x, "The attributes of <headers> are ignored, as WCF ignores them: "
                    + String.join(", ", content.attributes()) + ".");
        }
        List<AddressHeader> headers = new ArrayList<>();
        for (RawElement e : content.elements()) {
            headers.add(new AddressHeader(e.localName(), e.namespaceUri(), e.outerXml()));
        }
        return headers;
    }
}
