package io.github.wcf4j.runtime.service;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.description.ServiceDebugBehavior;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.description.ServiceMetadataBehavior;
import io.github.wcf4j.binding.description.ServiceThrottlingBehavior;
import io.github.wcf4j.binding.stack.ChannelSelection;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.contract.ContractDescription;
import io.github.wcf4j.runtime.contract.InstanceContextMode;
import io.github.wcf4j.runtime.contract.ServiceBehavior;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.metadata.IMetadataExchange;
import io.github.wcf4j.runtime.metadata.MetadataHttpGet;
import io.github.wcf4j.runtime.metadata.ServiceMetadata;
import io.github.wcf4j.runtime.metadata.WsdlExporter;
import io.github.wcf4j.runtime.metro.MetroOperationInvoker;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.stack.ListenAddress;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.SystemScheduler;
import io.github.wcf4j.runtime.transport.http.HttpGetHandler;
import java.lang.reflect.Constructor;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.xml.namespace.QName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hosts one configured service (WCF {@code ServiceHost}): its endpoints' addresses are resolved against the base
 * addresses, each endpoint gets a channel listener built from its binding by the {@link ChannelStackBuilder} (the shape
 * chosen for its contract exactly as {@code describe} shows), and the service's operations run through the Metro
 * service model with WCF's instancing, throttling and faults.
 *
 * <pre>{@code
 * ServiceModelConfiguration config = ServiceModelConfigReader.create().read(Path.of("app.config")).orThrow();
 * try (ServiceHost host = ServiceHost.builder(config.service("Microsoft.ServiceModel.Samples.CalculatorService")
 *         .orElseThrow()).baseAddress(URI.create("http://localhost:8080/servicemodelsamples/service.svc")).build()) {
 *     host.open();
 *     ...
 * }
 * }</pre>
 *
 * <p>Threads: I/O runs on the shared event loops; operations run on the host's invocation pool, which never has more
 * threads than {@code maxConcurrentCalls}; sessions hold no thread.
 */
public final class ServiceHost implements AutoCloseable {
    /** How long an idle operation thread lives: a burst of calls leaves no threads behind (the soak checks it). */
    static final long IDLE_THREAD_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(ServiceHost.class);

    private final ServiceDescription service;
    private final Class<?> implementation;
    private final Supplier<?> instances;
    private final InstanceContextMode instanceMode;
    private final boolean includeExceptionDetail;
    private final List<URI> baseAddresses;
    private final ServiceTypes types;
    private final BindingParameters parameters;
    private final ChannelStackBuilder builder;
    private final ServiceThrottlingBehavior throttling;
    private final ExecutorService ownExecutor;
    private final java.util.concurrent.Executor executor;
    private final SystemScheduler ownScheduler;
    private final List<EndpointDispatcher> dispatchers = new ArrayList<>();
    private final List<HostedEndpoint> hosted = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final List<WsdlExporter.ExportedEndpoint> exported = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Object metadataLock = new Object();
    private ServiceMetadata metadata;
    private volatile boolean endpointsOpened;
    private final List<ChannelListener<?>> metadataListeners = new ArrayList<>();
    private final List<java.util.function.Supplier<URI>> metadataAddresses = new ArrayList<>();
    private boolean opened;

