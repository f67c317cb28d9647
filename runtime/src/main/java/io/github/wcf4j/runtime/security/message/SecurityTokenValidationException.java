package io.github.wcf4j.runtime.security.message;

/**
 * A security token was rejected (WCF {@code System.IdentityModel.Tokens.SecurityTokenValidationException}): thrown by a
 * {@link UserNamePasswordValidator} for a wrong user name or password, and by the certificate trust check. The service
 * answers with WCF's {@code FailedAuthentication} fault; the message stays in the service's log.
 */
public class SecurityTokenValidationException extends RuntimeException {
    public SecurityTokenValidationException(String message) {
        super(message);
    }

    public SecurityTokenValidationException(String message, Throwable cause) {
        super(message, cause);
    }
}
