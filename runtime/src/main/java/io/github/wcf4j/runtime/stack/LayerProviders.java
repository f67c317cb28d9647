package io.github.wcf4j.runtime.stack;

import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.binding.stack.Side;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.duplex.CompositeDuplexLayerProvider;
import io.github.wcf4j.runtime.encoding.BinaryEncodingLayerProvider;
import io.github.wcf4j.runtime.encoding.TextEncodingLayerProvider;
import io.github.wcf4j.runtime.oneway.OneWayLayerProvider;
import io.github.wcf4j.runtime.reliability.ReliableSessionLayerProvider;
import io.github.wcf4j.runtime.security.message.MessageSecurityLayerProvider;
import io.github.wcf4j.runtime.transport.http.HttpTransportLayerProvider;
import io.github.wcf4j.runtime.transport.http.HttpsTransportLayerProvider;
import io.github.wcf4j.runtime.transport.inmemory.InMemoryTransportLayerProvider;
import io.github.wcf4j.runtime.transport.tcp.SslStreamSecurityLayerProvider;
import io.github.wcf4j.runtime.transport.tcp.TcpTransportLayerProvider;
import io.github.wcf4j.runtime.transport.tcp.WindowsStreamSecurityLayerProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry from binding-element type to the {@link LayerProvider} that builds its layer. Every permitted
 * {@link BindingElement} type has exactly one; elements the runtime does not run yet have a provider that refuses them
 * by name ({@link RefusedLayerProvider}), so nothing is silently ignored.
 */
public final class LayerProviders {
    private final Map<Class<?>, LayerProvider<?>> byType = new HashMap<>();

    public LayerProviders(List<LayerProvider<?>> providers) {
        for (LayerProvider<?> p : providers) {
            if (byType.put(p.elementType(), p) != null) {
                throw new IllegalArgumentException("two providers for " + p.elementType().getSimpleName());
            }
        }
    }

    /** A provider for every binding element. */
    public static LayerProviders standard() {
        return new LayerProviders(List.of(
                new TextEncodingLayerProvider(),
                new OneWayLayerProvider(),
                new CompositeDuplexLayerProvider(),
                new HttpTransportLayerProvider(),
                new HttpsTransportLayerProvider(),
                new InMemoryTransportLayerProvider(),
                new TransactionFlowLayerProvider(),
                new ReliableSessionLayerProvider(),
                new MessageSecurityLayerProvider(),
                new WindowsStreamSecurityLayerProvider(),
                new SslStreamSecurityLayerProvider(),
                new BinaryEncodingLayerProvider(),
                RefusedLayerProvider.mtomEncoding(),
                new TcpTransportLayerProvider(),
                RefusedLayerProvider.unsupported()));
    }

    /** The provider for {@code element}'s type, with the element. */
    ProvidedLayer<?> forElement(BindingElement element) {
        LayerProvider<?> p = byType.get(element.getClass());
        if (p == null) {
            throw new IllegalStateException("no layer provider for " + element.getClass().getName());
        }
        return ProvidedLayer.of(p, element);
    }

    /** Whether a provider exists for {@code type}. */
    public boolean covers(Class<?> type) {
        return byType.containsKey(type);
    }

    /** An element and the provider of its type, typed alike (the element is checked against the provider's type). */
    record ProvidedLayer<E extends BindingElement>(LayerProvider<E> provider, E element) {

        static <E extends BindingElement> ProvidedLayer<E> of(LayerProvider<E> provider, BindingElement element) {
            return new ProvidedLayer<>(provider, provider.elementType().cast(element));
        }

        /** The refusals of the element on {@code side}, its layer built in {@code shape} ({@code null}: not known). */
        List<Refusal> refusals(Side side, ChannelShape shape) {
            List<Refusal> found = new ArrayList<>();
            for (RefusalRule<E> rule : provider.refusals()) {
                rule.check(element, side, shape).ifPresent(found::add);
            }
            return found;
        }

        void contribute(BindingParameters parameters) {
            provider.contribute(element, parameters);
        }

        <C extends Channel> ChannelFactory<C> factory(ChannelType<C> type, InnerStack inner, BindingParameters p) {
            return provider.factory(element, type, inner, p);
        }

        <C extends Channel> ChannelListener<C> listener(ChannelType<C> type, InnerStack inner, BindingParameters p) {
            return provider.listener(element, type, inner, p);
        }
    }
}
