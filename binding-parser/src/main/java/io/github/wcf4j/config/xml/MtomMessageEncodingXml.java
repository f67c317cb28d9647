package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.binding.encoding.MtomMessageEncodingBindingElement;
import io.github.wcf4j.config.read.ConfigContext;
import java.nio.charset.StandardCharsets;

/** {@code <mtomMessageEncoding>}. */
public class MtomMessageEncodingXml extends BindingElementXml {
    @JacksonXmlProperty(isAttribute = true) public String maxReadPoolSize;
    @JacksonXmlProperty(isAttribute = true) public String maxWritePoolSize;
    @JacksonXmlProperty(isAttribute = true) public String messageVersion;
    @JacksonXmlProperty(isAttribute = true) public String maxBufferSize;
    @JacksonXmlProperty(isAttribute = true) public String writeEncoding;
    public ReaderQuotasXml readerQuotas;

    @Override
    public MtomMessageEncodingBindingElement toModel(ConfigContext ctx) {
        return ctx.build(this, () -> new MtomMessageEncodingBindingElement(
                ctx.int32(this, "maxReadPoolSize", maxReadPoolSize, 1, Integer.MAX_VALUE, 64),
                ctx.int32(this, "maxWritePoolSize", maxWritePoolSize, 1, Integer.MAX_VALUE, 16),
                EncoderAttributes.messageVersion(this, ctx, messageVersion),
                ctx.encoding(this, "writeEncoding", writeEncoding, StandardCharsets.UTF_8),
                ctx.int32(this, "maxBufferSize", maxBufferSize, 1, Integer.MAX_VALUE, 65_536),
                ReaderQuotasXml.toModel(readerQuotas, ctx)), MtomMessageEncodingBindingElement::defaults);
    }
}
