package io.github.wcf4j.runtime.service;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.credentials.WindowsServiceCredential;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.binding.description.ServiceThrottlingBehavior;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.stack.ChannelSelection;
import io.github.wcf4j.runtime.channel.ChannelListener;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.CommunicationState;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.contract.ConcurrencyMode;
import io.github.wcf4j.runtime.contract.ContractDescription;
import io.github.wcf4j.runtime.contract.InstanceContextMode;
import io.github.wcf4j.runtime.contract.ServiceBehavior;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.metadata.IMetadataExchange;
import io.github.wcf4j.runtime.metadata.ServiceMetadata;
import io.github.wcf4j.runtime.metadata.WsdlExporter.ExportedEndpoint;
import io.github.wcf4j.runtime.metrics.EndpointMetrics;
import io.github.wcf4j.runtime.metrics.MeteredEndpoint;
import io.github.wcf4j.runtime.metrics.RuntimeMetrics;
import io.github.wcf4j.runtime.metro.MetroOperationInvoker;
import io.github.wcf4j.runtime.security.CertificateStores;
import io.github.wcf4j.runtime.security.ConfiguredServiceCredentials;
import io.github.wcf4j.runtime.diagnostics.MessageLog;
import io.github.wcf4j.runtime.security.CredentialsFromConfiguration;
import io.github.wcf4j.runtime.security.message.ServiceCredentials;
import io.github.wcf4j.runtime.transport.WireTap;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.stack.ListenAddress;
import io.github.wcf4j.runtime.stack.Refusal;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.SystemScheduler;
import io.github.wcf4j.runtime.transport.http.HttpGetHandler;
import java.lang.reflect.Constructor;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hosts one configured service (WCF {@code ServiceHost}): its endpoints' addresses are resolved against the base
 * addresses, each endpoint gets a channel listener built from its binding by the {@link ChannelStackBuilder} (the shape
 * chosen for its contract exactly as {@code describe} shows), and the service's operations run through the Metro
 * service model with WCF's instancing, throttling and faults. Its metadata is published by a {@link MetadataPublisher}.
 * A service that lists no endpoint (or has no {@code <service>} element at all) gets WCF 4's default endpoints, one per
 * base address per contract its class implements ({@link ServiceEndpoints}).
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
    private final ServiceModelConfiguration configuration;
    private final Class<?> implementation;
    private final Supplier<?> instances;
    private final InstanceContextMode instanceMode;
    private final ConcurrencyMode concurrency;
    private final boolean includeExceptionDetail;
    private final BaseAddresses baseAddresses;
    private final ServiceTypes types;
    private final BindingParameters parameters;
    private final ChannelStackBuilder builder;
    private final ServiceThrottlingBehavior throttling;
    private final ExecutorService ownExecutor;
    private final Executor executor;
    private final boolean inlineInvocation;
    private final SystemScheduler ownScheduler;
    private final MetadataPublisher metadata;
    private final List<EndpointDispatcher> dispatchers = new ArrayList<>();
    private final List<HostedEndpoint> hosted = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    /** {@code <diagnostics><messageLogging>}: service level here, transport level through the wire tap. */
    private final MessageLog messageLog;
    private ConfiguredServiceCredentials configuredCredentials;
    private boolean opened;
    private boolean ended;

    private ServiceHost(Builder b) {
        this.service = b.service;
        this.configuration = b.configuration;
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
        this.concurrency = annotation == null ? ConcurrencyMode.Single : annotation.concurrencyMode();
        this.instances = b.singleton != null ? () -> b.singleton : constructorOf(implementation);
        this.includeExceptionDetail = service.effectiveBehavior().includeExceptionDetailInFaults()
                || annotation != null && annotation.includeExceptionDetailInFaults();
        this.throttling = service.effectiveBehavior().effectiveThrottling();
        this.baseAddresses = BaseAddresses.of(b.baseAddresses, service.baseAddresses());
        this.parameters = b.parameters;
        this.messageLog = parameters.find(MessageLog.class)
                .orElseGet(() -> MessageLog.of(configuration.messageLogging()));
        if (messageLog.atTransportLevel()) {
            parameters.put(WireTap.class, messageLog.tap(parameters.find(WireTap.class).orElse(null)));
        }
        this.builder = b.stackBuilder;
        this.metadata = new MetadataPublisher(service, implementation, baseAddresses, builder, parameters);
        if (!parameters.find(Scheduler.class).isPresent()) {
            ownScheduler = new SystemScheduler();
            parameters.put(Scheduler.class, ownScheduler);
        } else {
            ownScheduler = null;
        }
        this.inlineInvocation = b.inlineInvocation;
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

    /**
     * Whether an endpoint's operations may run on the thread that delivered their requests, when the host opted in:
     * not a duplex contract's (an operation may call back and wait for the reply) and not under message security
     * (the reply is signed and encrypted where the operation returns, and cryptography never runs on an event loop).
     */
    private static boolean runsInline(Binding binding, ContractDescription contract) {
        return !contract.isDuplex() && binding.find(SecurityBindingElement.class).isEmpty();
    }

    /** A host of {@code service}, without the rest of a configuration (WCF's defaults for default endpoints). */
    public static Builder builder(ServiceDescription service) {
        return new Builder(service, ServiceModelConfiguration.empty());
    }

    /** A host of {@code service}, its default endpoints and behaviors from {@code config}. */
    public static Builder builder(ServiceModelConfiguration config, ServiceDescription service) {
        return new Builder(service, config);
    }

    /**
     * A host of the service {@code serviceName} of {@code config}: its {@code <service>} element, or, when it has none,
     * the service as WCF describes it without one (the unnamed behaviors, default endpoints).
     */
    public static Builder builder(ServiceModelConfiguration config, String serviceName) {
        return new Builder(config.serviceOrDefault(serviceName), config);
    }

    /**
     * A host of the class {@code serviceType}, configured by {@code config}'s {@code <service>} of its configuration name
     * ({@code @ServiceBehavior(configurationName)}, else its Java name) when there is one, as WCF's
     * {@code new ServiceHost(typeof(T))} is.
     */
    public static Builder builder(ServiceModelConfiguration config, Class<?> serviceType) {
        return builder(config, ServiceTypes.serviceConfigurationName(serviceType)).implementation(serviceType);
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
        InstanceContexts contexts = new InstanceContexts(instanceMode, concurrency,
                new AsyncPermits(throttling.maxConcurrentInstances()));
        Set<URI> listenUris = new HashSet<>();
        metadata.resolveGetAddresses();
        try {
            List<Refusal> hosting = new EndpointRefusals(builder).of(configuration.hostingEnvironment());
            if (!hosting.isEmpty()) {
                throw hosting.get(0).toException();
            }
            configuredCredentials = configuredCredentials();
            for (ServiceEndpoint e : ServiceEndpoints.of(configuration, service, baseAddresses, implementation)) {
                if (e.isMetadataExchange() && !metadata.enabled()) {
                    throw new ServiceHostException(WcfText.SfxReflectedContractKeyNotFoundIMetadataExchange.format(
                            service.name()));
                }
                openEndpoint(e, calls, sessions, contexts, listenUris);
            }
            if (dispatchers.isEmpty()) {
                throw new ServiceHostException(WcfText.ServiceHasZeroAppEndpoints.format(service.name()));
            }
            metadata.endpointsOpened(listenUris);
        } catch (RuntimeException failure) {
            abort();
            throw failure;
        }
    }

    private void openEndpoint(ServiceEndpoint e, AsyncPermits calls, AsyncPermits sessions, InstanceContexts contexts,
            Set<URI> listenUris) {
        boolean mex = e.isMetadataExchange();
        Class<?> contract = mex ? IMetadataExchange.class
                : ServiceEndpoints.contract(e.contract(), types, implementation, service.name());
        if (!mex && !contract.isAssignableFrom(implementation)) {
            throw new ServiceHostException(WcfText.SfxReflectedContractKeyNotFound2.format(e.contract(),
                    service.name()));
        }
        ContractDescription description = ContractDescription.of(contract);
        Binding binding = e.binding();
        URI address = baseAddresses.endpointAddress(e, binding);
        URI listenUri = e.listenUri().orElse(address);
        if (!listenUris.add(BaseAddresses.normalized(listenUri))) {
            throw new ServiceHostException("Two endpoints of service '" + service.name() + "' listen at " + listenUri
                    + "; wcf4j opens one endpoint per listen address.");
        }
        ChannelType<?> type = ChannelType.of(ChannelSelection.selectService(binding, description.shape()));
        List<Refusal> refused = new EndpointRefusals(builder).of(e, type.shape());
        if (!refused.isEmpty()) {
            throw refused.get(0).toException();
        }
        EndpointMetrics meters = parameters.find(RuntimeMetrics.class).orElse(RuntimeMetrics.NONE).endpoint(
                new MeteredEndpoint(MeteredEndpoint.Side.SERVICE, service.name(), e.displayName(),
                        e.contract()));
        BindingParameters p = parameters.copy().put(ListenAddress.class, ListenAddress.explicit(listenUri))
                .put(EndpointMetrics.class, meters);
        if (configuredCredentials != null) {
            try {
                p.put(ServiceCredentials.class, configuredCredentials.forBinding(binding));
            } catch (IllegalStateException cannot) {
                throw new ServiceHostException("The endpoint '" + e.displayName() + "' of service '" + service.name()
                        + "' cannot be opened: " + cannot.getMessage(), cannot);
            }
        }
        // <windowsAuthentication allowAnonymousLogons includeWindowsGroups>: how the Windows (Kerberos) modes treat
        // their callers; a parameter given in code wins
        if (p.find(WindowsServiceCredential.class).isEmpty()) {
            p.put(WindowsServiceCredential.class,
                    service.effectiveBehavior().effectiveCredentials().windowsAuthentication());
        }
        AtomicReference<ChannelListener<?>> opened = new AtomicReference<>();
        metadata.handlerAt(listenUri, () -> opened.get().uri()).ifPresent(get -> p.put(HttpGetHandler.class, get));
        ChannelListener<?> listener = builder.buildListener(binding, type, p);
        opened.set(listener);
        OperationInvoker invoker = mex ? new MetadataExchangeInvoker(metadata::metadata)
                : MetroOperationInvoker.create(implementation, contract, instances, instanceMode,
                        includeExceptionDetail);
        URI configured = address;
        Supplier<URI> endpointAddress = () -> configured.getPort() == 0 && listenUri.equals(configured)
                ? listener.uri() : configured;
        MessageVersion version = binding.messageVersion().orElse(MessageVersion.SOAP12_WS_ADDRESSING10);
        MessageDispatcher md = new MessageDispatcher(invoker, endpointAddress, AddressFilter.of(e.headers()),
                version, executor, mex ? InstanceContexts.single(ConcurrencyMode.Multiple) : contexts,
                messageLog, MessageLog.encoderFor(binding), meters,
                inlineInvocation && runsInline(binding, description));
        CallbackEndpoint callbacks = description.isDuplex() ? new CallbackEndpoint(description.callback().orElseThrow(),
                version, binding.timeouts().sendTimeout(), p.require(Scheduler.class), endpointAddress) : null;
        EndpointDispatcher d = new EndpointDispatcher(listener, md, calls, sessions,
                binding.timeouts().sendTimeout(), binding.timeouts().receiveTimeout(), callbacks, meters);
        dispatchers.add(d);
        try {
            Futures.join(d.open(binding.timeouts().openTimeout()));
        } catch (RuntimeException failure) {
            invoker.close();
            throw failure;
        }
        URI actual = listener.uri();
        if (!mex) {
            metadata.add(new ExportedEndpoint(e.name(), description, binding,
                    address.getPort() == 0 ? actual : address, e.headers()));
        }
        hosted.add(new HostedEndpoint(e.displayName(), description.configurationName(), address.getPort() == 0
                ? actual : address, actual, type.shape()));
        LOG.info("{}: endpoint '{}' ({}) listening at {} as {}", service.name(), e.displayName(),
                description.configurationName(), actual, type);
    }

    /**
     * The service's {@code <serviceCredentials>} (WCF's defaults when it has none) as the runtime runs them, unless
     * credentials were given in code ({@link Builder#credentials}), which then apply instead, as WCF's code-set
     * {@code ServiceHost.Credentials} replace what the configuration set. Certificates are found now, at open, in the
     * {@link CertificateStores} binding parameter or else the stores the environment names.
     */
    private ConfiguredServiceCredentials configuredCredentials() {
        if (parameters.find(ServiceCredentials.class).isPresent()) {
            return null;
        }
        CertificateStores stores = parameters.find(CertificateStores.class)
                .orElseGet(CertificateStores::fromEnvironment);
        try {
            return new CredentialsFromConfiguration(stores, types).service(
                    service.effectiveBehavior().effectiveCredentials());
        } catch (IllegalStateException | IllegalArgumentException failed) {
            throw new ServiceHostException("The credentials of service '" + service.name() + "' cannot be applied: "
                    + failed.getMessage(), failed);
        }
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

    /**
     * Whether the host serves: opened, not closed or aborted, and no endpoint's listener faulted (what a health check
     * reports).
     */
    public synchronized boolean isOpen() {
        return opened && !ended && faultedEndpoints().isEmpty();
    }

    /** The opened endpoints whose listener faulted (they accept nothing more), by name. */
    public synchronized List<String> faultedEndpoints() {
        List<String> faulted = new ArrayList<>();
        for (int i = 0; i < hosted.size() && i < dispatchers.size(); i++) {
            if (dispatchers.get(i).listener().state() == CommunicationState.Faulted) {
                faulted.add(hosted.get(i).name());
            }
        }
        return faulted;
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
        ended = true;
        try {
            metadata.abort();
            Scheduler scheduler = parameters.require(Scheduler.class);
            Futures.join(Futures.all(dispatchers.stream().map(d -> d.close(timeout, scheduler))
                    .collect(Collectors.toList())));
        } finally {
            release();
        }
    }

    /**
     * The metadata a host of {@code service} would publish, without opening anything ({@code wcf4j wsdl}): endpoint
     * addresses resolved against {@code baseAddresses} (and the configured ones) as when hosting.
     */
    public static ServiceMetadata metadataOf(ServiceDescription service, ServiceTypes types, List<URI> baseAddresses) {
        return metadataOf(ServiceModelConfiguration.empty(), service, types, baseAddresses);
    }

    /** As {@link #metadataOf(ServiceDescription, ServiceTypes, List)}, default endpoints from {@code config}. */
    public static ServiceMetadata metadataOf(ServiceModelConfiguration config, ServiceDescription service,
            ServiceTypes types, List<URI> baseAddresses) {
        return MetadataPublisher.of(config, service, types, baseAddresses);
    }

    /** Where the service's metadata is served over HTTP GET (its listeners' real addresses), in the order opened. */
    public synchronized List<URI> publishedMetadataAddresses() {
        return metadata.addresses();
    }

    /** The service's metadata as published (WSDL, schemas), built from the opened endpoints. */
    public ServiceMetadata publishedMetadata() {
        if (!opened) {
            throw new IllegalStateException("the service host is not open");
        }
        return metadata.metadata();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    public synchronized void abort() {
        ended = true;
        metadata.abort();
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
        private final ServiceModelConfiguration configuration;
        private final List<URI> baseAddresses = new ArrayList<>();
        private final BindingParameters parameters = new BindingParameters();
        private ServiceTypes types = ServiceTypes.discovered();
        private Class<?> implementation;
        private Object singleton;
        private Executor executor;
        private boolean inlineInvocation;
        private ChannelStackBuilder stackBuilder = ChannelStackBuilder.standard();

        private Builder(ServiceDescription service, ServiceModelConfiguration configuration) {
            this.service = service;
            this.configuration = configuration;
        }

        /**
         * A base address for relative endpoint addresses (WCF: the host's, e.g. IIS's), one per scheme; a configured
         * one is used for a scheme the host supplies none of.
         */
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
        public Builder invocationExecutor(Executor e) {
            this.executor = e;
            return this;
        }

        /**
         * Opt-in: the service's operations never block (no I/O, no waiting on locks, no synchronous calls to other
         * services), so each runs on the thread that delivered its request, usually a transport's event loop, instead
         * of being handed to the invocation pool (gRPC's {@code directExecutor()}): a call then costs two thread
         * hand-offs fewer (to the pool and back to the event loop for the reply). An operation that blocks would
         * stall every connection of that event loop. Stream operations, duplex contracts and endpoints with message
         * security still run on the pool; so does a call that had to wait for its instance's lock. Default: off.
         */
        public Builder inlineInvocation(boolean on) {
            this.inlineInvocation = on;
            return this;
        }

        /** A binding parameter for every endpoint's stack: a Scheduler, TlsSettings, NettyResources, ... */
        public <T> Builder parameter(Class<T> type, T value) {
            parameters.put(type, value);
            return this;
        }

        /**
         * How the endpoints with message security authenticate callers (WCF's {@code ServiceHost.Credentials}: a
         * user name validator, the trust in client certificates). Given here, they apply instead of the
         * configuration's {@code <serviceCredentials>}, which is then not read.
         */
        public Builder credentials(ServiceCredentials credentials) {
            return parameter(ServiceCredentials.class, credentials);
        }

        /**
         * Where the host's endpoints report their calls, sessions, reliable-session traffic and negotiations (default:
         * {@link RuntimeMetrics#NONE}, nothing); {@code wcf4j-micrometer} implements it with Micrometer.
         */
        public Builder metrics(RuntimeMetrics metrics) {
            return parameter(RuntimeMetrics.class, metrics);
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
