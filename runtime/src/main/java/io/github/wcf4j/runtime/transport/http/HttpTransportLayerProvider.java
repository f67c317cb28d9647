package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingTimeouts;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.github.wcf4j.runtime.security.ExpectedServiceIdentity;
import io.github.wcf4j.runtime.security.KerberosCredentials;
import io.github.wcf4j.runtime.security.ServerCertificateCheck;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.InnerStack;
import io.github.wcf4j.runtime.stack.LayerProvider;
import io.github.wcf4j.runtime.stack.RefusalRule;
import io.github.wcf4j.runtime.stack.ListenAddress;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.transport.WireTap;
import java.net.ProxySelector;
import io.github.wcf4j.binding.transport.AuthenticationScheme;
import io.github.wcf4j.runtime.security.message.ClientCredentials;
import io.github.wcf4j.runtime.security.message.ServiceCredentials;
import io.github.wcf4j.runtime.security.message.UserNameCredential;
import io.github.wcf4j.runtime.security.message.UserNamePasswordValidator;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code httpTransport} (WCF {@code HttpTransportBindingElement}): request channels on the client, a reply channel
 * listener on the service, over Netty. Binding parameters: a {@link Scheduler} (required), the {@link NettyResources}
 * (default: the process-wide ones), a {@link ListenAddress} for listeners, the encoder the encoding layer
 * contributed (default: text, SOAP 1.2 with WS-Addressing 1.0), and for clients the {@link ProxySelector} that stands
 * for the system proxy of {@code useDefaultWebProxy} (default: {@link ProxySelector#getDefault()}).
 */
public final class HttpTransportLayerProvider implements LayerProvider<HttpTransportBindingElement> {

    @Override
    public Class<HttpTransportBindingElement> elementType() {
        return HttpTransportBindingElement.class;
    }

    @Override
    public List<RefusalRule<HttpTransportBindingElement>> refusals() {
        return HttpTransportRefusals.RULES;
    }

    @Override
    public <C extends Channel> ChannelFactory<C> factory(HttpTransportBindingElement e, ChannelType<C> type,
            InnerStack inner, BindingParameters p) {
        return requestChannelFactory(type, "http", e, null, p);
    }

    @Override
    public <C extends Channel> ChannelListener<C> listener(HttpTransportBindingElement e, ChannelType<C> type,
            InnerStack inner, BindingParameters p) {
        return replyChannelListener(type, e, HttpListenSettings.of(e, null, false, tap(p), getHandler(p)), p);
    }

    static <C extends Channel> ChannelFactory<C> requestChannelFactory(ChannelType<C> type, String scheme,
            HttpTransportBindingElement e, TlsSettings tls, BindingParameters p) {
        Duration send = p.find(Binding.class).map(b -> b.timeouts().sendTimeout()).orElse(Duration.ofMinutes(1));
        int connectMillis = (int) Math.min(Math.max(send.toMillis(), 1), Integer.MAX_VALUE);
        HttpClientSettings settings = HttpClientSettings.of(e, p.find(ProxySelector.class).orElse(null), connectMillis,
                tls, tap(p), scheme.equals("https") ? p.find(ServerCertificateCheck.class).orElse(null) : null);
        if (e.authenticationScheme().equals(java.util.Set.of(AuthenticationScheme.Digest))) {
            UserNameCredential user = userName(p, "Digest");
            settings = settings.withAuthentication(new HttpDigestClient(user.userName(), user.password()));
        } else if (e.authenticationScheme().contains(AuthenticationScheme.Basic)) {
            settings = settings.withAuthentication(HttpClientAuthentication.basic(basicAuthorization(p)));
        } else if (e.authenticationScheme().contains(AuthenticationScheme.Negotiate)) {
            settings = settings.withAuthentication(new HttpNegotiateClient(kerberos(p), () -> notConfigured("client"),
                    p.find(ExpectedServiceIdentity.class).orElseGet(ExpectedServiceIdentity::ofAddress)));
        }
        if (e.proxyAuthenticationScheme() == AuthenticationScheme.Basic) {
            // WCF's proxy token provider for Basic: the same ClientCredentials.UserName
            UserNameCredential user = userName(p, "proxyAuthenticationScheme", "Basic");
            String basic = HttpBasicAuthentication.authorization(user.userName(), user.password());
            settings = settings.withProxyAuthorization((proxyHost, method, target) -> basic);
        } else if (e.proxyAuthenticationScheme() == AuthenticationScheme.Digest) {
            // the same ClientCredentials.UserName as Digest to the service; answered after the proxy's 407
            UserNameCredential user = userName(p, "proxyAuthenticationScheme", "Digest");
            settings = settings.withProxyAuthorization(new HttpDigestProxyClient(user.userName(), user.password()));
        } else if (e.proxyAuthenticationScheme() == AuthenticationScheme.Negotiate) {
            // the client's Kerberos identity, a fresh SPNEGO token for the proxy's HTTP/<host> per request or tunnel
            KerberosCredentials own = kerberos(p).orElseThrow(() -> notConfigured("client"));
            settings = settings.withProxyAuthorization((proxyHost, method, target) ->
                    HttpNegotiateClient.proxyAuthorization(own, proxyHost));
        }
        return new HttpRequestChannelFactory<>(type, scheme, resources(p), settings, encoder(p),
                p.require(Scheduler.class),
                e.manualAddressing());
    }

    static <C extends Channel> ChannelListener<C> replyChannelListener(ChannelType<C> type,
            HttpTransportBindingElement e, HttpListenSettings settings, BindingParameters p) {
        Duration receive = p.find(Binding.class).map(b -> b.timeouts().receiveTimeout())
                .orElse(BindingTimeouts.DEFAULT_RECEIVE_TIMEOUT);
        HttpListenSettings listen = settings.withRequestReadTimeout(receive);
        if (e.authenticationScheme().equals(java.util.Set.of(AuthenticationScheme.Digest))) {
            listen = listen.withAuthentication(new HttpDigestAuthentication(e.realm(), digestPasswords(p),
                    p.find(java.time.Clock.class).orElse(java.time.Clock.systemUTC())));
        } else if (e.authenticationScheme().contains(AuthenticationScheme.Basic)) {
            listen = listen.withAuthentication(new HttpBasicAuthentication(e.realm(), basicValidator(p)));
        } else if (e.authenticationScheme().contains(AuthenticationScheme.Negotiate)) {
            listen = listen.withAuthentication(new HttpNegotiateAuthentication(kerberos(p),
                    () -> notConfigured("service")));
        }
        return new HttpReplyChannelListener<>(type, HttpServerRegistry.of(resources(p)),
                p.require(ListenAddress.class), listen, encoder(p),
                p.require(Scheduler.class));
    }

    /** HTTP Basic's header for the client's user name (WCF's {@code ClientCredentials.UserName}, set in code). */
    private static String basicAuthorization(BindingParameters p) {
        UserNameCredential user = userName(p, "Basic");
        return HttpBasicAuthentication.authorization(user.userName(), user.password());
    }

    /** The client's user name and password for the HTTP {@code scheme} (set in code, as in WCF). */
    private static UserNameCredential userName(BindingParameters p, String scheme) {
        return userName(p, "authenticationScheme", scheme);
    }

    /** The client's user name and password for {@code setting} (authenticationScheme, proxyAuthenticationScheme). */
    private static UserNameCredential userName(BindingParameters p, String setting, String scheme) {
        return p.find(ClientCredentials.class).flatMap(ClientCredentials::userName)
                .orElseThrow(() -> new IllegalStateException(setting + "=\"" + scheme + "\": the client's"
                        + " user name and password are not set (ClientCredentials.UserName, given in code as in WCF),"
                        + " so no request is sent without the authentication the binding demands."));
    }

    /** Negotiate's Kerberos identity: the binding parameter, else the {@code wcf4j.kerberos} setting. */
    private static Optional<KerberosCredentials> kerberos(BindingParameters p) {
        return p.find(KerberosCredentials.class).or(KerberosCredentials::fromSetting);
    }

    /** Why a {@code role} ("client", "service") that negotiates without a Kerberos identity does not open. */
    private static IllegalStateException notConfigured(String role) {
        return new IllegalStateException("authenticationScheme=\"Negotiate\" (a transport"
                        + " clientCredentialType=\"Windows\"): this " + role + " authenticates HTTP requests with"
                        + " Windows credentials, which wcf4j runs as Kerberos through JGSS (SPNEGO); no Kerberos"
                        + " identity is configured, so it is not opened (never as anonymous, never with NTLM). Set the"
                        + " system property " + KerberosCredentials.SETTING + " (or the environment variable "
                        + KerberosCredentials.ENVIRONMENT + ") to a properties file naming krb5.conf, principal and"
                        + " keytab (or ticketCache, or jaas.entry); see the README, \"Windows authentication\".");
    }

    /** The passwords HTTP Digest checks callers' responses with: the {@link HttpDigestPasswords} binding parameter. */
    private static HttpDigestPasswords digestPasswords(BindingParameters p) {
        return p.find(HttpDigestPasswords.class).orElseThrow(() -> new IllegalStateException("authenticationScheme="
                + "\"Digest\" (a transport clientCredentialType=\"Digest\"): the service must know its users'"
                + " passwords to check a Digest response (which never carries the password; Windows keeps them in the"
                + " domain), and no HttpDigestPasswords binding parameter is given, so it does not open rather than"
                + " serve callers it cannot authenticate. A UserNamePasswordValidator cannot serve Digest: it only"
                + " checks a password it is given."));
    }

    /** The validator HTTP Basic checks callers with: the service's user-name validator. */
    private static UserNamePasswordValidator basicValidator(BindingParameters p) {
        return p.find(ServiceCredentials.class).flatMap(ServiceCredentials::userNameValidator)
                .orElseThrow(() -> new IllegalStateException("authenticationScheme=\"Basic\": the service has no"
                        + " user name validator (<userNameAuthentication userNamePasswordValidationMode=\"Custom\""
                        + " customUserNamePasswordValidatorType=\"...\"/>, or ServiceCredentials in code), so it"
                        + " does not open rather than serve callers it cannot authenticate."));
    }

    static WireTap tap(BindingParameters p) {
        return p.find(WireTap.class).orElse(null);
    }

    static HttpGetHandler getHandler(BindingParameters p) {
        return p.find(HttpGetHandler.class).orElse(null);
    }

    private static NettyResources resources(BindingParameters p) {
        return p.find(NettyResources.class).orElseGet(NettyResources::shared);
    }

    private static TextMessageEncoder encoder(BindingParameters p) {
        return p.find(TextMessageEncoder.class).orElseGet(TextMessageEncoder::defaultEncoder);
    }
}
