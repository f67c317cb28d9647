package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.runtime.security.message.ServiceSecurityContext;
import io.github.wcf4j.runtime.security.message.UserNamePasswordValidator;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A listener's HTTP Basic authentication ({@code authenticationScheme="Basic"}, or a standard binding's transport
 * {@code clientCredentialType="Basic"}): every request must carry {@code Authorization: Basic base64(user:password)}
 * that the service's user-name validator accepts (WCF's {@code userNameAuthentication} with
 * {@code userNamePasswordValidationMode="Custom"}, which a self-hosted WCF service applies to HTTP Basic as well);
 * anything else is answered {@code 401} with the challenge {@code Basic realm="<realm>"}, the same for a missing, a
 * malformed and a refused credential, and never reaches the service. The caller is then {@code UserName:<name>} to
 * service code, as with a user name in the message.
 *
 * <p>The user name and password are read as UTF-8 (RFC 7617's {@code charset="UTF-8"}; plain ASCII either way). Basic
 * sends the password in clear: WCF allows it over plain HTTP only in {@code TransportCredentialOnly} mode or a custom
 * binding, and so does wcf4j.
 */
final class HttpBasicAuthentication implements HttpAuthentication {
    private final String realm;
    private final UserNamePasswordValidator validator;

    HttpBasicAuthentication(String realm, UserNamePasswordValidator validator) {
        this.realm = Objects.requireNonNull(realm, "realm");
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    @Override
    public String challenge() {
        return "Basic realm=\"" + realm.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public Optional<Caller> authenticate(String authorization) {
        if (authorization == null || authorization.length() < 6
                || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String user = decoded.substring(0, colon);
        try {
            validator.validate(user, decoded.substring(colon + 1));
        } catch (RuntimeException refused) {
            return Optional.empty();
        }
        return Optional.of(new Caller(ServiceSecurityContext.userName(user), null));
    }

    /** The {@code Authorization} value a client sends for {@code user} and {@code password}. */
    static String authorization(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }
}
