package io.github.wcf4j.runtime.security.message;

import java.util.Objects;

/**
 * A client's user name and password (WCF {@code ClientCredentials.UserName}), sent as a {@code UsernameToken} with a
 * plain-text password: only over a transport that protects it (HTTPS), as WCF's {@code UserNameOverTransport}.
 */
public record UserNameCredential(String userName, String password) {
    public UserNameCredential {
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "UserNameCredential[" + userName + "]";
    }
}
