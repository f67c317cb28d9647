package io.github.wcf4j.runtime.stack;

import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.runtime.duplex.CompositeDuplexLayerProvider;
import io.github.wcf4j.runtime.encoding.TextEncodingLayerProvider;
import io.github.wcf4j.runtime.oneway.OneWayLayerProvider;
import io.github.wcf4j.runtime.reliability.ReliableSessionLayerProvider;
import io.github.wcf4j.runtime.transport.http.HttpTransportLayerProvider;
import io.github.wcf4j.runtime.transport.http.HttpsTransportLayerProvider;
import io.github.wcf4j.runtime.transport.inmemory.InMemoryTransportLayerProvider;
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
                RefusedLayerProvider.security(),
                RefusedLayerProvider.windowsStreamSecurity(),
                RefusedLayerProvider.sslStreamSecurity(),
                RefusedLayerProvider.binaryEncoding(),
                RefusedLayerProvider.mtomEncoding(),
                RefusedLayerProvider.tcpTransport(),
                RefusedLayerProvider.unsupported()));
    }

    /** The provider for {@code element}'s type. */
    @SuppressWarnings("unchecked")
    public <E extends BindingElement> LayerProvider<E> forElement(E element) {
        LayerProvider<?> p = byType.get(element.getClass());
        if (p == null) {
            throw new IllegalStateException("no layer provider for " + element.getClass().getName());
        }
        return (LayerProvider<E>) p;
    }

    /** Whether a provider exists for {@code type}. */
    public boolean covers(Class<?> type) {
        return byType.containsKey(type);
    }
}
