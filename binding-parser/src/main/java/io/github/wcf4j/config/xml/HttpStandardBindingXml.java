package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.binding.standard.HttpBindingSettings;
import io.github.wcf4j.binding.standard.WsMessageEncoding;
import io.github.wcf4j.binding.transport.HostNameComparisonMode;
import io.github.wcf4j.binding.transport.TransferMode;
import io.github.wcf4j.config.read.ConfigContext;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

/** The HTTP attributes every HTTP standard binding has ({@code maxBufferSize}/{@code transferMode}: basicHttp only). */
public abstract class HttpStandardBindingXml extends StandardBindingXml {
    @JacksonXmlProperty(isAttribute = true) public String bypassProxyOnLocal;
    @JacksonXmlProperty(isAttribute = true) public String hostNameComparisonMode;
    @JacksonXmlProperty(isAttribute = true) public String maxBufferPoolSize;
    @JacksonXmlProperty(isAttribute = true) public String maxReceivedMessageSize;
    @JacksonXmlProperty(isAttribute = true) public String messageEncoding;
    @JacksonXmlProperty(isAttribute = true) public String proxyAddress;
    @JacksonXmlProperty(isAttribute = true) public String textEncoding;
    @JacksonXmlProperty(isAttribute = true) public String useDefaultWebProxy;
    public ReaderQuotasXml readerQuotas;

    /** {@code messageEncoding}: {@code Text} or {@code Mtom} ({@code WSMessageEncoding}). */
    WsMessageEncoding wsMessageEncoding(ConfigContext ctx) {
        return ctx.enumValue(this, "messageEncoding", messageEncoding, WsMessageEncoding.class, WsMessageEncoding.Text);
    }

    /** The shared settings; {@code allowCookies}, {@code maxBufferSize} and {@code transferMode} come from subclasses. */
    HttpBindingSettings http(ConfigContext ctx, String allowCookies, String maxBufferSize, String transferMode) {
        HttpBindingSettings d = HttpBindingSettings.defaults();
        OptionalInt bufferSize = maxBufferSize == null ? OptionalInt.empty()
                : OptionalInt.of(ctx.int32(this, "maxBufferSize", maxBufferSize, 1, Integer.MAX_VALUE,
                        65_536));
        return ctx.build(this, () -> new HttpBindingSettings(
                ctx.bool(this, "allowCookies", allowCookies, false),
                ctx.bool(this, "bypassProxyOnLocal", bypassProxyOnLocal, false),
                ctx.enumValue(this, "hostNameComparisonMode", hostNameComparisonMode, HostNameComparisonMode.class,
                        HostNameComparisonMode.StrongWildcard),
                ctx.int64(this, "maxBufferPoolSize", maxBufferPoolSize, 0, Long.MAX_VALUE, d.maxBufferPoolSize()),
                ctx.int64(this, "maxReceivedMessageSize", maxReceivedMessageSize, 1, Long.MAX_VALUE,
                        d.maxReceivedMessageSize()),
                bufferSize,
                wsMessageEncoding(ctx),
                ctx.uri(this, "proxyAddress", proxyAddress).orElse(null),
                ctx.encoding(this, "textEncoding", textEncoding, StandardCharsets.UTF_8),
                ctx.enumValue(this, "transferMode", transferMode,
                        TransferMode.class,
                        TransferMode.Buffered),
                ctx.bool(this, "useDefaultWebProxy", useDefaultWebProxy, true),
                ReaderQuotasXml.toModel(readerQuotas, ctx)), HttpBindingSettings::defaults);
    }
}
