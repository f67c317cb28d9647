package io.github.wcf4j.samples;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import java.net.URI;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Edits of a loaded configuration that a demo or test needs on a shared machine: another port for the client's
 * composite-duplex back channel or the service's address, or an element left out of a custom binding. The configuration
 * files themselves stay untouched.
 */
public final class ConfigEdits {
    private ConfigEdits() {
    }

    /** {@code binding} without elements of {@code type} (a custom binding; other bindings are returned as they are). */
    public static Binding without(Binding binding, Class<? extends BindingElement> type) {
        return edit(binding, elements -> elements.stream().filter(e -> !type.isInstance(e))
                .collect(Collectors.toList()));
    }

    /** {@code binding} with its composite duplex back channel under {@code clientBaseAddress}. */
    public static Binding withClientBaseAddress(Binding binding, URI clientBaseAddress) {
        return edit(binding, elements -> elements.stream().map(e -> e instanceof CompositeDuplexBindingElement
                ? CompositeDuplexBindingElement.at(clientBaseAddress) : e).collect(Collectors.toList()));
    }

    /** {@code binding} with its reliable session's {@code maxTransferWindowSize} set to {@code window}. */
    public static Binding withTransferWindow(Binding binding, int window) {
        return edit(binding, elements -> elements.stream().map(e -> e instanceof ReliableSessionBindingElement rs
                ? rs.toBuilder().maxTransferWindowSize(window).build() : e).collect(Collectors.toList()));
    }

    private static Binding edit(Binding binding, UnaryOperator<List<BindingElement>> change) {
        if (!(binding instanceof CustomBinding)) {
            return binding;
        }
        CustomBinding c = (CustomBinding) binding;
        return new CustomBinding(c.configurationName(), c.timeouts(), change.apply(c.elements()));
    }

    /** {@code service} with every endpoint's binding changed by {@code change}. */
    public static ServiceDescription bindings(ServiceDescription service, UnaryOperator<Binding> change) {
        return new ServiceDescription(service.name(), service.behavior(), service.baseAddresses(),
                service.endpoints().stream().map(e -> new ServiceEndpoint(e.name(), e.address(), e.bindingSection(),
                        e.bindingConfiguration(), change.apply(e.binding()), e.contract(), e.listenUri(),
                        e.behavior(), e.identity(), e.headers(), e.standardEndpoint())).collect(Collectors.toList()));
    }

    /** {@code endpoint} calling {@code address} over {@code binding}. */
    public static ClientEndpoint endpoint(ClientEndpoint endpoint, URI address, Binding binding) {
        return new ClientEndpoint(endpoint.name(), address, endpoint.bindingSection(),
                endpoint.bindingConfiguration(), binding, endpoint.contract(), endpoint.behavior(), endpoint.identity(),
                endpoint.headers(), endpoint.standardEndpoint());
    }
}
