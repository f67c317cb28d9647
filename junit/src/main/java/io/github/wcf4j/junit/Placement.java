package io.github.wcf4j.junit;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.binding.transport.TcpTransportBindingElement;
import io.github.wcf4j.binding.transport.TransportBindingElement;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where a test hosts a configured service: the same description with its addresses (base addresses, absolute endpoint
 * addresses and listen URIs) and, for the in-memory transport, its bindings moved. The configuration is otherwise used
 * as written.
 */
enum Placement {
    /** The configured transport at port 0: the host takes a free port. */
    FREE_PORT {
        @Override
        URI move(URI address) {
            if (!address.isAbsolute() || address.getHost() == null || address.getPort() == 0) {
                return address;
            }
            return with(address, address.getScheme(), 0);
        }

        @Override
        Binding move(Binding binding) {
            return binding;
        }
    },
    /** The in-memory transport instead of the configured one, at {@code inmemory://localhost/<path>}. */
    IN_MEMORY {
        @Override
        URI move(URI address) {
            if (!address.isAbsolute() || address.getHost() == null) {
                return address;
            }
            return with(address, "inmemory", -1);
        }

        @Override
        Binding move(Binding binding) {
            if (binding.transport().isEmpty()) {
                return binding;
            }
            return new CustomBinding(binding.configurationName(), binding.timeouts(), binding.createBindingElements()
                    .stream().map(e -> e instanceof TransportBindingElement t ? inMemory(t) : e).toList());
        }
    };

    static Placement of(Wcf4jTransport transport) {
        return transport == Wcf4jTransport.IN_MEMORY ? IN_MEMORY : FREE_PORT;
    }

    abstract URI move(URI address);

    abstract Binding move(Binding binding);

    ServiceDescription move(ServiceDescription s) {
        return new ServiceDescription(s.name(), s.behavior(), s.baseAddresses().stream().map(this::move).toList(),
                s.endpoints().stream().map(this::move).toList());
    }

    ServiceEndpoint move(ServiceEndpoint e) {
        UnaryOperator<String> address = a -> {
            URI uri = URI.create(a);
            return uri.isAbsolute() ? move(uri).toString() : a;
        };
        return new ServiceEndpoint(e.name(), address.apply(e.address()), e.bindingSection(),
                e.bindingConfiguration(), move(e.binding()), e.contract(), e.listenUri().map(this::move),
                e.behavior(), e.identity(), e.headers(), e.standardEndpoint());
    }

    ClientEndpoint move(ClientEndpoint e) {
        return new ClientEndpoint(e.name(), e.address(), e.bindingSection(), e.bindingConfiguration(),
                move(e.binding()), e.contract(), e.behavior(), e.identity(), e.headers(), e.standardEndpoint());
    }

    /** The scheme a binding's endpoints are addressed with, once moved. */
    Optional<String> scheme(Binding binding) {
        return move(binding).transport().map(TransportBindingElement::scheme);
    }

    private static InMemoryTransportBindingElement inMemory(TransportBindingElement t) {
        return new InMemoryTransportBindingElement(t.maxReceivedMessageSize(), t instanceof TcpTransportBindingElement
                ? InMemoryTransportBindingElement.Mode.DUPLEX_SESSION
                : InMemoryTransportBindingElement.Mode.REQUEST_REPLY);
    }

    private static URI with(URI a, String scheme, int port) {
        try {
            return new URI(scheme, a.getUserInfo(), a.getHost(), port, a.getPath(), a.getQuery(), a.getFragment());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(a + ": " + e.getMessage(), e);
        }
    }
}
