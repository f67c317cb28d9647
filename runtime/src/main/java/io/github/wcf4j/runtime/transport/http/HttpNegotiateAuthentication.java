package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.runtime.security.KerberosCredentials;
import io.github.wcf4j.runtime.security.message.ServiceSecurityContext;
import io.github.wcf4j.runtime.security.message.SpnegoHandshake;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listener's HTTP Negotiate authentication (RFC 4559; {@code authenticationScheme="Negotiate"} or
 * {@code IntegratedWindowsAuthentication}, a standard binding's transport {@code clientCredentialType="Windows"}): a
 * request must carry {@code Authorization: Negotiate <base64 SPNEGO token>} that the service's Kerberos keys accept
 * ({@link SpnegoHandshake}'s acceptor, the same one SspiNegotiated runs); the response then carries the acceptor's
 * mutual-authentication token in {@code WWW-Authenticate: Negotiate <token>}, as HTTP.sys sends it, and the Kerberos
 * client principal is the caller ({@code Kerberos:alice@EXAMPLE.COM}). Anything else, a missing, malformed, replayed
 * or refused token, and a client that offers NTLM only, is answered {@code 401 WWW-Authenticate: Negotiate}.
 *
 * <p>Each request is authenticated on its own, with a fresh acceptor context: Kerberos completes in one leg, so no
 * connection affinity is needed (HTTP.sys' per-request Kerberos, {@code authPersistNonNTLM=false}); a multi-leg
 * exchange, which only NTLM would need, is refused. The JVM's replay cache refuses a token seen before.
 */
final class HttpNegotiateAuthentication implements HttpAuthentication {
    static final String SCHEME = "Negotiate";
    private static final Logger LOG = LoggerFactory.getLogger(HttpNegotiateAuthentication.class);

    private final Optional<KerberosCredentials> configured;
    private final Supplier<RuntimeException> notConfigured;
    private volatile KerberosCredentials credentials;

    /**
     * @param credentials   the service's Kerberos identity, if one is configured
     * @param notConfigured the error of {@link #open()} when none is
     */
    HttpNegotiateAuthentication(Optional<KerberosCredentials> credentials, Supplier<RuntimeException> notConfigured) {
        this.configured = Objects.requireNonNull(credentials, "credentials");
        this.notConfigured = Objects.requireNonNull(notConfigured, "notConfigured");
    }

    /** Logs in: a service without Kerberos keys, or whose keys cannot be had, does not open. */
    @Override
    public void open() {
        KerberosCredentials c = configured.orElseThrow(notConfigured);
        SpnegoHandshake.acceptorCredentials(c);
        credentials = c;
    }

    @Override
    public String challenge() {
        return SCHEME;
    }

    @Override
    public Optional<Caller> authenticate(String authorization) {
        byte[] token = token(authorization);
        if (token == null) {
            return Optional.empty();
        }
        if (SpnegoHandshake.ntlmOnly(token)) {
            LOG.warn("An HTTP request offered NTLM only: wcf4j authenticates Windows callers with Kerberos (a JVM cannot"
                    + " verify NTLM without a domain controller); the client must obtain a Kerberos ticket for this"
                    + " service's principal (its endpoint identity, an SPN). Answered 401.");
            return Optional.empty();
        }
        KerberosCredentials own = credentials;
        if (own == null) {
            return Optional.empty(); // not open
        }
        SpnegoHandshake acceptor = SpnegoHandshake.acceptor(own);
        try {
            byte[] out = acceptor.step(token);
            if (!acceptor.complete()) {
                LOG.debug("401: a Negotiate exchange that needs more than one leg (Kerberos needs one)");
                return Optional.empty();
            }
            return Optional.of(new Caller(ServiceSecurityContext.kerberos(acceptor.peer()),
                    out.length == 0 ? null : SCHEME + " " + Base64.getEncoder().encodeToString(out)));
        } catch (RuntimeException refused) {
            LOG.debug("401: {}", refused.getMessage());
            return Optional.empty();
        } finally {
            acceptor.dispose();
        }
    }

    /** The token of {@code Negotiate <base64>}, or {@code null}. */
    static byte[] token(String header) {
        if (header == null || header.length() <= SCHEME.length() + 1
                || !header.regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1)) {
            return null;
        }
        try {
            byte[] token = Base64.getDecoder().decode(header.substring(SCHEME.length() + 1).trim());
            return token.length == 0 ? null : token;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
