package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.binding.encoding.ReaderQuotas;
import io.github.wcf4j.config.read.ConfigContext;
import io.github.wcf4j.config.read.LocatedXml;

/** {@code <readerQuotas>}: each attribute 0..Int32.MaxValue, where 0 (the config default) keeps WCF's runtime default. */
public class ReaderQuotasXml extends LocatedXml {
    @JacksonXmlProperty(isAttribute = true) public String maxDepth;
    @JacksonXmlProperty(isAttribute = true) public String maxStringContentLength;
    @JacksonXmlProperty(isAttribute = true) public String maxArrayLength;
    @JacksonXmlProperty(isAttribute = true) public String maxBytesPerRead;
    @JacksonXmlProperty(isAttribute = true) public String maxNameTableCharCount;

    /** The quotas, or WCF's defaults when {@code xml} is absent. */
    static ReaderQuotas toModel(ReaderQuotasXml xml, ConfigContext ctx) {
        ReaderQuotas d = ReaderQuotas.defaults();
        if (xml == null) {
            return d;
        }
        return new ReaderQuotas(
                orDefault(ctx.int32(xml, "maxDepth", xml.maxDepth, 0, Integer.MAX_VALUE, 0), d.maxDepth()),
                orDefault(ctx.int32(xml, "maxStringContentLength", xml.maxStringContentLength, 0, Integer.MAX_VALUE, 0),
                        d.maxStringContentLength()),
                orDefault(ctx.int32(xml, "maxArrayLength", xml.maxArrayLength, 0, Integer.MAX_VALUE, 0),
                        d.maxArrayLength()),
                orDefault(ctx.int32(xml, "maxBytesPerRead", xml.maxBytesPerRead, 0, Integer.MAX_VALUE, 0),
                        d.maxBytesPerRead()),
                orDefault(ctx.int32(xml, "maxNameTableCharCount", xml.maxNameTableCharCount, 0, Integer.MAX_VALUE, 0),
                        d.maxNameTableCharCount()));
    }

    private static int orDefault(int configured, int runtimeDefault) {
        return configured == 0 ? runtimeDefault : configured;
    }
}
