package io.github.wcf4j.runtime.stack;

import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.UnsupportedBindingElement;
import io.github.wcf4j.binding.encoding.MtomMessageEncodingBindingElement;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import java.util.List;
import java.util.function.Function;

/**
 * The layer of an element the runtime does not run: its one {@link RefusalRule} refuses it by name, so a configuration that needs it never runs without it and {@code validate} says so.
 *
 * @param <E> the refused element type
 */
public final class RefusedLayerProvider<E extends BindingElement> implements LayerProvider<E> {
    private final Class<E> type;
    private final Function<E, String> reason;

    private RefusedLayerProvider(Class<E> type, Function<E, String> reason) {
        this.type = type;
        this.reason = reason;
    }

    static RefusedLayerProvider<MtomMessageEncodingBindingElement> mtomEncoding() {
        return named(MtomMessageEncodingBindingElement.class);
    }

    static RefusedLayerProvider<UnsupportedBindingElement> unsupported() {
        return new RefusedLayerProvider<>(UnsupportedBindingElement.class, e -> "The binding element '" + e.configName()
                + "' is not supported by the wcf4j runtime" + (e.extension() ? " (it is a custom .NET extension)" : "")
                + ", so this binding cannot be opened.");
    }

    private static <T extends BindingElement> RefusedLayerProvider<T> named(Class<T> type) {
        return new RefusedLayerProvider<>(type, e -> "The binding element '" + e.configName() + "' is not supported"
                + " by the wcf4j runtime (it runs HTTP/HTTPS and net.tcp), so this binding cannot be opened.");
    }

    @Override
    public Class<E> elementType() {
        return type;
    }

    @Override
    public List<RefusalRule<E>> refusals() {
        return List.of(RefusalRule.always(reason));
    }

    /** Never reached: the stack builder checks {@link #refusals()} before it builds. */
    @Override
    public <C extends Channel> ChannelFactory<C> factory(E element, ChannelType<C> type, InnerStack inner,
            BindingParameters p) {
        throw new UnsupportedBindingException(element.configName(), reason.apply(element));
    }

    /** Never reached: the stack builder checks {@link #refusals()} before it builds. */
    @Override
    public <C extends Channel> ChannelListener<C> listener(E element, ChannelType<C> type, InnerStack inner,
            BindingParameters p) {
        throw new UnsupportedBindingException(element.configName(), reason.apply(element));
    }
}
