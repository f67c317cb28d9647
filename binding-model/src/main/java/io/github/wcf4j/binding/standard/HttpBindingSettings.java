package io.github.wcf4j.binding.standard;

import io.github.wcf4j.binding.ArgumentChecks;
import io.github.wcf4j.binding.encoding.ReaderQuotas;
import io.github.wcf4j.binding.encoding.TextEncodings;
import io.github.wcf4j.binding.transport.AuthenticationScheme;
import io.github.wcf4j.binding.transport.HostNameComparisonMode;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.binding.transport.TransferMode;
import io.github.wcf4j.binding.transport.WebSocketTransportUsage;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The transport and encoding attributes the HTTP standard bindings share ({@code HttpBindingBaseElement},
 * {@code WSHttpBindingBaseElement}, {@code WSDualHttpBindingElement}); an attribute a binding does not expose stays at
 * its default.
 */
public record HttpBindingSettings(
        boolean allowCookies,
        boolean bypassProxyOnLocal,
        HostNameComparisonMode hostNameComparisonMode,
        long maxBufferPoolSize,
        long maxReceivedMessageSize,
        OptionalInt maxBufferSize,
        WsMessageEncoding messageEncoding,
        URI proxyAddress,
        Charset textEncoding,
        TransferMode transferMode,
        boolean useDefaultWebProxy,
        ReaderQuotas readerQuotas) {

    public HttpBindingSettings {
        ArgumentChecks.notNull(hostNameComparisonMode, "hostNameComparisonMode");
        ArgumentChecks.nonNegative(maxBufferPoolSize, "maxBufferPoolSize");
        ArgumentChecks.positive(maxReceivedMessageSize, "maxReceivedMessageSize");
        ArgumentChecks.notNull(maxBufferSize, "maxBufferSize");
        ArgumentChecks.notNull(messageEncoding, "messageEncoding");
        TextEncodings.requireSupported(textEncoding, "textEncoding");
        ArgumentChecks.notNull(transferMode, "transferMode");
        ArgumentChecks.notNull(readerQuotas, "readerQuotas");
    }

    public static HttpBindingSettings defaults() {
        return new HttpBindingSettings(false, false, HostNameComparisonMode.StrongWildcard, 524_288L, 65_536L,
                OptionalInt.empty(), WsMessageEncoding.Text, null, StandardCharsets.UTF_8, TransferMode.Buffered, true,
                ReaderQuotas.defaults());
    }

    /** The HTTP transport element these settings describe, with the given authentication scheme and WebSocket use. */
    HttpTransportBindingElement toTransport(Set<AuthenticationScheme> authenticationScheme, String realm,
            WebSocketTransportUsage webSocketTransportUsage) {
        HttpTransportBindingElement.Builder b = HttpTransportBindingElement.builder()
                .allowCookies(allowCookies)
                .bypassProxyOnLocal(bypassProxyOnLocal)
                .hostNameComparisonMode(hostNameComparisonMode)
                .maxBufferPoolSize(maxBufferPoolSize)
                .maxReceivedMessageSize(maxReceivedMessageSize)
                .proxyAddress(proxyAddress)
                .transferMode(transferMode)
                .useDefaultWebProxy(useDefaultWebProxy)
                .authenticationScheme(authenticationScheme)
                .realm(realm)
                .webSocketTransportUsage(webSocketTransportUsage);
        maxBufferSize.ifPresent(b::maxBufferSize);
        return b.build();
    }
}
