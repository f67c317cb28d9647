package io.github.wcf4j.binding.security;

import static io.github.wcf4j.binding.stack.ChannelShape.DUPLEX;
import static io.github.wcf4j.binding.stack.ChannelShape.DUPLEX_SESSION;
import static io.github.wcf4j.binding.stack.ChannelShape.INPUT;
import static io.github.wcf4j.binding.stack.ChannelShape.INPUT_SESSION;
import static io.github.wcf4j.binding.stack.ChannelShape.OUTPUT;
import static io.github.wcf4j.binding.stack.ChannelShape.OUTPUT_SESSION;
import static io.github.wcf4j.binding.stack.ChannelShape.REPLY;
import static io.github.wcf4j.binding.stack.ChannelShape.REPLY_SESSION;
import static io.github.wcf4j.binding.stack.ChannelShape.REQUEST;
import static io.github.wcf4j.binding.stack.ChannelShape.REQUEST_SESSION;

import io.github.wcf4j.binding.ArgumentChecks;
import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.BindingValidationException;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.stack.ShapeRule;
import java.util.Optional;

/**
 * SOAP message security (WCF {@code SecurityBindingElement}, config {@code <security>}), including WS-SecureConversation
 * when {@link #authenticationMode()} is {@code SecureConversation} and the bootstrap it starts from.
 *
 * <p>Channel shapes follow the WCF class the mode creates (reference source {@code SecurityBindingElement},
 * {@code SymmetricSecurityBindingElement}, {@code AsymmetricSecurityBindingElement},
 * {@code TransportSecurityBindingElement}). A secure-conversation session ({@code SecureConversation} with
 * {@code requireSecurityContextCancellation}) builds only {@code IRequestSessionChannel}/{@code IReplySessionChannel} and
 * {@code IDuplexSessionChannel}; every other mode passes the inner shape through, duplex only where the family supports
 * it ({@link #family()}: {@code MutualCertificate} is asymmetric under WS-Security 1.0 only). The mode's factory
 * defaults that differ by mode ({@code requireSignatureConfirmation}, {@code requireDerivedKeys}) stand unless set, as
 * WCF's configuration applies those attributes only when written.
 *
 * @param secureConversationBootstrap the {@code <secureConversationBootstrap>} settings; present exactly when the mode is
 *                  {@code SecureConversation}
 */
