package io.github.wcf4j.binding.security;

/**
 * The WS-Security / WS-Trust / WS-SecureConversation / WS-SecurityPolicy versions of message security (WCF
 * {@code MessageSecurityVersion}); config literals as WCF's {@code MessageSecurityVersionConverter} accepts them, where
 * {@code Default} means {@link #WSSecurity11WSTrustFebruary2005WSSecureConversationFebruary2005WSSecurityPolicy11}.
 */
public enum MessageSecurityVersion {
    WSSecurity11WSTrustFebruary2005WSSecureConversationFebruary2005WSSecurityPolicy11,
    WSSecurity10WSTrustFebruary2005WSSecureConversationFebruary2005WSSecurityPolicy11BasicSecurityProfile10,
    WSSecurity11WSTrustFebruary2005WSSecureConversationFebruary2005WSSecurityPolicy11BasicSecurityProfile10,
    WSSecurity10WSTrust13WSSecureConversation13WSSecurityPolicy12BasicSecurityProfile10,
    WSSecurity11WSTrust13WSSecureConversation13WSSecurityPolicy12,
    WSSecurity11WSTrust13WSSecureConversation13WSSecurityPolicy12BasicSecurityProfile10;

    /** {@code MessageSecurityVersion.Default}. */
    public static final MessageSecurityVersion DEFAULT =
            WSSecurity11WSTrustFebruary2005WSSecureConversationFebruary2005WSSecurityPolicy11;

    /** Whether the WS-Security version is 1.1 (the name starts {@code WSSecurity11}), else 1.0. */
    public boolean isWsSecurity11() {
        return name().startsWith("WSSecurity11");
    }

    /** Whether the policy dialect is WS-SecurityPolicy 1.2 (with WS-Trust 1.3), else 1.1 (WS-Trust February 2005). */
    public boolean isSecurityPolicy12() {
        return name().contains("WSSecurityPolicy12");
    }
}
