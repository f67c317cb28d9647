package io.github.wcf4j.binding.security;

import io.github.wcf4j.binding.ArgumentChecks;

/**
 * Windows (SSPI) stream security ({@code <windowsStreamSecurity>}).
 *
 * @param protectionLevel {@code EncryptAndSign}
 */
public record WindowsStreamSecurityBindingElement(ProtectionLevel protectionLevel)
        implements StreamSecurityBindingElement {

    public WindowsStreamSecurityBindingElement {
        ArgumentChecks.notNull(protectionLevel, "protectionLevel");
    }

    public static WindowsStreamSecurityBindingElement defaults() {
        return new WindowsStreamSecurityBindingElement(ProtectionLevel.EncryptAndSign);
    }

    /** {@code <windowsStreamSecurity>}: the element's name in configuration (the one source of it). */
    public static final String CONFIG_NAME = "windowsStreamSecurity";

    @Override
    public String configName() {
        return CONFIG_NAME;
    }
}
