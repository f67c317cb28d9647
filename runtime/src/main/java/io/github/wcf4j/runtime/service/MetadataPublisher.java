package io.github.wcf4j.runtime.service;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.description.ServiceDebugBehavior;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.description.ServiceMetadataBehavior;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.binding.transport.HttpsTransportBindingElement;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.channel.ReplyChannel;
import io.github.wcf4j.runtime.contract.ContractDescription;
import io.github.wcf4j.runtime.contract.ServiceBehavior;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.metadata.MetadataHttpGet;
import io.github.wcf4j.runtime.metadata.ServiceMetadata;
import io.github.wcf4j.runtime.metadata.WsdlExporter;
import io.github.wcf4j.runtime.metadata.WsdlExporter.ExportedEndpoint;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.stack.ListenAddress;
import io.github.wcf4j.runtime.transport.http.HttpGetHandler;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.xml.namespace.QName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes one hosted service's metadata as WCF's {@code ServiceMetadataBehavior} does: over HTTP GET at the
 * {@code httpGetUrl}/{@code httpsGetUrl} addresses (by the endpoint listening there, else by a GET-only listener of its
 * own) and to the service's {@code IMetadataExchange} endpoints. The documents are built from the opened endpoints
 * with their real addresses, once all are open.
 *
 * <p>The metadata is asked for on I/O threads, so it is built under this publisher's own lock, never the host's.
 */