    private ServiceHost(Builder b) {
        this.service = b.service;
        this.types = b.types;
        this.implementation = b.implementation != null ? b.implementation : types.service(service.name())
                .orElseThrow(() -> new ServiceHostException("No Java class implements the service '" + service.name()
                        + "': register it (a ServiceTypeRegistration listing a class with"
                        + " @ServiceBehavior(configurationName = \"" + service.name() + "\")), map it explicitly"
                        + " (ServiceTypes.map, or --type " + service.name() + "=com.example.Impl), or name the class "
                        + service.name() + "."));
        ServiceBehavior annotation = implementation.getAnnotation(ServiceBehavior.class);
        this.instanceMode = b.singleton != null ? InstanceContextMode.Single
                : annotation == null ? InstanceContextMode.PerSession : annotation.instanceContextMode();
        this.instances = b.singleton != null ? () -> b.singleton : constructorOf(implementation);
        boolean debugByConfig = service.effectiveBehavior().debug().map(ServiceDebugBehavior::includeExceptionDetailInFaults)
                .orElse(false);
        this.includeExceptionDetail = debugByConfig || annotation != null && annotation.includeExceptionDetailInFaults();
        this.throttling = service.effectiveBehavior().throttling().orElseGet(ServiceThrottlingBehavior::defaults);
        List<URI> bases = new ArrayList<>(b.baseAddresses);
        bases.addAll(service.baseAddresses());
        this.baseAddresses = List.copyOf(bases);
        this.parameters = b.parameters;
        this.builder = b.stackBuilder;
        if (!parameters.find(Scheduler.class).isPresent()) {
            ownScheduler = new SystemScheduler();
            parameters.put(Scheduler.class, ownScheduler);
        } else {
            ownScheduler = null;
        }
        if (b.executor != null) {
            this.ownExecutor = null;
            this.executor = b.executor;
        } else {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(throttling.maxConcurrentCalls(),
                    throttling.maxConcurrentCalls(), IDLE_THREAD_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    r -> {
                        Thread t = new Thread(r, "wcf4j-service-" + implementation.getSimpleName());
                        t.setDaemon(true);
                        return t;
                    });
            pool.allowCoreThreadTimeOut(true);
            this.ownExecutor = pool;
            this.executor = pool;
        }
    }

    public static Builder builder(ServiceDescription service) {
        return new Builder(service);
    }

    private static Supplier<?> constructorOf(Class<?> type) {
        Constructor<?> c;
        try {
            c = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new ServiceHostException("The service type " + type.getName() + " has no public parameterless"
                    + " constructor; WCF needs one too (or host a singleton instance: Builder.instance(...)).");
        }
        return () -> {
            try {
                return c.newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot create a " + type.getName() + ": " + e.getCause(), e);
            }
        };
    }

    /** Opens every endpoint; fails (and closes what was opened) when any cannot be opened. */
    public synchronized void open() {
        if (opened) {
            throw new IllegalStateException("the service host is already open");
        }
        opened = true;
        AsyncPermits calls = new AsyncPermits(throttling.maxConcurrentCalls());
        AsyncPermits sessions = new AsyncPermits(throttling.maxConcurrentSessions());
        Set<URI> listenUris = new HashSet<>();
        Optional<ServiceMetadataBehavior> metadataBehavior = service.effectiveBehavior().metadata();
        List<URI> getAddresses = new ArrayList<>();
        metadataBehavior.filter(ServiceMetadataBehavior::httpGetEnabled).ifPresent(m -> getAddresses.add(
                metadataAddress("http", m.httpGetUrl(), WcfText.SFxServiceMetadataBehaviorNoHttpBaseAddress)));
        metadataBehavior.filter(ServiceMetadataBehavior::httpsGetEnabled).ifPresent(m -> getAddresses.add(
                metadataAddress("https", m.httpsGetUrl(), WcfText.SFxServiceMetadataBehaviorNoHttpsBaseAddress)));
        try {
            for (ServiceEndpoint e : service.endpoints()) {
                if (e.isMetadataExchange() && metadataBehavior.isEmpty()) {
                    throw new ServiceHostException(WcfText.SfxReflectedContractKeyNotFoundIMetadataExchange.format(
                            service.name()));
                }
                openEndpoint(e, calls, sessions, listenUris, getAddresses);
            }
            if (dispatchers.isEmpty()) {
                throw new ServiceHostException(WcfText.ServiceHasZeroAppEndpoints.format(service.name()));
            }
            endpointsOpened = true;
            for (URI at : getAddresses) {
                if (!listenUris.contains(normalized(at))) {
                    openMetadataListener(at);
                }
            }
        } catch (RuntimeException failure) {
            abort();
            throw failure;
        }
    }

    /**
     * Where {@code ?wsdl} is served (WCF's {@code ServiceMetadataBehavior}): {@code httpGetUrl} as written when absolute,
     * else relative to the http base address, else the http base address itself.
     */
    private URI metadataAddress(String scheme, Optional<URI> getUrl, WcfText noBaseAddress) {
        if (getUrl.isPresent() && getUrl.get().isAbsolute()) {
            return getUrl.get();
        }
        URI base = baseAddresses.stream().filter(b -> scheme.equalsIgnoreCase(b.getScheme())).findFirst()
                .orElseThrow(() -> new ServiceHostException(noBaseAddress.format()));
        if (getUrl.isEmpty() || getUrl.get().toString().isEmpty()) {
            return base;
        }
        String b = base.toString();
        return URI.create(b.endsWith("/") ? b : b + "/").resolve(getUrl.get());
    }

