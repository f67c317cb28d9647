package io.github.wcf4j.runtime.duplex;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.LayerProvider;
import io.github.wcf4j.runtime.stack.ListenAddress;
import java.net.URI;
import java.util.UUID;

/**
 * {@code compositeDuplex} (WCF {@code CompositeDuplexBindingElement}): output over output and input over input; what
 * it adds is the client's listen address for the back channel, which the internal duplex layer above it listens at:
 * {@code clientBaseAddress} + "/" + a new GUID, or, without one, a unique temporary address chosen by the transport.
 */
public final class CompositeDuplexLayerProvider implements LayerProvider<CompositeDuplexBindingElement> {

    @Override
    public Class<CompositeDuplexBindingElement> elementType() {
        return CompositeDuplexBindingElement.class;
    }

    @Override
    public void contribute(CompositeDuplexBindingElement element, BindingParameters parameters) {
        parameters.put(CompositeDuplexBindingElement.class, element);
    }

    /** Where a client's back channel listens (WCF {@code CompositeDuplexBindingElement.BuildChannelFactory}). */
    public static ListenAddress clientListenAddress(BindingParameters p) {
        CompositeDuplexBindingElement cd = p.require(CompositeDuplexBindingElement.class);
        if (cd.clientBaseAddress().isPresent()) {
            String base = cd.clientBaseAddress().get().toString();
            if (p.find(StableBackChannel.class).isPresent()) {
                return ListenAddress.explicit(cd.clientBaseAddress().get());
            }
            return ListenAddress.explicit(URI.create((base.endsWith("/") ? base : base + "/") + UUID.randomUUID()));
        }
        String scheme = p.require(Binding.class).transport().map(t -> t.scheme()).orElse("http");
        String host = scheme.startsWith("http") ? "localhost:0" : "localhost";
        return ListenAddress.unique(URI.create(scheme + "://" + host + "/Temporary_Listen_Addresses/"));
    }
}