final class MetadataPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(MetadataPublisher.class);

    private final ServiceDescription service;
    private final QName serviceName;
    private final BaseAddresses baseAddresses;
    private final ChannelStackBuilder builder;
    private final BindingParameters parameters;
    private final List<ExportedEndpoint> exported = new CopyOnWriteArrayList<>();
    private final List<ChannelListener<?>> getListeners = new ArrayList<>();
    private final List<Supplier<URI>> addresses = new ArrayList<>();
    private final Object lock = new Object();
    private List<URI> getAddresses = List.of();
    private ServiceMetadata metadata;
    private volatile boolean endpointsOpened;

    MetadataPublisher(ServiceDescription service, Class<?> implementation, BaseAddresses baseAddresses,
            ChannelStackBuilder builder, BindingParameters parameters) {
        this.service = service;
        this.serviceName = serviceName(service, implementation);
        this.baseAddresses = baseAddresses;
        this.builder = builder;
        this.parameters = parameters;
    }

    /** Whether the service publishes metadata at all ({@code <serviceMetadata>}); a mex endpoint needs it. */
    boolean enabled() {
        return behavior().isPresent();
    }

    /** Resolves the HTTP and HTTPS GET addresses, failing with WCF's text when no base address has the scheme. */
    void resolveGetAddresses() {
        List<URI> at = new ArrayList<>();
        behavior().filter(ServiceMetadataBehavior::httpGetEnabled).ifPresent(m -> at.add(baseAddresses
                .metadataAddress("http", m.httpGetUrl(), WcfText.SFxServiceMetadataBehaviorNoHttpBaseAddress)));
        behavior().filter(ServiceMetadataBehavior::httpsGetEnabled).ifPresent(m -> at.add(baseAddresses
                .metadataAddress("https", m.httpsGetUrl(), WcfText.SFxServiceMetadataBehaviorNoHttpsBaseAddress)));
        getAddresses = List.copyOf(at);
    }

    /**
     * The GET handler for an endpoint listening at {@code listenUri}, when metadata is served there ({@code actual}:
     * the listener's real address, known once it is open).
     */
    Optional<HttpGetHandler> handlerAt(URI listenUri, Supplier<URI> actual) {
        if (getAddresses.stream().noneMatch(at -> BaseAddresses.normalized(at).equals(BaseAddresses.normalized(
                listenUri)))) {
            return Optional.empty();
        }
        addresses.add(actual);
        return Optional.of(new MetadataHttpGet(this::metadata, actual, serviceName.getLocalPart(), helpPage(), true));
    }

    /** An opened endpoint, described in the metadata. */
    void add(ExportedEndpoint endpoint) {
        exported.add(endpoint);
    }

    /**
     * Every endpoint is open ({@code listenUris}: where, normalized): the metadata is final from now on, and a GET-only
     * listener opens at each metadata address no endpoint listens at (WCF's HTTP GET endpoint).
     */
    void endpointsOpened(Set<URI> listenUris) {
        endpointsOpened = true;
        for (URI at : getAddresses) {
            if (!listenUris.contains(BaseAddresses.normalized(at))) {
                openGetListener(at);
            }
        }
    }

    private void openGetListener(URI at) {
        AtomicReference<ChannelListener<ReplyChannel>> listener = new AtomicReference<>();
        Supplier<URI> address = () -> listener.get().uri();
        MetadataHttpGet get = new MetadataHttpGet(this::metadata, address, serviceName.getLocalPart(), helpPage(),
                false);
        addresses.add(address);
        Binding text = CustomBinding.of("metadata", TextMessageEncodingBindingElement.defaults(),
                "https".equalsIgnoreCase(at.getScheme()) ? HttpsTransportBindingElement.defaults()
                        : HttpTransportBindingElement.defaults());
        listener.set(builder.buildListener(text, ChannelType.REPLY, parameters.copy()
                .put(ListenAddress.class, ListenAddress.explicit(at)).put(HttpGetHandler.class, get)));
        Futures.join(listener.get().open(text.timeouts().openTimeout()));
        getListeners.add(listener.get());
        LOG.info("{}: metadata at {}?wsdl", service.name(), listener.get().uri());
    }

    /** The service's metadata, built from the endpoints opened so far; kept once every endpoint is open. */
    ServiceMetadata metadata() {
        synchronized (lock) {
            if (metadata != null) {
                return metadata;
            }
            ServiceMetadata m = WsdlExporter.export(serviceName, List.copyOf(exported), policyVersion(service));
            if (endpointsOpened) {
                metadata = m;
            }
            return m;
        }
    }

    /** Where the metadata is served over HTTP GET (the listeners' real addresses), in the order opened. */
    List<URI> addresses() {
        return addresses.stream().map(Supplier::get).collect(Collectors.toList());
    }

    /** Stops the GET-only listeners. */
    void abort() {
        getListeners.forEach(ChannelListener::abort);
    }

    /**
     * The metadata a host of {@code service} would publish, without opening anything ({@code wcf4j wsdl}): endpoint
     * addresses resolved against {@code baseAddresses} (and the configured ones) as when hosting.
     */
    static ServiceMetadata of(ServiceModelConfiguration config, ServiceDescription service, ServiceTypes types,
            List<URI> baseAddresses) {
        BaseAddresses resolved = BaseAddresses.of(baseAddresses, service.baseAddresses());
        Class<?> implementation = types.service(service.name()).orElse(null);
        List<ExportedEndpoint> endpoints = new ArrayList<>();
        for (ServiceEndpoint e : ServiceEndpoints.of(config, service, resolved, implementation)) {
            if (e.isMetadataExchange()) {
                continue;
            }
            Class<?> contract = ServiceEndpoints.contract(e.contract(), types, implementation, service.name());
            endpoints.add(new ExportedEndpoint(e.name(), ContractDescription.of(contract), e.binding(),
                    resolved.endpointAddress(e, e.binding()), e.headers()));
        }
        return WsdlExporter.export(serviceName(service, implementation), endpoints,
                policyVersion(service));
    }

    /**
     * WCF's {@code ServiceDescription} name: {@code [ServiceBehavior(Name, Namespace)]}, else the configured name's last
     * part, else the type's name ({@code implementation} may be {@code null} when no type is known).
     */
    private static QName serviceName(ServiceDescription service, Class<?> implementation) {
        ServiceBehavior b = implementation == null ? null : implementation.getAnnotation(ServiceBehavior.class);
        String configured = b != null && !b.configurationName().isEmpty() ? b.configurationName() : service.name();
        String name = b != null && !b.name().isEmpty() ? b.name()
                : !configured.isEmpty() ? configured.substring(configured.lastIndexOf('.') + 1)
                : implementation.getSimpleName();
        String ns = b != null && !b.namespace().isEmpty() ? b.namespace() : WsdlExporter.TEMPURI;
        return new QName(ns, name);
    }

    private static String policyVersion(ServiceDescription service) {
        return service.effectiveBehavior().metadata().map(ServiceMetadataBehavior::policyVersion).orElse("Default");
    }

    private Optional<ServiceMetadataBehavior> behavior() {
        return service.effectiveBehavior().metadata();
    }

    private boolean helpPage() {
        return service.effectiveBehavior().debug().map(ServiceDebugBehavior::httpHelpPageEnabled).orElse(true);
    }
}
