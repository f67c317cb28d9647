package io.github.wcf4j.binding.transport;

import static io.github.wcf4j.binding.stack.ChannelShape.DUPLEX_SESSION;
import static io.github.wcf4j.binding.stack.ChannelShape.REPLY;
import static io.github.wcf4j.binding.stack.ChannelShape.REQUEST;

import io.github.wcf4j.binding.ArgumentChecks;
import io.github.wcf4j.binding.BindingValidationException;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.binding.stack.ShapeRule;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.OptionalInt;
import java.util.Set;

/**
 * HTTP/1.1 transport (WCF {@code HttpTransportBindingElement}, config {@code <httpTransport>}).
 *
 * <p>Builds {@code IRequestChannel} (client) and {@code IReplyChannel} (service); with WebSockets
 * ({@link #webSocketTransportUsage()} other than {@code Never}) WCF also offers {@code IDuplexSessionChannel}, which
 * wcf4j does not implement. {@link #maxBufferSize()} is empty unless set explicitly, in which case WCF uses it; otherwise
 * {@link #effectiveMaxBufferSize()} follows {@link #maxReceivedMessageSize()} in buffered mode, as WCF's getter does.
 *
 * <pre>{@code
 * HttpTransportBindingElement http = HttpTransportBindingElement.builder()
 *     .maxReceivedMessageSize(1 << 20)
 *     .hostNameComparisonMode(HostNameComparisonMode.Exact)
 *     .build();
 * }</pre>
 */