    /**
     * The service's metadata, built once from the opened endpoints (their real addresses). Called on I/O threads, so
     * it takes its own lock, never the host's.
     */
    private ServiceMetadata metadata() {
        synchronized (metadataLock) {
            if (metadata != null) {
                return metadata;
            }
            ServiceMetadata m = WsdlExporter.export(serviceQName(), List.copyOf(exported), service.effectiveBehavior()
                    .metadata().map(ServiceMetadataBehavior::policyVersion).orElse("Default"));
            if (endpointsOpened) {
                metadata = m;
            }
            return m;
        }
    }

    /** WCF's {@code ServiceDescription} name: {@code [ServiceBehavior(Name, Namespace)]}, else the type's name. */
    private QName serviceQName() {
        return serviceQName(service, implementation, implementation.getAnnotation(ServiceBehavior.class));
    }

    private static QName serviceQName(ServiceDescription service, Class<?> implementation, ServiceBehavior b) {
        String configured = b != null && !b.configurationName().isEmpty() ? b.configurationName() : service.name();
        String name = b != null && !b.name().isEmpty() ? b.name()
                : !configured.isEmpty() ? configured.substring(configured.lastIndexOf('.') + 1)
                : implementation.getSimpleName();
        String ns = b != null && !b.namespace().isEmpty() ? b.namespace() : WsdlExporter.TEMPURI;
        return new QName(ns, name);
    }

    private boolean helpPage() {
        return service.effectiveBehavior().debug().map(ServiceDebugBehavior::httpHelpPageEnabled).orElse(true);
    }

    /** A GET-only listener at the metadata address when no endpoint listens there (WCF's HTTP GET endpoint). */
    private void openMetadataListener(URI at) {
        ChannelListener<?>[] listener = new ChannelListener<?>[1];
        MetadataHttpGet get = new MetadataHttpGet(this::metadata, () -> listener[0].uri(), serviceQName()
                .getLocalPart(), helpPage(), false);
        metadataAddresses.add(() -> listener[0].uri());
        Binding text = io.github.wcf4j.binding.CustomBinding.of("metadata",
                io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement.defaults(),
                "https".equalsIgnoreCase(at.getScheme())
                        ? io.github.wcf4j.binding.transport.HttpsTransportBindingElement.defaults()
                        : io.github.wcf4j.binding.transport.HttpTransportBindingElement.defaults());
        listener[0] = builder.buildListener(text, ChannelType.REPLY, parameters.copy()
                .put(ListenAddress.class, ListenAddress.explicit(at)).put(HttpGetHandler.class, get));
        Futures.join(listener[0].open(text.timeouts().openTimeout()));
        metadataListeners.add(listener[0]);
        LOG.info("{}: metadata at {}?wsdl", service.name(), listener[0].uri());
    }