public record SecurityBindingElement(
        AuthenticationMode authenticationMode,
        boolean requireSecurityContextCancellation,
        MessageSecurityVersion messageSecurityVersion,
        String defaultAlgorithmSuite,
        boolean includeTimestamp,
        boolean requireDerivedKeys,
        boolean canRenewSecurityContextToken,
        SecurityHeaderLayout securityHeaderLayout,
        SecurityKeyEntropyMode keyEntropyMode,
        MessageProtectionOrder messageProtectionOrder,
        boolean protectTokens,
        boolean requireSignatureConfirmation,
        boolean allowSerializedSigningTokenOnReply,
        boolean enableUnsecuredResponse,
        boolean allowInsecureTransport,
        LocalClientSecuritySettings localClientSettings,
        LocalServiceSecuritySettings localServiceSettings,
        Optional<SecurityBindingElement> secureConversationBootstrap) implements BindingElement {

    public SecurityBindingElement {
        ArgumentChecks.notNull(authenticationMode, "authenticationMode");
        ArgumentChecks.notNull(messageSecurityVersion, "messageSecurityVersion");
        if (!SecurityAlgorithmSuite.isValid(defaultAlgorithmSuite)) {
            throw new BindingValidationException(WcfText.ConfigInvalidClassFactoryValue, "defaultAlgorithmSuite",
                    defaultAlgorithmSuite, "System.ServiceModel.Security.SecurityAlgorithmSuite");
        }
        ArgumentChecks.notNull(securityHeaderLayout, "securityHeaderLayout");
        ArgumentChecks.notNull(keyEntropyMode, "keyEntropyMode");
        ArgumentChecks.notNull(messageProtectionOrder, "messageProtectionOrder");
        ArgumentChecks.notNull(localClientSettings, "localClientSettings");
        ArgumentChecks.notNull(localServiceSettings, "localServiceSettings");
        secureConversationBootstrap = secureConversationBootstrap == null ? Optional.empty()
                : secureConversationBootstrap;
        if (authenticationMode == AuthenticationMode.SecureConversation) {
            SecurityBindingElement b = secureConversationBootstrap.orElseThrow(() -> new BindingValidationException(
                    WcfText.SecureConversationNeedsBootstrapSecurity, "secureConversationBootstrap"));
            if (b.authenticationMode() == AuthenticationMode.SecureConversation) {
                throw new BindingValidationException(WcfText.SecureConversationBootstrapCannotUseSecureConversation,
                        "secureConversationBootstrap");
            }
        }
    }

    /** WCF's {@code <security/>} defaults: {@code SspiNegotiated}, everything else default. */
    public static SecurityBindingElement defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.authenticationMode = authenticationMode;
        b.requireSecurityContextCancellation = requireSecurityContextCancellation;
        b.messageSecurityVersion = messageSecurityVersion;
        b.defaultAlgorithmSuite = defaultAlgorithmSuite;
        b.includeTimestamp = includeTimestamp;
        b.requireDerivedKeys = requireDerivedKeys;
        b.canRenewSecurityContextToken = canRenewSecurityContextToken;
        b.securityHeaderLayout = securityHeaderLayout;
        b.keyEntropyMode = keyEntropyMode;
        b.messageProtectionOrder = messageProtectionOrder;
        b.protectTokens = protectTokens;
        b.requireSignatureConfirmation = requireSignatureConfirmation;
        b.allowSerializedSigningTokenOnReply = allowSerializedSigningTokenOnReply;
        b.enableUnsecuredResponse = enableUnsecuredResponse;
        b.allowInsecureTransport = allowInsecureTransport;
        b.localClientSettings = localClientSettings;
        b.localServiceSettings = localServiceSettings;
        b.bootstrap = secureConversationBootstrap.orElse(null);
        return b;
    }

    /** Whether this element establishes a security session (WCF's internal {@code SessionMode}). */
    public boolean isSessionful() {
        return authenticationMode == AuthenticationMode.SecureConversation && requireSecurityContextCancellation;
    }

    /**
     * The WCF element class this element's mode creates for its version: the mode's family, except
     * {@code MutualCertificate}, which {@code CreateMutualCertificateBindingElement(version)} makes an
     * {@code AsymmetricSecurityBindingElement} under WS-Security 1.0 only and a symmetric one under 1.1.
     */
    public AuthenticationMode.Family family() {
        return family(authenticationMode, messageSecurityVersion);
    }

    /** {@link #family()} of a mode under a version. */
    public static AuthenticationMode.Family family(AuthenticationMode mode, MessageSecurityVersion version) {
        if (mode == AuthenticationMode.MutualCertificate && version.isWsSecurity11()) {
            return AuthenticationMode.Family.SYMMETRIC;
        }
        return mode.family();
    }

    /** Whether the created WCF element supports duplex shapes ({@code SupportsDuplex}). */
    public boolean supportsDuplex() {
        switch (family()) {
            case ASYMMETRIC:
            case TRANSPORT:
                return true;
            case SECURE_CONVERSATION:
                return isSessionful() || secureConversationBootstrap.map(b -> b.authenticationMode().family()
                        == AuthenticationMode.Family.TRANSPORT).orElse(false);
            default:
                return false;
        }
    }

    /** {@code <security>}: the element's name in configuration (the one source of it). */
    public static final String CONFIG_NAME = "security";

    @Override
    public String configName() {
        return CONFIG_NAME;
    }

    @Override
    public ShapeRule shapeRule() {
        ShapeRule.Builder rule = ShapeRule.layer().insertsInternalDuplex();
        if (isSessionful()) {
            return rule.factory(REQUEST_SESSION, REQUEST, REQUEST_SESSION)
                    .factory(DUPLEX_SESSION, DUPLEX, DUPLEX_SESSION)
                    .listener(REPLY_SESSION, REPLY, REPLY_SESSION)
                    .listener(DUPLEX_SESSION, DUPLEX, DUPLEX_SESSION)
                    .build();
        }
        rule.factory(OUTPUT, OUTPUT).factory(OUTPUT_SESSION, OUTPUT_SESSION)
                .factory(REQUEST, REQUEST).factory(REQUEST_SESSION, REQUEST_SESSION)
                .listener(INPUT, INPUT).listener(INPUT_SESSION, INPUT_SESSION)
                .listener(REPLY, REPLY).listener(REPLY_SESSION, REPLY_SESSION);
        if (supportsDuplex()) {
            rule.factory(DUPLEX, DUPLEX).factory(DUPLEX_SESSION, DUPLEX_SESSION)
                    .listener(DUPLEX, DUPLEX).listener(DUPLEX_SESSION, DUPLEX_SESSION);
        }
        return rule.build();
    }

    /**
     * WCF's {@code RequireSignatureConfirmation} as the mode's {@code SecurityBindingElement.Create*} factory leaves it:
     * true for {@code AnonymousForCertificate} and for {@code MutualCertificate} under WS-Security 1.1 (where it is a
     * symmetric element), false otherwise.
     */
    public static boolean defaultRequireSignatureConfirmation(AuthenticationMode mode, MessageSecurityVersion version) {
        return mode == AuthenticationMode.AnonymousForCertificate
                || mode == AuthenticationMode.MutualCertificate && version.isWsSecurity11();
    }

    /**
     * WCF's {@code RequireDerivedKeys} as the mode's factory leaves its token parameters: false for the asymmetric
     * elements ({@code CreateMutualCertificateBindingElement} under WS-Security 1.0 and
     * {@code CreateMutualCertificateDuplexBindingElement} build their {@code X509SecurityTokenParameters} with
     * {@code requireDerivedKeys=false}), true otherwise ({@code SecurityTokenParameters.defaultRequireDerivedKeys}).
     */
    public static boolean defaultRequireDerivedKeys(AuthenticationMode mode, MessageSecurityVersion version) {
        return family(mode, version) != AuthenticationMode.Family.ASYMMETRIC;
    }

    /** Builds a {@link SecurityBindingElement}, starting from WCF's defaults. */
    public static final class Builder {
        private AuthenticationMode authenticationMode = AuthenticationMode.DEFAULT;
        private boolean requireSecurityContextCancellation = true;
        private MessageSecurityVersion messageSecurityVersion = MessageSecurityVersion.DEFAULT;
        private String defaultAlgorithmSuite = SecurityAlgorithmSuite.DEFAULT;
        private boolean includeTimestamp = true;
        /** Null until set: then the mode's own default ({@link #build()}). */
        private Boolean requireDerivedKeys;
        private boolean canRenewSecurityContextToken = true;
        private SecurityHeaderLayout securityHeaderLayout = SecurityHeaderLayout.Strict;
        private SecurityKeyEntropyMode keyEntropyMode = SecurityKeyEntropyMode.CombinedEntropy;
        private MessageProtectionOrder messageProtectionOrder = MessageProtectionOrder.SignBeforeEncryptAndEncryptSignature;
        private boolean protectTokens;
        /** Null until set: then the mode's own default ({@link #build()}). */
        private Boolean requireSignatureConfirmation;
        private boolean allowSerializedSigningTokenOnReply;
        private boolean enableUnsecuredResponse;
        private boolean allowInsecureTransport;
        private LocalClientSecuritySettings localClientSettings = LocalClientSecuritySettings.defaults();
        private LocalServiceSecuritySettings localServiceSettings = LocalServiceSecuritySettings.defaults();
        private SecurityBindingElement bootstrap;

        private Builder() {
        }

        public Builder authenticationMode(AuthenticationMode v) { this.authenticationMode = v; return this; }

        public Builder requireSecurityContextCancellation(boolean v) {
            this.requireSecurityContextCancellation = v;
            return this;
        }

        public Builder messageSecurityVersion(MessageSecurityVersion v) { this.messageSecurityVersion = v; return this; }

        public Builder defaultAlgorithmSuite(String v) { this.defaultAlgorithmSuite = v; return this; }

        public Builder includeTimestamp(boolean v) { this.includeTimestamp = v; return this; }

        /**
         * Overrides the mode's default, as an explicit {@code requireDerivedKeys} attribute does in WCF
         * ({@code SecurityElementBase.ApplyConfiguration} calls {@code SetKeyDerivation} only when configured).
         */
        public Builder requireDerivedKeys(boolean v) { this.requireDerivedKeys = v; return this; }

        public Builder canRenewSecurityContextToken(boolean v) { this.canRenewSecurityContextToken = v; return this; }

        public Builder securityHeaderLayout(SecurityHeaderLayout v) { this.securityHeaderLayout = v; return this; }

        public Builder keyEntropyMode(SecurityKeyEntropyMode v) { this.keyEntropyMode = v; return this; }

        public Builder messageProtectionOrder(MessageProtectionOrder v) { this.messageProtectionOrder = v; return this; }

        public Builder protectTokens(boolean v) { this.protectTokens = v; return this; }

        /**
         * Overrides the mode's default, as an explicit {@code requireSignatureConfirmation} attribute does in WCF
         * ({@code SecurityElementBase.ApplyConfiguration} sets it only when configured).
         */
        public Builder requireSignatureConfirmation(boolean v) { this.requireSignatureConfirmation = v; return this; }

        public Builder allowSerializedSigningTokenOnReply(boolean v) {
            this.allowSerializedSigningTokenOnReply = v;
            return this;
        }

        public Builder enableUnsecuredResponse(boolean v) { this.enableUnsecuredResponse = v; return this; }

        public Builder allowInsecureTransport(boolean v) { this.allowInsecureTransport = v; return this; }

        public Builder localClientSettings(LocalClientSecuritySettings v) { this.localClientSettings = v; return this; }

        public Builder localServiceSettings(LocalServiceSecuritySettings v) { this.localServiceSettings = v; return this; }

        /**
         * The {@code <secureConversationBootstrap>}; when the mode is {@code SecureConversation} and none is given, WCF's
         * default bootstrap ({@code SspiNegotiated}) is used.
         */
        public Builder bootstrap(SecurityBindingElement v) { this.bootstrap = v; return this; }

        public SecurityBindingElement build() {
            SecurityBindingElement boot = bootstrap;
            if (boot == null && authenticationMode == AuthenticationMode.SecureConversation) {
                boot = SecurityBindingElement.defaults();
            }
            boolean signatureConfirmation = requireSignatureConfirmation != null ? requireSignatureConfirmation
                    : defaultRequireSignatureConfirmation(authenticationMode, messageSecurityVersion);
            boolean derivedKeys = requireDerivedKeys != null ? requireDerivedKeys
                    : defaultRequireDerivedKeys(authenticationMode, messageSecurityVersion);
            return new SecurityBindingElement(authenticationMode, requireSecurityContextCancellation,
                    messageSecurityVersion, defaultAlgorithmSuite, includeTimestamp, derivedKeys,
                    canRenewSecurityContextToken, securityHeaderLayout, keyEntropyMode, messageProtectionOrder,
                    protectTokens, signatureConfirmation, allowSerializedSigningTokenOnReply,
                    enableUnsecuredResponse, allowInsecureTransport, localClientSettings, localServiceSettings,
                    Optional.ofNullable(boot));
        }
    }
}
