package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.github.wcf4j.config.read.LocatedXml;

/**
 * An element whose content wcf4j accepts without reading it: WCF features outside wcf4j's scope nested inside elements
 * it does read ({@code <identity>}, {@code <headers>}, {@code <extendedProtectionPolicy>}, {@code <issuedTokenParameters>},
 * ...). The element is located, so it can still be named in a warning.
 */
public class OpaqueXml extends LocatedXml {
    @JsonAnySetter
    void ignore(String name, Object value) {
        // content deliberately not interpreted
    }
}
