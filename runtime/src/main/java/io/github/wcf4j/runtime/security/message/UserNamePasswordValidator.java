package io.github.wcf4j.runtime.security.message;

/**
 * Checks the user name and password of a {@code UsernameToken} (WCF
 * {@code System.IdentityModel.Selectors.UserNamePasswordValidator}, the type a configuration's
 * {@code customUserNamePasswordValidatorType} names):
 *
 * <pre>{@code
 * UserNamePasswordValidator v = (user, password) -> {
 *     if (!users.matches(user, password)) {
 *         throw new SecurityTokenValidationException("Unknown user name or incorrect password");
 *     }
 * };
 * }</pre>
 *
 * <p>It runs for every request, before the operation; a request whose token it refuses is never dispatched.
 */
@FunctionalInterface
public interface UserNamePasswordValidator {
    /**
     * Returns normally when {@code userName} and {@code password} are valid.
     *
     * @throws SecurityTokenValidationException when they are not
     */
    void validate(String userName, String password);
}
