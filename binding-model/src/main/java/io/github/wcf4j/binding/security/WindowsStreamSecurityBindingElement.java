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

    @Override
    public String configName() {
        return "windowsStreamSecurity";
    }
}
