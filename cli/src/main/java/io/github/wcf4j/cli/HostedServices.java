package io.github.wcf4j.cli;

import io.github.wcf4j.binding.description.ServiceActivation;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which services {@code host} opens, with which base addresses: each {@code <service>} of the configuration, at the
 * {@code --base-address}es (else its own {@code <host><baseAddresses>}); and each
 * {@code <serviceHostingEnvironment><serviceActivations>} entry, as IIS activates it, at its {@code relativeAddress}
 * under each {@code --base-address} (the application's address), its {@code <service>} element (if any) giving its
 * endpoints and behaviors, its configured base addresses ignored as IIS ignores them.
 */
final class HostedServices {
    private HostedServices() {
    }

    /**
     * One service to host.
     *
     * @param service       its description (without configured base addresses when activated)
     * @param baseAddresses the host's base addresses for it
     * @param activation    the activation it is hosted for, {@code null} for a {@code <service>} hosted as it is
     */
    record HostedService(ServiceDescription service, List<URI> baseAddresses, ServiceActivation activation) {
    }

    /**
     * The services to host, activations first, then the {@code <service>} elements no activation names;
     * {@code only}, when not {@code null}, keeps that service alone.
     *
     * @throws LoadedConfig.InvalidInputException for activations without a {@code --base-address}, and for one that
     *                                            needs a .NET {@code ServiceHostFactory}
     */
    static List<HostedService> of(ServiceModelConfiguration config, List<URI> baseAddresses, String only) {
        List<HostedService> hosted = new ArrayList<>();
        List<ServiceActivation> activations = config.hostingEnvironment().serviceActivations();
        for (ServiceActivation a : activations) {
            if (only != null && !only.equals(a.service())) {
                continue;
            }
            if (!a.factory().isEmpty()) {
                throw new LoadedConfig.InvalidInputException("serviceActivations: '" + a.relativeAddress()
                        + "' is activated by the factory " + a.factory() + ", a .NET ServiceHostFactory, which wcf4j"
                        + " cannot run; remove the factory attribute to host " + (a.service().isEmpty()
                        ? "its service" : "'" + a.service() + "'") + " as WCF's default factory does.");
            }
            if (baseAddresses.isEmpty()) {
                throw new LoadedConfig.InvalidInputException("serviceActivations: '" + a.relativeAddress() + "' is"
                        + " hosted under the application's address, as IIS hosts it under the application's virtual"
                        + " directory: give it with --base-address (e.g. http://localhost:8080/app)");
            }
            ServiceDescription s = config.serviceOrDefault(a.service());
            hosted.add(new HostedService(new ServiceDescription(s.name(), s.behavior(), List.of(), s.endpoints()),
                    baseAddresses.stream().map(a::addressUnder).toList(), a));
        }
        Set<String> activated = activations.stream().map(ServiceActivation::service).collect(Collectors.toSet());
        for (ServiceDescription s : config.services()) {
            if ((only == null || only.equals(s.name())) && !activated.contains(s.name())) {
                hosted.add(new HostedService(s, baseAddresses, null));
            }
        }
        return hosted;
    }
}