    private void openEndpoint(ServiceEndpoint e, AsyncPermits calls, AsyncPermits sessions, Set<URI> listenUris,
            List<URI> getAddresses) {
        boolean mex = e.isMetadataExchange();
        Class<?> contract = mex ? IMetadataExchange.class : types.contract(e.contract()).orElseThrow(() ->
                new ServiceHostException(WcfText.SfxReflectedContractKeyNotFound2.format(e.contract(),
                        service.name())));
        if (!mex && !contract.isAssignableFrom(implementation)) {
            throw new ServiceHostException(WcfText.SfxReflectedContractKeyNotFound2.format(e.contract(),
                    service.name()));
        }
        ContractDescription description = ContractDescription.of(contract);
        Binding binding = e.binding();
        URI address = address(e, binding);
        URI listenUri = e.listenUri().orElse(address);
        if (!listenUris.add(normalized(listenUri))) {
            throw new ServiceHostException("Two endpoints of service '" + service.name() + "' listen at " + listenUri
                    + "; wcf4j opens one endpoint per listen address.");
        }
        ChannelType<?> type = ChannelType.of(ChannelSelection.selectService(binding, description.shape()));
        BindingParameters p = parameters.copy().put(ListenAddress.class, ListenAddress.explicit(listenUri));
        ChannelListener<?>[] opened = new ChannelListener<?>[1];
        if (getAddresses.stream().anyMatch(at -> normalized(at).equals(normalized(listenUri)))) {
            p.put(HttpGetHandler.class, new MetadataHttpGet(this::metadata, () -> opened[0].uri(),
                    serviceQName().getLocalPart(), helpPage(), true));
            metadataAddresses.add(() -> opened[0].uri());
        }
        ChannelListener<?> listener = builder.buildListener(binding, type, p);
        opened[0] = listener;
        OperationInvoker invoker = mex ? new MetadataExchangeInvoker(this::metadata)
                : MetroOperationInvoker.create(implementation, contract, instances, instanceMode,
                        includeExceptionDetail);
        URI configured = address;
        MessageDispatcher md = new MessageDispatcher(invoker,
                () -> configured.getPort() == 0 && listenUri.equals(configured) ? listener.uri() : configured,
                binding.messageVersion().orElse(io.github.wcf4j.binding.encoding.MessageVersion.SOAP12_WS_ADDRESSING10),
                executor);
        EndpointDispatcher d = new EndpointDispatcher(listener, md, calls, sessions,
                binding.timeouts().sendTimeout(), binding.timeouts().receiveTimeout());
        dispatchers.add(d);
        try {
            Futures.join(d.open(binding.timeouts().openTimeout()));
        } catch (RuntimeException failure) {
            invoker.close();
            throw failure;
        }
        URI actual = listener.uri();
        if (!mex) {
            exported.add(new WsdlExporter.ExportedEndpoint(e.name(), description, binding,
                    address.getPort() == 0 ? actual : address));
        }
        hosted.add(new HostedEndpoint(e.displayName(), description.configurationName(), address.getPort() == 0
                ? actual : address, actual, type.shape()));
        LOG.info("{}: endpoint '{}' ({}) listening at {} as {}", service.name(), e.displayName(),
                description.configurationName(), actual, type);
    }

    /** The endpoint's absolute address: as written, or relative to the base address of its transport's scheme. */
    private URI address(ServiceEndpoint e, Binding binding) {
        return address(e, binding, baseAddresses);
    }

    private static URI address(ServiceEndpoint e, Binding binding, List<URI> baseAddresses) {
        URI written = e.address().isEmpty() ? null : URI.create(e.address());
        if (written != null && written.isAbsolute()) {
            return written;
        }
        String scheme = binding.transport().map(t -> t.scheme()).orElse("http");
        Optional<URI> base = baseAddresses.stream().filter(b -> scheme.equalsIgnoreCase(b.getScheme())).findFirst();
        if (base.isEmpty()) {
            String schemes = baseAddresses.stream().map(URI::getScheme).collect(Collectors.toCollection(
                    LinkedHashSet::new)).stream().collect(Collectors.joining(","));
            throw new ServiceHostException(WcfText.SFxEndpointNoMatchingScheme.format(scheme, binding.wcfName(),
                    schemes));
        }
        if (written == null) {
            return base.get();
        }
        String b = base.get().toString();
        return URI.create(b.endsWith("/") ? b : b + "/").resolve(written);
    }

