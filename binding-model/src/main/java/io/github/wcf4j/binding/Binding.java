package io.github.wcf4j.binding;

import io.github.wcf4j.binding.encoding.MessageEncodingBindingElement;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.standard.BasicHttpBinding;
import io.github.wcf4j.binding.standard.BasicHttpsBinding;
import io.github.wcf4j.binding.standard.NetHttpBinding;
import io.github.wcf4j.binding.standard.NetTcpBinding;
import io.github.wcf4j.binding.standard.UnsupportedBinding;
import io.github.wcf4j.binding.standard.WsDualHttpBinding;
import io.github.wcf4j.binding.standard.WsHttpBinding;
import io.github.wcf4j.binding.transport.TransportBindingElement;
import java.util.List;
import java.util.Optional;

/**
 * A WCF binding: a named, ordered stack of {@link BindingElement}s, top to bottom, with its timeouts
 * (WCF {@code System.ServiceModel.Channels.Binding}).
 *
 * <p>A {@link CustomBinding} holds its elements as configured; a standard binding ({@code wsHttpBinding}, ...) is a
 * record of its own settings that {@link #createBindingElements() expands} to elements exactly as WCF's
 * {@code CreateBindingElements} does.
 */
public sealed interface Binding permits CustomBinding, BasicHttpBinding, BasicHttpsBinding, WsHttpBinding,
        WsDualHttpBinding, NetHttpBinding, NetTcpBinding, UnsupportedBinding {

    /** The configuration name ({@code <binding name>}); empty for the default (unnamed) configuration. */
    String configurationName();

    /**
     * WCF's {@code Binding.Name}, which WCF's error texts print: the WCF type name ({@code CustomBinding},
     * {@code WSHttpBinding}, ...), because configuration never sets it.
     */
    String wcfName();

    /** The {@code <bindings>} section this binding comes from, e.g. {@code customBinding}. */
    String sectionName();

    BindingTimeouts timeouts();

    /** The element stack, top to bottom. */
    List<BindingElement> createBindingElements();

    /** The transport, if the stack has one. */
    default Optional<TransportBindingElement> transport() {
        return createBindingElements().stream().filter(TransportBindingElement.class::isInstance)
                .map(TransportBindingElement.class::cast).reduce((first, second) -> second);
    }

    /** The message version the encoder defines, if the stack has an encoder. */
    default Optional<MessageVersion> messageVersion() {
        return createBindingElements().stream().filter(MessageEncodingBindingElement.class::isInstance)
                .map(e -> ((MessageEncodingBindingElement) e).messageVersion()).findFirst();
    }

    /** The first element of a type, e.g. {@code find(ReliableSessionBindingElement.class)}. */
    default <T extends BindingElement> Optional<T> find(Class<T> type) {
        return createBindingElements().stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