public record HttpTransportBindingElement(
        boolean manualAddressing,
        long maxBufferPoolSize,
        long maxReceivedMessageSize,
        OptionalInt maxBufferSize,
        boolean allowCookies,
        Set<AuthenticationScheme> authenticationScheme,
        boolean bypassProxyOnLocal,
        boolean decompressionEnabled,
        HostNameComparisonMode hostNameComparisonMode,
        boolean keepAliveEnabled,
        int maxPendingAccepts,
        URI proxyAddress,
        AuthenticationScheme proxyAuthenticationScheme,
        String realm,
        Duration requestInitializationTimeout,
        TransferMode transferMode,
        boolean unsafeConnectionNtlmAuthentication,
        boolean useDefaultWebProxy,
        WebSocketTransportUsage webSocketTransportUsage) implements TransportBindingElement {

    /** {@code Anonymous}. */
    public static final Set<AuthenticationScheme> DEFAULT_AUTHENTICATION_SCHEME = Set.of(AuthenticationScheme.Anonymous);
    /** {@code StrongWildcard}. */
    public static final HostNameComparisonMode DEFAULT_HOST_NAME_COMPARISON_MODE = HostNameComparisonMode.StrongWildcard;
    /** {@code 0}: the listener picks (WCF uses 10 at run time); valid 0..100000. */
    public static final int DEFAULT_MAX_PENDING_ACCEPTS = 0;
    /** Upper bound of {@link #maxPendingAccepts()}. */
    public static final int MAX_PENDING_ACCEPTS_LIMIT = 100_000;
    /** {@code "00:00:00"}. */
    public static final Duration DEFAULT_REQUEST_INITIALIZATION_TIMEOUT = Duration.ZERO;

    public HttpTransportBindingElement {
        ArgumentChecks.nonNegative(maxBufferPoolSize, "maxBufferPoolSize");
        ArgumentChecks.positive(maxReceivedMessageSize, "maxReceivedMessageSize");
        ArgumentChecks.notNull(maxBufferSize, "maxBufferSize");
        maxBufferSize.ifPresent(v -> ArgumentChecks.positive(v, "maxBufferSize"));
        authenticationScheme = authenticationScheme.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(authenticationScheme));
        ArgumentChecks.notNull(hostNameComparisonMode, "hostNameComparisonMode");
        if (maxPendingAccepts < 0) {
            throw new BindingValidationException(WcfText.ValueMustBeNonNegative, "maxPendingAccepts");
        }
        if (maxPendingAccepts > MAX_PENDING_ACCEPTS_LIMIT) {
            throw new BindingValidationException(WcfText.ValueMustBeInRange, "maxPendingAccepts", 0,
                    MAX_PENDING_ACCEPTS_LIMIT);
        }
        ArgumentChecks.notNull(proxyAuthenticationScheme, "proxyAuthenticationScheme");
        ArgumentChecks.notNull(realm, "realm");
        ArgumentChecks.nonNegativeTimeout(requestInitializationTimeout, "requestInitializationTimeout");
        ArgumentChecks.notNull(transferMode, "transferMode");
        ArgumentChecks.notNull(webSocketTransportUsage, "webSocketTransportUsage");
    }

    public static HttpTransportBindingElement defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.manualAddressing = manualAddressing;
        b.maxBufferPoolSize = maxBufferPoolSize;
        b.maxReceivedMessageSize = maxReceivedMessageSize;
        b.maxBufferSize = maxBufferSize;
        b.allowCookies = allowCookies;
        b.authenticationScheme = authenticationScheme;
        b.bypassProxyOnLocal = bypassProxyOnLocal;
        b.decompressionEnabled = decompressionEnabled;
        b.hostNameComparisonMode = hostNameComparisonMode;
        b.keepAliveEnabled = keepAliveEnabled;
        b.maxPendingAccepts = maxPendingAccepts;
        b.proxyAddress = proxyAddress;
        b.proxyAuthenticationScheme = proxyAuthenticationScheme;
        b.realm = realm;
        b.requestInitializationTimeout = requestInitializationTimeout;
        b.transferMode = transferMode;
        b.unsafeConnectionNtlmAuthentication = unsafeConnectionNtlmAuthentication;
        b.useDefaultWebProxy = useDefaultWebProxy;
        b.webSocketTransportUsage = webSocketTransportUsage;
        return b;
    }

    /**
     * The buffer size WCF's getter returns: the explicit value when set; else, buffered, {@code
     * min(maxReceivedMessageSize, Int32.MaxValue)}; else the default {@value TransportBindingElement#DEFAULT_MAX_BUFFER_SIZE}.
     */
    public int effectiveMaxBufferSize() {
        if (maxBufferSize.isPresent()) {
            return maxBufferSize.getAsInt();
        }
        return transferMode == TransferMode.Buffered
                ? (int) Math.min(maxReceivedMessageSize, Integer.MAX_VALUE)
                : DEFAULT_MAX_BUFFER_SIZE;
    }

    @Override
    public String scheme() {
        return "http";
    }

    /** {@code <httpTransport>}: the element's name in configuration (the one source of it). */
    public static final String CONFIG_NAME = "httpTransport";

    @Override
    public String configName() {
        return CONFIG_NAME;
    }

    @Override
    public ShapeRule shapeRule() {
        return shapes(webSocketTransportUsage);
    }

    static ShapeRule shapes(WebSocketTransportUsage usage) {
        Set<ChannelShape> factory = EnumSet.noneOf(ChannelShape.class);
        Set<ChannelShape> listener = EnumSet.noneOf(ChannelShape.class);
        if (usage != WebSocketTransportUsage.Always) {
            factory.add(REQUEST);
            listener.add(REPLY);
        }
        if (usage != WebSocketTransportUsage.Never) {
            factory.add(DUPLEX_SESSION);
            listener.add(DUPLEX_SESSION);
        }
        return ShapeRule.transport(factory, listener);
    }

    /** Builds an {@link HttpTransportBindingElement}, starting from WCF's defaults. */
    public static final class Builder {
        private boolean manualAddressing;
        private long maxBufferPoolSize = DEFAULT_MAX_BUFFER_POOL_SIZE;
        private long maxReceivedMessageSize = DEFAULT_MAX_RECEIVED_MESSAGE_SIZE;
        private OptionalInt maxBufferSize = OptionalInt.empty();
        private boolean allowCookies;
        private Set<AuthenticationScheme> authenticationScheme = DEFAULT_AUTHENTICATION_SCHEME;
        private boolean bypassProxyOnLocal;
        private boolean decompressionEnabled = true;
        private HostNameComparisonMode hostNameComparisonMode = DEFAULT_HOST_NAME_COMPARISON_MODE;
        private boolean keepAliveEnabled = true;
        private int maxPendingAccepts = DEFAULT_MAX_PENDING_ACCEPTS;
        private URI proxyAddress;
        private AuthenticationScheme proxyAuthenticationScheme = AuthenticationScheme.Anonymous;
        private String realm = "";
        private Duration requestInitializationTimeout = DEFAULT_REQUEST_INITIALIZATION_TIMEOUT;
        private TransferMode transferMode = TransferMode.Buffered;
        private boolean unsafeConnectionNtlmAuthentication;
        private boolean useDefaultWebProxy = true;
        private WebSocketTransportUsage webSocketTransportUsage = WebSocketTransportUsage.Never;

        private Builder() {
        }

        public Builder manualAddressing(boolean v) { this.manualAddressing = v; return this; }

        public Builder maxBufferPoolSize(long v) { this.maxBufferPoolSize = v; return this; }

        public Builder maxReceivedMessageSize(long v) { this.maxReceivedMessageSize = v; return this; }

        public Builder maxBufferSize(int v) { this.maxBufferSize = OptionalInt.of(v); return this; }

        public Builder allowCookies(boolean v) { this.allowCookies = v; return this; }

        public Builder authenticationScheme(Set<AuthenticationScheme> v) { this.authenticationScheme = v; return this; }

        public Builder bypassProxyOnLocal(boolean v) { this.bypassProxyOnLocal = v; return this; }

        public Builder decompressionEnabled(boolean v) { this.decompressionEnabled = v; return this; }

        public Builder hostNameComparisonMode(HostNameComparisonMode v) { this.hostNameComparisonMode = v; return this; }

        public Builder keepAliveEnabled(boolean v) { this.keepAliveEnabled = v; return this; }

        public Builder maxPendingAccepts(int v) { this.maxPendingAccepts = v; return this; }

        public Builder proxyAddress(URI v) { this.proxyAddress = v; return this; }

        public Builder proxyAuthenticationScheme(AuthenticationScheme v) {
            this.proxyAuthenticationScheme = v;
            return this;
        }

        public Builder realm(String v) { this.realm = v; return this; }

        public Builder requestInitializationTimeout(Duration v) { this.requestInitializationTimeout = v; return this; }

        public Builder transferMode(TransferMode v) { this.transferMode = v; return this; }

        public Builder unsafeConnectionNtlmAuthentication(boolean v) {
            this.unsafeConnectionNtlmAuthentication = v;
            return this;
        }

        public Builder useDefaultWebProxy(boolean v) { this.useDefaultWebProxy = v; return this; }

        public Builder webSocketTransportUsage(WebSocketTransportUsage v) { this.webSocketTransportUsage = v; return this; }

        public HttpTransportBindingElement build() {
            return new HttpTransportBindingElement(manualAddressing, maxBufferPoolSize, maxReceivedMessageSize,
                    maxBufferSize, allowCookies, authenticationScheme, bypassProxyOnLocal, decompressionEnabled,
                    hostNameComparisonMode, keepAliveEnabled, maxPendingAccepts, proxyAddress,
                    proxyAuthenticationScheme, realm, requestInitializationTimeout, transferMode,
                    unsafeConnectionNtlmAuthentication, useDefaultWebProxy, webSocketTransportUsage);
        }
    }
}
