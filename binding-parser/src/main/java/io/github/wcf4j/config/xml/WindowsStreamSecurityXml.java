package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.security.ProtectionLevel;
import io.github.wcf4j.binding.security.WindowsStreamSecurityBindingElement;
import io.github.wcf4j.config.read.ConfigContext;

/** {@code <windowsStreamSecurity protectionLevel>}. */
public class WindowsStreamSecurityXml extends BindingElementXml {
    @JacksonXmlProperty(isAttribute = true) public String protectionLevel;

    @Override
    public BindingElement toModel(ConfigContext ctx) {
        return new WindowsStreamSecurityBindingElement(ctx.enumValue(this, "protectionLevel", protectionLevel,
                ProtectionLevel.class, ProtectionLevel.EncryptAndSign));
    }
}
