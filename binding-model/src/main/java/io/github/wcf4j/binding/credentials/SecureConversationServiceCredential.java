package io.github.wcf4j.binding.credentials;

import io.github.wcf4j.binding.ArgumentChecks;

/**
 * {@code <serviceCredentials><secureConversationAuthentication>} (WCF {@code SecureConversationServiceCredential}).
 *
 * @param securityStateEncoderType how cookie-mode security context tokens are protected, a .NET type name as written;
 *                                 {@code ""} is WCF's DPAPI encoder
 */
public record SecureConversationServiceCredential(String securityStateEncoderType) {
    public SecureConversationServiceCredential {
        ArgumentChecks.notNull(securityStateEncoderType, "securityStateEncoderType");
    }

    public static SecureConversationServiceCredential defaults() {
        return new SecureConversationServiceCredential("");
    }
}
