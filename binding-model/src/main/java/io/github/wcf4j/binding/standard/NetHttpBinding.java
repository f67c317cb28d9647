package io.github.wcf4j.binding.standard;

import io.github.wcf4j.binding.ArgumentChecks;
import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.BindingTimeouts;
import io.github.wcf4j.binding.encoding.BinaryMessageEncodingBindingElement;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.reliability.ReliableMessagingVersion;
import io.github.wcf4j.binding.transport.WebSocketTransportUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * SOAP 1.2 + WS-Addressing 1.0 in WCF's binary encoding over HTTP, with WebSockets for duplex contracts (WCF 4.5
 * {@code NetHttpBinding} and {@code NetHttpsBinding}, config {@code <netHttpBinding>} / {@code <netHttpsBinding>}).
 * Expands, as {@code NetHttpBinding.CreateBindingElements}, to
 * {@code [reliableSession], [security], binaryMessageEncoding | textMessageEncoding | mtom, http(s)Transport} with
 * the transport's {@code webSocketSettings transportUsage}. The two {@linkplain Flavor flavors} differ only in the
 * security modes they accept and their default ({@code None} for netHttp, {@code Transport} for netHttps).
 *
 * <pre>{@code
 * NetHttpBinding.defaults(NetHttpBinding.Flavor.NET_HTTP, "").createBindingElements();
 * // [binaryMessageEncoding, httpTransport (webSocketSettings transportUsage="WhenDuplex")]
 * }</pre>
 *
 * @param http                    the HTTP settings; its {@code messageEncoding} is not used (this binding's own is)
 * @param messageEncoding         {@code Binary}
 * @param reliableSession         {@link StandardReliableSession#disabled()}
 * @param security                mode {@code None} (netHttp) or {@code Transport} (netHttps), as basicHttpBinding's
 * @param webSocketTransportUsage {@code WhenDuplex}: WebSockets for duplex contracts, plain HTTP request/reply for
 *                                the rest
 */
public record NetHttpBinding(Flavor flavor, String configurationName, BindingTimeouts timeouts,
        HttpBindingSettings http, NetHttpMessageEncoding messageEncoding, StandardReliableSession reliableSession,
        StandardSecurity security, WebSocketTransportUsage webSocketTransportUsage) implements Binding {

    /** {@code webSocketSettings transportUsage}: {@code WhenDuplex} ({@code NetHttpBindingDefaults.TransportUsage}). */
    public static final WebSocketTransportUsage DEFAULT_TRANSPORT_USAGE = WebSocketTransportUsage.WhenDuplex;

    /** Which of the two bindings. */
    public enum Flavor {
        NET_HTTP("NetHttpBinding", "netHttpBinding", SecurityMode.None, Set.of(SecurityMode.None,
                SecurityMode.Transport, SecurityMode.Message, SecurityMode.TransportWithMessageCredential,
                SecurityMode.TransportCredentialOnly)),
        NET_HTTPS("NetHttpsBinding", "netHttpsBinding", SecurityMode.Transport, BasicHttpsBinding.SECURITY_MODES);

        final String wcfName;
        final String sectionName;
        final SecurityMode defaultMode;
        final Set<SecurityMode> modes;

        Flavor(String wcfName, String sectionName, SecurityMode defaultMode, Set<SecurityMode> modes) {
            this.wcfName = wcfName;
            this.sectionName = sectionName;
            this.defaultMode = defaultMode;
            this.modes = modes;
        }

        /** The binding's default security ({@code BasicHttpSecurity} or {@code BasicHttpsSecurity}). */
        public StandardSecurity defaultSecurity() {
            return BasicHttpBinding.defaultSecurity().withMode(defaultMode);
        }
    }

    public NetHttpBinding {
        ArgumentChecks.notNull(flavor, "flavor");
        ArgumentChecks.notNull(configurationName, "configurationName");
        ArgumentChecks.notNull(timeouts, "timeouts");
        ArgumentChecks.notNull(http, "http");
        ArgumentChecks.notNull(messageEncoding, "messageEncoding");
        ArgumentChecks.notNull(reliableSession, "reliableSession");
        ArgumentChecks.notNull(security, "security");
        ArgumentChecks.notNull(webSocketTransportUsage, "webSocketTransportUsage");
        if (!flavor.modes.contains(security.mode())) {
            throw new IllegalArgumentException("mode: " + flavor.sectionName + " does not accept the security mode "
                    + security.mode());
        }
    }

    public static NetHttpBinding defaults(Flavor flavor, String configurationName) {
        return new NetHttpBinding(flavor, configurationName, BindingTimeouts.defaults(), HttpBindingSettings.defaults(),
                NetHttpMessageEncoding.Binary, StandardReliableSession.disabled(), flavor.defaultSecurity(),
                DEFAULT_TRANSPORT_USAGE);
    }

    @Override
    public String wcfName() {
        return flavor.wcfName;
    }

    @Override
    public String sectionName() {
        return flavor.sectionName;
    }

    @Override
    public List<BindingElement> createBindingElements() {
        List<BindingElement> elements = new ArrayList<>(4);
        if (reliableSession.enabled()) {
            elements.add(reliableSession.toElement(ReliableMessagingVersion.WS_RELIABLE_MESSAGING_FEBRUARY_2005));
        }
        StandardElements.basicMessageSecurity(security).ifPresent(elements::add);
        elements.add(encoder());
        elements.add(StandardElements.httpTransport(http, security, webSocketTransportUsage));
        return List.copyOf(elements);
    }

    private BindingElement encoder() {
        switch (messageEncoding) {
            case Text:
                return StandardElements.encoder(WsMessageEncoding.Text, MessageVersion.SOAP12_WS_ADDRESSING10,
                        http.textEncoding(), http.readerQuotas());
            case Mtom:
                return StandardElements.encoder(WsMessageEncoding.Mtom, MessageVersion.SOAP12_WS_ADDRESSING10,
                        http.textEncoding(), http.readerQuotas());
            default:
                BinaryMessageEncodingBindingElement d = BinaryMessageEncodingBindingElement.defaults();
                return new BinaryMessageEncodingBindingElement(d.maxReadPoolSize(), d.maxWritePoolSize(),
                        d.maxSessionSize(), d.compressionFormat(), http.readerQuotas());
        }
    }
}
