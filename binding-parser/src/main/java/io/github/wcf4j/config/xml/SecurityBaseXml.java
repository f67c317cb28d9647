package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.MessageProtectionOrder;
import io.github.wcf4j.binding.security.MessageSecurityVersion;
import io.github.wcf4j.binding.security.SecurityAlgorithmSuite;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.security.SecurityHeaderLayout;
import io.github.wcf4j.binding.security.SecurityKeyEntropyMode;
import io.github.wcf4j.config.read.ConfigContext;
import java.util.Arrays;
import java.util.Optional;

/** The attributes and children of WCF's {@code SecurityElementBase}: {@code <security>} and its bootstrap. */
public class SecurityBaseXml extends BindingElementXml {
    @JacksonXmlProperty(isAttribute = true) public String defaultAlgorithmSuite;
    @JacksonXmlProperty(isAttribute = true) public String allowSerializedSigningTokenOnReply;
    @JacksonXmlProperty(isAttribute = true) public String enableUnsecuredResponse;
    @JacksonXmlProperty(isAttribute = true) public String authenticationMode;
    @JacksonXmlProperty(isAttribute = true) public String requireDerivedKeys;
    @JacksonXmlProperty(isAttribute = true) public String securityHeaderLayout;
    @JacksonXmlProperty(isAttribute = true) public String includeTimestamp;
    @JacksonXmlProperty(isAttribute = true) public String allowInsecureTransport;
    @JacksonXmlProperty(isAttribute = true) public String keyEntropyMode;
    @JacksonXmlProperty(isAttribute = true) public String messageProtectionOrder;
    @JacksonXmlProperty(isAttribute = true) public String protectTokens;
    @JacksonXmlProperty(isAttribute = true) public String messageSecurityVersion;
    @JacksonXmlProperty(isAttribute = true) public String requireSecurityContextCancellation;
    @JacksonXmlProperty(isAttribute = true) public String requireSignatureConfirmation;
    @JacksonXmlProperty(isAttribute = true) public String canRenewSecurityContextToken;
    public OpaqueXml issuedTokenParameters;
    public LocalClientSettingsXml localClientSettings;
    public LocalServiceSettingsXml localServiceSettings;

    @Override
    public SecurityBindingElement toModel(ConfigContext ctx) {
        return ctx.build(this, () -> builder(ctx).build(), SecurityBindingElement::defaults);
    }

    SecurityBindingElement.Builder builder(ConfigContext ctx) {
        SecurityBindingElement.Builder b = SecurityBindingElement.builder();
        // WCF copies defaultAlgorithmSuite only when written: the Kerberos factories' KerberosDefault (Basic128)
        // stands otherwise (CreateKerberosBindingElement, CreateKerberosOverTransportBindingElement)
        boolean kerberos = "Kerberos".equals(authenticationMode) || "KerberosOverTransport".equals(authenticationMode);
        b.defaultAlgorithmSuite(ctx.converted(this, "defaultAlgorithmSuite", defaultAlgorithmSuite,
                        s -> SecurityAlgorithmSuite.isValid(s) ? Optional.of(s) : Optional.empty(),
                        s -> WcfText.ConfigInvalidClassFactoryValue.format(s,
                                "System.ServiceModel.Security.SecurityAlgorithmSuite"),
                        kerberos ? SecurityAlgorithmSuite.KERBEROS_DEFAULT : SecurityAlgorithmSuite.DEFAULT))
                .allowSerializedSigningTokenOnReply(ctx.bool(this, "allowSerializedSigningTokenOnReply",
                        allowSerializedSigningTokenOnReply, false))
                .enableUnsecuredResponse(ctx.bool(this, "enableUnsecuredResponse", enableUnsecuredResponse, false))
                .authenticationMode(ctx.enumValue(this, "authenticationMode", authenticationMode,
                        AuthenticationMode.class, AuthenticationMode.DEFAULT))
                .securityHeaderLayout(ctx.enumValue(this, "securityHeaderLayout", securityHeaderLayout,
                        SecurityHeaderLayout.class, SecurityHeaderLayout.Strict))
                .includeTimestamp(ctx.bool(this, "includeTimestamp", includeTimestamp, true))
                .allowInsecureTransport(ctx.bool(this, "allowInsecureTransport", allowInsecureTransport, false))
                .keyEntropyMode(ctx.enumValue(this, "keyEntropyMode", keyEntropyMode, SecurityKeyEntropyMode.class,
                        SecurityKeyEntropyMode.CombinedEntropy))
                .messageProtectionOrder(ctx.enumValue(this, "messageProtectionOrder", messageProtectionOrder,
                        MessageProtectionOrder.class, MessageProtectionOrder.SignBeforeEncryptAndEncryptSignature))
                .protectTokens(ctx.bool(this, "protectTokens", protectTokens, false))
                .messageSecurityVersion(ctx.converted(this, "messageSecurityVersion", messageSecurityVersion,
                        SecurityBaseXml::messageSecurityVersion,
                        s -> WcfText.ConfigInvalidClassFactoryValue.format(s,
                                "System.ServiceModel.MessageSecurityVersion"),
                        MessageSecurityVersion.DEFAULT))
                .requireSecurityContextCancellation(ctx.bool(this, "requireSecurityContextCancellation",
                        requireSecurityContextCancellation, true))
                .canRenewSecurityContextToken(ctx.bool(this, "canRenewSecurityContextToken",
                        canRenewSecurityContextToken, true))
                .localClientSettings(LocalClientSettingsXml.toModel(localClientSettings, ctx))
                .localServiceSettings(LocalServiceSettingsXml.toModel(localServiceSettings, ctx));
        // WCF applies requireDerivedKeys and requireSignatureConfirmation only when configured; otherwise the mode's
        // factory default stands (no derived keys for the asymmetric modes)
        if (requireDerivedKeys != null) {
            b.requireDerivedKeys(ctx.bool(this, "requireDerivedKeys", requireDerivedKeys, true));
        }
        if (requireSignatureConfirmation != null) {
            b.requireSignatureConfirmation(ctx.bool(this, "requireSignatureConfirmation",
                    requireSignatureConfirmation, false));
        }
        return b;
    }

    /** WCF's {@code MessageSecurityVersionConverter}. */
    static Optional<MessageSecurityVersion> messageSecurityVersion(String s) {
        if ("Default".equals(s)) {
            return Optional.of(MessageSecurityVersion.DEFAULT);
        }
        return Arrays.stream(MessageSecurityVersion.values()).filter(v -> v.name().equals(s)).findFirst();
    }
}
