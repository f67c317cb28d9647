package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.channel.SecurityNegotiationException;
import io.github.wcf4j.runtime.security.ExpectedServiceIdentity;
import io.github.wcf4j.runtime.security.KerberosCredentials;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import io.github.wcf4j.runtime.security.message.SpnegoHandshake;
import java.net.URI;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A client's HTTP Negotiate authentication (RFC 4559) over Kerberos: every request carries a fresh SPNEGO token for
 * the endpoint's service principal ({@link ExpectedServiceIdentity#kerberosTarget}: the {@code <identity>}'s SPN or
 * UPN, else WCF's {@code host/<address host>}), and its response must carry the service's mutual-authentication token
 * in {@code WWW-Authenticate: Negotiate <token>}, which completes the context; a response without it, or with one that
 * does not complete it, is refused with WCF's {@code HttpMutualAuthNotSatisfied} (its {@code MutualAuthRequired} level,
 * which WCF asks for when NTLM is not allowed: wcf4j never allows it).
 *
 * <p>WCF's client ({@code HttpWebRequest}, which pre-authenticates Basic only) sends a Negotiate request without
 * credentials first and again with a token after the service's {@code 401}; wcf4j sends the token with the first
 * request, which HTTP.sys and a wcf4j service accept alike, and spares the round trip and a second copy of the body.
 * The service ticket is obtained once and cached in the client's Kerberos subject; creating the token contacts the KDC
 * only then. NTLM is never offered.
 */
final class HttpNegotiateClient implements HttpClientAuthentication {
    private final Optional<KerberosCredentials> configured;
    private final Supplier<RuntimeException> notConfigured;
    private final ExpectedServiceIdentity identity;

    /**
     * @param credentials   the client's Kerberos identity, if one is configured
     * @param notConfigured the error of {@link #open()} when none is
     * @param identity      the endpoint's identity, which names the service principal
     */
    HttpNegotiateClient(Optional<KerberosCredentials> credentials, Supplier<RuntimeException> notConfigured,
            ExpectedServiceIdentity identity) {
        this.configured = Objects.requireNonNull(credentials, "credentials");
        this.notConfigured = Objects.requireNonNull(notConfigured, "notConfigured");
        this.identity = Objects.requireNonNull(identity, "identity");
    }

    /**
     * A {@code Proxy-Authorization: Negotiate <token>} for the HTTP proxy on {@code proxyHost}: a fresh SPNEGO token
     * for {@code HTTP/<proxyHost>}, as .NET's {@code HttpWebRequest} targets a proxy. The proxy's answer is not checked
     * for mutual authentication (proxies send none).
     *
     * @throws MessageSecurityException when no ticket can be had for the proxy (nothing is sent)
     */
    static String proxyAuthorization(KerberosCredentials credentials, String proxyHost) {
        String target = "HTTP/" + proxyHost;
        SpnegoHandshake initiator = SpnegoHandshake.initiator(credentials, target, "http://" + proxyHost, false);
        try {
            return HttpNegotiateAuthentication.SCHEME + " " + Base64.getEncoder().encodeToString(
                    initiator.step(new byte[0]));
        } catch (MessageSecurityException e) {
            throw new MessageSecurityException("The HTTP proxy '" + proxyHost + "' cannot be authenticated to with"
                    + " Negotiate: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        } finally {
            initiator.dispose();
        }
    }

    /** Logs in (a ticket-granting ticket): a client without a Kerberos identity, or whose login fails, does not open. */
    @Override
    public void open() {
        configured.orElseThrow(notConfigured).subject(true);
    }

    @Override
    public Attempt start(URI to) {
        KerberosCredentials credentials = configured.orElseThrow(notConfigured);
        // WCF's HttpTransportSecurityHelpers.AddIdentityMapping: a certificate identity names no principal
        String target = (identity.certificate().isPresent() ? ExpectedServiceIdentity.ofAddress() : identity)
                .kerberosTarget(to);
        SpnegoHandshake initiator;
        byte[] token;
        try {
            initiator = SpnegoHandshake.initiator(credentials, target, to.toString(), false);
            token = initiator.step(new byte[0]);
        } catch (MessageSecurityException e) {
            throw new MessageSecurityException("The HTTP request to '" + to + "' cannot be authenticated with"
                    + " Negotiate: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
        String authorization = HttpNegotiateAuthentication.SCHEME + " " + Base64.getEncoder().encodeToString(token);
        return new Attempt() {
            @Override
            public String authorization() {
                return authorization;
            }

            @Override
            public void verify(HttpResponseData response) {
                try {
                    byte[] reply = HttpNegotiateAuthentication.token(response.wwwAuthenticate());
                    if (reply == null) {
                        throw notSatisfied("its HTTP response carries no Negotiate token (WWW-Authenticate)", null);
                    }
                    try {
                        initiator.step(reply);
                    } catch (MessageSecurityException e) {
                        throw notSatisfied("its Negotiate token was refused: " + (e.getCause() != null
                                ? e.getCause().getMessage() : e.getMessage()), e);
                    }
                    if (!initiator.complete()) {
                        throw notSatisfied("its Negotiate token does not complete the authentication", null);
                    }
                } finally {
                    initiator.dispose();
                }
            }

            /**
             * WCF's {@code HttpMutualAuthNotSatisfied}: wcf4j requires mutual authentication as WCF does when NTLM is not
             * allowed ({@code MutualAuthRequired}); without NTLM, Kerberos always gives it.
             */
            private SecurityNegotiationException notSatisfied(String why, Exception cause) {
                return new SecurityNegotiationException(WcfText.HttpMutualAuthNotSatisfied.format(),
                        new MessageSecurityException("The service at '" + to + "' did not prove itself as '" + target
                                + "': " + why + ".", cause));
            }
        };
    }
}
