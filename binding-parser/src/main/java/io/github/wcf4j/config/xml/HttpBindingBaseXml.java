package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.binding.standard.HttpBindingSettings;
import io.github.wcf4j.config.read.ConfigContext;

/**
 * The attributes of WCF 4.5's {@code HttpBindingBaseElement}: those of every HTTP standard binding plus
 * {@code allowCookies}, {@code maxBufferSize} and {@code transferMode} (basicHttp, basicHttps, netHttp, netHttps).
 */
public abstract class HttpBindingBaseXml extends HttpStandardBindingXml {
    @JacksonXmlProperty(isAttribute = true) public String allowCookies;
    @JacksonXmlProperty(isAttribute = true) public String maxBufferSize;
    @JacksonXmlProperty(isAttribute = true) public String transferMode;

    /** The binding's HTTP settings. */
    HttpBindingSettings http(ConfigContext ctx) {
        return http(ctx, allowCookies, maxBufferSize, transferMode);
    }
}