    private static URI normalized(URI u) {
        String s = u.toString().toLowerCase(Locale.ROOT);
        return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    /** The opened endpoints. */
    public synchronized List<HostedEndpoint> endpoints() {
        return List.copyOf(hosted);
    }

    /**
     * The sessions the host's endpoints have accepted and not yet closed (a session ends when its client closes it,
     * when it faults, e.g. at a reliable session's {@code inactivityTimeout}, or after {@code receiveTimeout} idle).
     */
    public synchronized int openSessions() {
        return dispatchers.stream().mapToInt(EndpointDispatcher::openSessions).sum();
    }

    /** Endpoints of the configuration the host did not open, and why. */
    public synchronized List<String> skipped() {
        return List.copyOf(skipped);
    }

    public Class<?> implementation() {
        return implementation;
    }

    /** Closes every endpoint gracefully within {@code timeout}, then releases the host's threads. */
    public synchronized void close(Duration timeout) {
        try {
            metadataListeners.forEach(ChannelListener::abort);
            Futures.join(Futures.all(dispatchers.stream().map(d -> d.close(timeout)).collect(Collectors.toList())));
        } finally {
            release();
        }
    }

    /**
     * The metadata a host of {@code service} would publish, without opening anything ({@code wcf4j wsdl}): endpoint
     * addresses resolved against {@code baseAddresses} (and the configured ones) as when hosting.
     */
    public static ServiceMetadata metadataOf(ServiceDescription service, ServiceTypes types, List<URI> baseAddresses) {
        List<URI> bases = new ArrayList<>(baseAddresses);
        bases.addAll(service.baseAddresses());
        List<WsdlExporter.ExportedEndpoint> endpoints = new ArrayList<>();
        for (ServiceEndpoint e : service.endpoints()) {
            if (e.isMetadataExchange()) {
                continue;
            }
            Class<?> contract = types.contract(e.contract()).orElseThrow(() -> new ServiceHostException(
                    WcfText.SfxReflectedContractKeyNotFound2.format(e.contract(), service.name())));
            endpoints.add(new WsdlExporter.ExportedEndpoint(e.name(), ContractDescription.of(contract), e.binding(),
                    address(e, e.binding(), bases)));
        }
        Class<?> implementation = types.service(service.name()).orElse(null);
        ServiceBehavior b = implementation == null ? null : implementation.getAnnotation(ServiceBehavior.class);
        return WsdlExporter.export(serviceQName(service, implementation, b), endpoints, service.effectiveBehavior()
                .metadata().map(ServiceMetadataBehavior::policyVersion).orElse("Default"));
    }

    /** Where the service's metadata is served over HTTP GET (its listeners' real addresses), in the order opened. */
    public synchronized List<URI> publishedMetadataAddresses() {
        return metadataAddresses.stream().map(java.util.function.Supplier::get).collect(Collectors.toList());
    }

    /** The service's metadata as published (WSDL, schemas), built from the opened endpoints. */
    public ServiceMetadata publishedMetadata() {
        if (!opened) {
            throw new IllegalStateException("the service host is not open");
        }
        return metadata();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    public synchronized void abort() {
        metadataListeners.forEach(ChannelListener::abort);
        dispatchers.forEach(EndpointDispatcher::abort);
        release();
    }

    private void release() {
        if (ownExecutor != null) {
            ownExecutor.shutdown();
        }
        if (ownScheduler != null) {
            ownScheduler.close();
        }
    }

    /** How a host is made: the service, and what its stacks and operations need. */
    public static final class Builder {
        private final ServiceDescription service;
        private final List<URI> baseAddresses = new ArrayList<>();
        private final BindingParameters parameters = new BindingParameters();
        private ServiceTypes types = ServiceTypes.discovered();
        private Class<?> implementation;
        private Object singleton;
        private java.util.concurrent.Executor executor;
        private ChannelStackBuilder stackBuilder = ChannelStackBuilder.standard();

        private Builder(ServiceDescription service) {
            this.service = service;
        }

        /** A base address for relative endpoint addresses (WCF: the host's, e.g. IIS's); config ones are added. */
        public Builder baseAddress(URI uri) {
            baseAddresses.add(uri);
            return this;
        }

        /** How configuration names resolve to Java types (default: the discovered registrations). */
        public Builder types(ServiceTypes t) {
            this.types = t;
            return this;
        }

        /** The implementation class, instead of resolving the configured service name. */
        public Builder implementation(Class<?> type) {
            this.implementation = type;
            return this;
        }

        /** One service object for every call (WCF's singleton {@code ServiceHost(object)}). */
        public Builder instance(Object serviceObject) {
            this.singleton = serviceObject;
            this.implementation = serviceObject.getClass();
            return this;
        }

        /** Runs operations here instead of the host's own pool (e.g. a test's virtual-time executor). */
        public Builder invocationExecutor(java.util.concurrent.Executor e) {
            this.executor = e;
            return this;
        }

        /** A binding parameter for every endpoint's stack: a Scheduler, TlsSettings, NettyResources, ... */
        public <T> Builder parameter(Class<T> type, T value) {
            parameters.put(type, value);
            return this;
        }

        /** Adjusts the binding parameters directly. */
        public Builder parameters(Consumer<BindingParameters> change) {
            change.accept(parameters);
            return this;
        }

        public Builder stackBuilder(ChannelStackBuilder b) {
            this.stackBuilder = b;
            return this;
        }

        public ServiceHost build() {
            return new ServiceHost(this);
        }
    }
}
