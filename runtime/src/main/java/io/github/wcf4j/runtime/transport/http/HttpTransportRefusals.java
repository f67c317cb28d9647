package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.binding.WcfTimeSpan;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.binding.stack.Side;
import io.github.wcf4j.binding.transport.AuthenticationScheme;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.binding.transport.WebSocketTransportUsage;
import io.github.wcf4j.runtime.security.KerberosCredentials;
import io.github.wcf4j.runtime.stack.RefusalRule;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the HTTP transport does not run yet, as data (for {@code httpTransport} and {@code httpsTransport} alike).
 * Authentication above all: a service whose configuration demands HTTP authentication must never be served, nor a
 * client call made, without it. Basic ({@link HttpBasicAuthentication}) and Negotiate ({@link
 * HttpNegotiateAuthentication}, also as IntegratedWindowsAuthentication) and Digest ({@link
 * HttpDigestAuthentication}, {@link HttpDigestClient}) run; Ntlm alone is refused naming what to configure instead,
 * other combinations are refused. To a proxy ({@code proxyAuthenticationScheme}) Basic, Digest ({@link
 * HttpDigestProxyClient}) and Negotiate run, Ntlm is refused naming what to configure instead. A standard binding's transport
 * {@code clientCredentialType} (Windows, Basic, Digest, Ntlm) becomes such a scheme when the binding expands.
 */
final class HttpTransportRefusals {
    /**
     * The schemes that run: {@code IntegratedWindowsAuthentication} (Negotiate | Ntlm) runs as Negotiate, whose only
     * mechanism on the JVM is Kerberos.
     */
    private static final Set<Set<AuthenticationScheme>> RUNNABLE = Set.of(Set.of(AuthenticationScheme.Anonymous),
            Set.of(AuthenticationScheme.Basic), Set.of(AuthenticationScheme.Digest), Set.of(AuthenticationScheme.Negotiate),
            Set.of(AuthenticationScheme.Negotiate, AuthenticationScheme.Ntlm));

    static final List<RefusalRule<HttpTransportBindingElement>> RULES = List.of(
            RefusalRule.when("authenticationScheme",
                    e -> e.authenticationScheme().equals(Set.of(AuthenticationScheme.Ntlm)),
                    e -> "authenticationScheme=\"Ntlm\" (a transport clientCredentialType=\"Ntlm\"): NTLM cannot be"
                            + " verified by a JVM without a domain controller, and wcf4j never falls back to an"
                            + " unauthenticated call, so this endpoint is refused. Configure Negotiate instead"
                            + " (authenticationScheme=\"Negotiate\" or \"IntegratedWindowsAuthentication\", or"
                            + " clientCredentialType=\"Windows\"), which wcf4j runs as Kerberos: a Kerberos identity"
                            + " from the " + KerberosCredentials.SETTING + " setting on both sides, and the service's"
                            + " principal (SPN) in the client endpoint's <identity> or WCF's default host/<address host>."),
            RefusalRule.when("authenticationScheme",
                    e -> !RUNNABLE.contains(e.authenticationScheme())
                            && !e.authenticationScheme().equals(Set.of(AuthenticationScheme.Ntlm)),
                    e -> "authenticationScheme=\"" + schemes(e.authenticationScheme()) + "\": of HTTP authentication"
                            + " wcf4j runs Basic (checked by the service's userNameAuthentication validator), Digest,"
                            + " and Negotiate/IntegratedWindowsAuthentication (Kerberos) only yet; other combinations of schemes are not implemented, so this endpoint is refused rather"
                            + " than served or called without the authentication its configuration demands."),
            RefusalRule.<HttpTransportBindingElement>when("proxyAuthenticationScheme",
                    e -> e.proxyAuthenticationScheme() == AuthenticationScheme.Ntlm,
                    e -> "proxyAuthenticationScheme=\"Ntlm\": NTLM to an HTTP proxy is not implemented by wcf4j (a"
                            + " JVM has no NTLM it could vouch for), and wcf4j never sends requests the proxy can only"
                            + " answer 407, so this client endpoint is refused. Configure the proxy for one of the"
                            + " schemes wcf4j runs instead: proxyAuthenticationScheme=\"Negotiate\" (Kerberos: a"
                            + " Kerberos identity from the " + KerberosCredentials.SETTING + " setting, a ticket for"
                            + " the proxy's HTTP/<proxy host>), \"Digest\" or \"Basic\" (the client's user name and"
                            + " password, ClientCredentials.UserName).")
                    .onlyOn(Side.CLIENT),
            RefusalRule.when("webSocketTransportUsage",
                    e -> e.webSocketTransportUsage() == WebSocketTransportUsage.Always,
                    e -> "webSocketTransportUsage=\"Always\": WebSockets are not implemented by wcf4j yet, so this"
                            + " endpoint is refused."),
            RefusalRule.<HttpTransportBindingElement>when("webSocketTransportUsage",
                    e -> e.webSocketTransportUsage() == WebSocketTransportUsage.WhenDuplex,
                    e -> "webSocketTransportUsage=\"WhenDuplex\" with a duplex contract: WCF carries its messages"
                            + " over WebSockets, which wcf4j does not implement yet, so this endpoint is refused"
                            + " (request/reply and one-way contracts run over plain HTTP).")
                    .onlyFor(ChannelShape.DUPLEX_SESSION),
            RefusalRule.<HttpTransportBindingElement>when("requestInitializationTimeout",
                    e -> !e.requestInitializationTimeout().isZero(),
                    e -> "requestInitializationTimeout=\"" + WcfTimeSpan.format(e.requestInitializationTimeout())
                            + "\": a separate deadline for a request to arrive is not implemented by wcf4j yet (only"
                            + " the binding's receiveTimeout bounds it), so this endpoint is refused rather than served"
                            + " with a weaker limit than configured.").onlyOn(Side.SERVICE));

    private HttpTransportRefusals() {
    }

    private static String schemes(Set<AuthenticationScheme> schemes) {
        return schemes.isEmpty() ? "None"
                : schemes.stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
    }
}
