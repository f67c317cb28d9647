package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.binding.encoding.BinaryMessageEncodingBindingElement;
import io.github.wcf4j.config.read.ConfigContext;
import java.util.List;

/** {@code <binaryMessageEncoding>} (no {@code messageVersion} attribute: binary is always SOAP 1.2 + WSA 1.0). */
public class BinaryMessageEncodingXml extends BindingElementXml {
    @JacksonXmlProperty(isAttribute = true) public String maxReadPoolSize;
    @JacksonXmlProperty(isAttribute = true) public String maxWritePoolSize;
    @JacksonXmlProperty(isAttribute = true) public String maxSessionSize;
    @JacksonXmlProperty(isAttribute = true) public String compressionFormat;
    public ReaderQuotasXml readerQuotas;

    @Override
    public BinaryMessageEncodingBindingElement toModel(ConfigContext ctx) {
        return ctx.build(this, () -> new BinaryMessageEncodingBindingElement(
                ctx.int32(this, "maxReadPoolSize", maxReadPoolSize, 1, Integer.MAX_VALUE, 64),
                ctx.int32(this, "maxWritePoolSize", maxWritePoolSize, 1, Integer.MAX_VALUE, 16),
                ctx.int32(this, "maxSessionSize", maxSessionSize, 0, Integer.MAX_VALUE, 2048),
                ctx.enumName(this, "compressionFormat", compressionFormat, List.of("None", "GZip", "Deflate"), "None"),
                ReaderQuotasXml.toModel(readerQuotas, ctx)), BinaryMessageEncodingBindingElement::defaults);
    }
}
