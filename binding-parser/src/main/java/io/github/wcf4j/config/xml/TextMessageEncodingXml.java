package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.config.read.ConfigContext;
import java.nio.charset.StandardCharsets;

/** {@code <textMessageEncoding>} with its {@code <readerQuotas>}. */
public class TextMessageEncodingXml extends BindingElementXml {
    @JacksonXmlProperty(isAttribute = true) public String maxReadPoolSize;
    @JacksonXmlProperty(isAttribute = true) public String maxWritePoolSize;
    @JacksonXmlProperty(isAttribute = true) public String messageVersion;
    @JacksonXmlProperty(isAttribute = true) public String writeEncoding;
    public ReaderQuotasXml readerQuotas;

    @Override
    public TextMessageEncodingBindingElement toModel(ConfigContext ctx) {
        return ctx.build(this, () -> new TextMessageEncodingBindingElement(
                ctx.int32(this, "maxReadPoolSize", maxReadPoolSize, 1, Integer.MAX_VALUE,
                        TextMessageEncodingBindingElement.DEFAULT_MAX_READ_POOL_SIZE),
                ctx.int32(this, "maxWritePoolSize", maxWritePoolSize, 1, Integer.MAX_VALUE,
                        TextMessageEncodingBindingElement.DEFAULT_MAX_WRITE_POOL_SIZE),
                EncoderAttributes.messageVersion(this, ctx, messageVersion),
                ctx.encoding(this, "writeEncoding", writeEncoding, StandardCharsets.UTF_8),
                ReaderQuotasXml.toModel(readerQuotas, ctx)), TextMessageEncodingBindingElement::defaults);
    }
}
