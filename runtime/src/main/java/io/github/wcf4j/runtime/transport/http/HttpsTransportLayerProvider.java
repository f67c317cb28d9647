package io.github.wcf4j.runtime.transport.http;

import io.github.wcf4j.binding.transport.HttpsTransportBindingElement;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.InnerStack;
import io.github.wcf4j.runtime.stack.LayerProvider;
import io.github.wcf4j.runtime.stack.RefusalRule;
import java.util.List;

/**
 * {@code httpsTransport} (WCF {@code HttpsTransportBindingElement}): the HTTP layer over TLS. The key material is the
 * {@link TlsSettings} binding parameter: a keystore for listeners (required), a truststore for clients (default: the
 * JDK's CAs); {@code requireClientCertificate} makes the listener demand a client certificate.
 */
public final class HttpsTransportLayerProvider implements LayerProvider<HttpsTransportBindingElement> {

    @Override
    public Class<HttpsTransportBindingElement> elementType() {
        return HttpsTransportBindingElement.class;
    }

    @Override
    public List<RefusalRule<HttpsTransportBindingElement>> refusals() {
        return HttpTransportRefusals.RULES.stream().map(r -> r.of(HttpsTransportBindingElement::http)).toList();
    }

    @Override
    public <C extends Channel> ChannelFactory<C> factory(HttpsTransportBindingElement e, ChannelType<C> type,
            InnerStack inner, BindingParameters p) {
        return HttpTransportLayerProvider.requestChannelFactory(type, "https", e.http(),
                p.find(TlsSettings.class).orElse(null), p);
    }

    @Override
    public <C extends Channel> ChannelListener<C> listener(HttpsTransportBindingElement e, ChannelType<C> type,
            InnerStack inner, BindingParameters p) {
        return HttpTransportLayerProvider.replyChannelListener(type, e.http(), HttpListenSettings.of(e.http(),
                p.find(TlsSettings.class).orElse(null), e.requireClientCertificate(),
                HttpTransportLayerProvider.tap(p), HttpTransportLayerProvider.getHandler(p)), p);
    }
}
