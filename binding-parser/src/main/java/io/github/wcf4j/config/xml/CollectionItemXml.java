package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.config.read.LocatedXml;

/** WCF's collection directives: {@code <clear/>} (no attributes) and {@code <remove name="..."/>}. */
public final class CollectionItemXml {
    private CollectionItemXml() {
    }

    /** {@code <clear/>}: removes every item declared before it. */
    public static class Clear extends LocatedXml {
    }

    /** {@code <remove name="x"/>}: removes the item named {@code x} declared before it (absent is not an error). */
    public static class Remove extends LocatedXml {
        @JacksonXmlProperty(isAttribute = true) public String name;
    }
}
