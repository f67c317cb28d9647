package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.transport.AuthenticationScheme;
import io.github.wcf4j.binding.transport.HostNameComparisonMode;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.binding.transport.TransferMode;
import io.github.wcf4j.binding.transport.TransportBindingElement;
import io.github.wcf4j.config.read.ConfigContext;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** {@code <httpTransport>} with every attribute of WCF's {@code TransportElement} and {@code HttpTransportElement}. */
public class HttpTransportXml extends BindingElementXml {
    /** {@code System.Net.AuthenticationSchemes} names in value order. */
    static final List<String> AUTHENTICATION_SCHEMES = List.of("None", "Digest", "Negotiate", "Ntlm",
            "IntegratedWindowsAuthentication", "Basic", "Anonymous");

    @JacksonXmlProperty(isAttribute = true) public String manualAddressing;
    @JacksonXmlProperty(isAttribute = true) public String maxBufferPoolSize;
    @JacksonXmlProperty(isAttribute = true) public String maxReceivedMessageSize;
    @JacksonXmlProperty(isAttribute = true) public String allowCookies;
    @JacksonXmlProperty(isAttribute = true) public String requestInitializationTimeout;
    @JacksonXmlProperty(isAttribute = true) public String authenticationScheme;
    @JacksonXmlProperty(isAttribute = true) public String bypassProxyOnLocal;
    @JacksonXmlProperty(isAttribute = true) public String decompressionEnabled;
    @JacksonXmlProperty(isAttribute = true) public String hostNameComparisonMode;
    @JacksonXmlProperty(isAttribute = true) public String keepAliveEnabled;
    @JacksonXmlProperty(isAttribute = true) public String maxBufferSize;
    @JacksonXmlProperty(isAttribute = true) public String maxPendingAccepts;
    @JacksonXmlProperty(isAttribute = true) public String proxyAddress;
    @JacksonXmlProperty(isAttribute = true) public String proxyAuthenticationScheme;
    @JacksonXmlProperty(isAttribute = true) public String realm;
    @JacksonXmlProperty(isAttribute = true) public String transferMode;
    @JacksonXmlProperty(isAttribute = true) public String unsafeConnectionNtlmAuthentication;
    @JacksonXmlProperty(isAttribute = true) public String useDefaultWebProxy;
    public ExtendedProtectionPolicyXml extendedProtectionPolicy;
    public WebSocketSettingsXml webSocketSettings;
    public OpaqueXml messageHandlerFactory;

    @Override
    public BindingElement toModel(ConfigContext ctx) {
        return ctx.build(this, () -> http(ctx), HttpTransportBindingElement::defaults);
    }

    /** The HTTP settings (shared with {@code <httpsTransport>}). */
    HttpTransportBindingElement http(ConfigContext ctx) {
        ExtendedProtectionPolicyXml.report(extendedProtectionPolicy, ctx, elementName());
        HttpTransportBindingElement.Builder b = HttpTransportBindingElement.builder()
                .manualAddressing(ctx.bool(this, "manualAddressing", manualAddressing, false))
                .maxBufferPoolSize(ctx.int64(this, "maxBufferPoolSize", maxBufferPoolSize, 1, Long.MAX_VALUE,
                        TransportBindingElement.DEFAULT_MAX_BUFFER_POOL_SIZE))
                .maxReceivedMessageSize(ctx.int64(this, "maxReceivedMessageSize", maxReceivedMessageSize, 1,
                        Long.MAX_VALUE, TransportBindingElement.DEFAULT_MAX_RECEIVED_MESSAGE_SIZE))
                .allowCookies(ctx.bool(this, "allowCookies", allowCookies, false))
                .requestInitializationTimeout(ctx.timeout(this, "requestInitializationTimeout",
                        requestInitializationTimeout, Duration.ZERO))
                .authenticationScheme(schemes(ctx.flags(this, "authenticationScheme", authenticationScheme,
                        AUTHENTICATION_SCHEMES, List.of("Anonymous"))))
                .bypassProxyOnLocal(ctx.bool(this, "bypassProxyOnLocal", bypassProxyOnLocal, false))
                .decompressionEnabled(ctx.bool(this, "decompressionEnabled", decompressionEnabled, true))
                .hostNameComparisonMode(ctx.enumValue(this, "hostNameComparisonMode", hostNameComparisonMode,
                        HostNameComparisonMode.class, HostNameComparisonMode.StrongWildcard))
                .keepAliveEnabled(ctx.bool(this, "keepAliveEnabled", keepAliveEnabled, true))
                .maxPendingAccepts(ctx.int32(this, "maxPendingAccepts", maxPendingAccepts, 0, 100_000, 0))
                .proxyAddress(ctx.uri(this, "proxyAddress", proxyAddress).orElse(null))
                .proxyAuthenticationScheme(proxyScheme(ctx))
                .realm(ctx.string(this, "realm", realm, 0, ""))
                .transferMode(ctx.enumValue(this, "transferMode", transferMode, TransferMode.class,
                        TransferMode.Buffered))
                .unsafeConnectionNtlmAuthentication(ctx.bool(this, "unsafeConnectionNtlmAuthentication",
                        unsafeConnectionNtlmAuthentication, false))
                .useDefaultWebProxy(ctx.bool(this, "useDefaultWebProxy", useDefaultWebProxy, true))
                .webSocketTransportUsage(WebSocketSettingsXml.usage(webSocketSettings, ctx));
        if (maxBufferSize != null) {
            b.maxBufferSize(ctx.int32(this, "maxBufferSize", maxBufferSize, 1, Integer.MAX_VALUE,
                    TransportBindingElement.DEFAULT_MAX_BUFFER_SIZE));
        }
        return b.build();
    }

    /** {@code AuthenticationSchemes} flags as a set; {@code None} is empty. */
    static Set<AuthenticationScheme> schemes(List<String> names) {
        Set<AuthenticationScheme> set = EnumSet.noneOf(AuthenticationScheme.class);
        for (String n : names) {
            if (n.equals("IntegratedWindowsAuthentication")) {
                set.add(AuthenticationScheme.Negotiate);
                set.add(AuthenticationScheme.Ntlm);
            } else if (!n.equals("None")) {
                set.add(AuthenticationScheme.valueOf(n));
            }
        }
        return set;
    }

    /**
     * {@code proxyAuthenticationScheme}: exactly one scheme. WCF's setter refuses any other value
     * ({@code AuthenticationSchemesHelper.IsSingleton}): {@code IntegratedWindowsAuthentication} (Negotiate | Ntlm) and
     * {@code None} are its {@code HttpProxyRequiresSingleAuthScheme} error, never read as Anonymous.
     */
    private AuthenticationScheme proxyScheme(ConfigContext ctx) {
        String name = ctx.enumName(this, "proxyAuthenticationScheme", proxyAuthenticationScheme,
                AUTHENTICATION_SCHEMES, "Anonymous");
        if (schemes(List.of(name)).size() != 1) {
            ctx.error(this, WcfText.HttpProxyRequiresSingleAuthScheme, name);
        }
        return singleScheme(name);
    }

    private static AuthenticationScheme singleScheme(String name) {
        Set<AuthenticationScheme> s = schemes(List.of(name));
        return s.size() == 1 ? s.iterator().next() : AuthenticationScheme.Anonymous;
    }
}
