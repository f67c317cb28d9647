package io.github.wcf4j.runtime.client;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.credentials.WindowsClientCredential;
import io.github.wcf4j.binding.address.AddressHeader;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.EndpointBehaviorElement;
import io.github.wcf4j.binding.description.MessageLoggingSettings;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.SslStreamSecurityBindingElement;
import io.github.wcf4j.binding.stack.ChannelSelection;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.binding.stack.ElementKind;
import io.github.wcf4j.binding.transport.AuthenticationScheme;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.binding.transport.HttpsTransportBindingElement;
import io.github.wcf4j.runtime.channel.Channel;
import io.github.wcf4j.runtime.channel.ChannelFactory;
import io.github.wcf4j.runtime.channel.ChannelType;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.channel.Futures;
import io.github.wcf4j.runtime.contract.ContractDescription;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.diagnostics.MessageLog;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.github.wcf4j.runtime.metro.MetroProxyFactory;
import io.github.wcf4j.runtime.security.CertificateLookup;
import io.github.wcf4j.runtime.security.CertificateStores;
import io.github.wcf4j.runtime.security.CredentialsFromConfiguration;
import io.github.wcf4j.runtime.security.ExpectedServiceIdentity;
import io.github.wcf4j.runtime.security.HttpsServerIdentity;
import io.github.wcf4j.runtime.security.ServerCertificateCheck;
import io.github.wcf4j.runtime.security.message.ClientCredentials;
import io.github.wcf4j.runtime.service.CallbackDispatcher;
import io.github.wcf4j.runtime.security.ServiceCertificateAuthentication;
import io.github.wcf4j.runtime.service.EndpointRefusals;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.stack.Refusal;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.SystemScheduler;
import io.github.wcf4j.runtime.transport.WireTap;
import io.github.wcf4j.runtime.metrics.EndpointMetrics;
import io.github.wcf4j.runtime.metrics.MeteredEndpoint;
import io.github.wcf4j.runtime.metrics.OperationMetrics;
import io.github.wcf4j.runtime.metrics.RuntimeMetrics;
import java.time.Duration;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Typed proxies for a configured client endpoint (WCF {@code ChannelFactory<TChannel>}): the endpoint's binding is
 * built into a channel factory of the shape its contract needs (exactly what {@code describe} shows), and each proxy
 * gets its own channel, so a sessionful binding gives each proxy its own session.
 *
 * <pre>{@code
 * ServiceModelConfiguration config = ServiceModelConfigReader.create().read(Path.of("client.config")).orThrow();
 * try (ClientFactory<Calculator> factory = ClientFactory.builder(config.clientEndpoint("").orElseThrow(),
 *         Calculator.class).build()) {
 *     Calculator calc = factory.createChannel();
 *     double sum = calc.add(100, 15.99);
 * }
 * }</pre>
 *
 * <p>For a duplex contract ({@code @ServiceContract(callbackContract = ...)}) the client supplies the instance the
 * service's callbacks run on, as WCF's {@code DuplexChannelFactory} takes an {@code InstanceContext}:
 * {@code ClientFactory.builder(endpoint, IChat.class).callback(new ChatWindow()).build()}. Callbacks arriving on a
 * proxy's channel run on it one at a time, in order, on the factory's callback executor; replies to request/reply
 * callbacks go back on the same channel.
 */
public final class ClientFactory<T> implements AutoCloseable {
    /** How long an idle callback thread lives. */
    private static final long IDLE_THREAD_SECONDS = 10;

    private final ClientEndpoint endpoint;
    private final Class<T> contract;
    private final ChannelShape shape;
    private final ChannelFactory<?> factory;
    private final MetroProxyFactory<T> proxies;
    private final Scheduler scheduler;
    private final SystemScheduler ownScheduler;
    private final MessageVersion version;
    private final Map<Object, ServiceChannel> channels = new IdentityHashMap<>();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final ContractDescription description;
    private final CallbackDispatcher callbacks;
    private final ExecutorService ownCallbackExecutor;

    /** {@code <diagnostics><messageLogging>}, when the builder was given it. */
    private final MessageLog messageLog;
    private final TextMessageEncoder logEncoder;
    private final EndpointMetrics metrics;
    /** Each operation's meters by request action: resolved once, looked up per call without allocating. */
    private final Map<String, OperationMetrics> operationMeters;

    private ClientFactory(Builder<T> b) {
        this.endpoint = b.endpoint;
        this.contract = b.contract;
        Binding binding = endpoint.binding();
        this.description = ContractDescription.of(contract);
        if (b.callback != null) {
            checkCallback(description, b.callback);
        }
        this.shape = ChannelSelection.selectClient(binding, description.shape());
        List<Refusal> refused = new EndpointRefusals(b.stackBuilder).of(endpoint, shape);
        if (!refused.isEmpty()) {
            throw refused.get(0).toException();
        }
        if (b.parameters.find(Scheduler.class).isEmpty()) {
            ownScheduler = new SystemScheduler();
            b.parameters.put(Scheduler.class, ownScheduler);
        } else {
            ownScheduler = null;
        }
        this.scheduler = b.parameters.require(Scheduler.class);
        this.messageLog = b.parameters.find(MessageLog.class).orElse(b.messageLog);
        if (messageLog.atTransportLevel()) {
            b.parameters.put(WireTap.class, messageLog.tap(b.parameters.find(WireTap.class).orElse(null)));
        }
        this.logEncoder = MessageLog.encoderFor(binding);
        this.version = binding.messageVersion().orElse(MessageVersion.SOAP12_WS_ADDRESSING10);
        this.metrics = b.parameters.find(RuntimeMetrics.class).orElse(RuntimeMetrics.NONE).endpoint(
                new MeteredEndpoint(MeteredEndpoint.Side.CLIENT, endpoint.address().toString(),
                        endpoint.displayName(), endpoint.contract()));
        b.parameters.put(EndpointMetrics.class, metrics);
        this.operationMeters = operationMeters(description, metrics);
        this.factory = b.stackBuilder.buildFactory(binding, ChannelType.of(shape),
                withConfiguredCredentials(withExpectedIdentity(withServerIdentity(b.parameters))));
        this.proxies = MetroProxyFactory.of(contract);
        this.ownCallbackExecutor = b.callback != null && b.callbackExecutor == null ? callbackPool(contract) : null;
        this.callbacks = b.callback == null ? null : CallbackDispatcher.create(description.callback().orElseThrow(),
                b.callback, version, b.callbackExecutor != null ? b.callbackExecutor : ownCallbackExecutor);
        Futures.join(factory.open(binding.timeouts().openTimeout()));
    }

    /**
     * {@code given} with the check of the HTTPS server's certificate the endpoint's {@code <identity>} asks for, as
     * WCF's HTTPS channel factory checks it ({@link HttpsServerIdentity}); a {@code <certificateReference>} is found in
     * the {@link CertificateStores} binding parameter, or else the stores the environment names.
     */
    private BindingParameters withServerIdentity(BindingParameters given) {
        if (endpoint.identity().isEmpty() || !HttpsServerIdentity.appliesTo(endpoint.binding())) {
            return given;
        }
        CertificateLookup lookup = new CertificateLookup(given.find(CertificateStores.class)
                .orElseGet(CertificateStores::fromEnvironment));
        Optional<ServerCertificateCheck> check = HttpsServerIdentity.check(endpoint.identity(), endpoint.address(),
                lookup);
        if (check.isEmpty()) {
            return given;
        }
        return given.copy().put(ServerCertificateCheck.class, check.get());
    }

    /**
     * {@code given} with the service identity message security checks the service's certificate against (WCF's
     * {@code IdentityVerifier}): the endpoint's {@code <identity>}, found now, else the address's DNS identity. HTTP
     * Negotiate asks a ticket for the principal it names too.
     */
    private BindingParameters withExpectedIdentity(BindingParameters given) {
        if (endpoint.identity().isEmpty() || given.find(ExpectedServiceIdentity.class).isPresent()
                || (AuthenticationMode.of(endpoint.binding().createBindingElements()).isEmpty()
                        && !negotiatesOverHttp(endpoint.binding()) && !securesStream(endpoint.binding()))) {
            return given;
        }
        CertificateLookup lookup = new CertificateLookup(given.find(CertificateStores.class)
                .orElseGet(CertificateStores::fromEnvironment));
        return given.copy().put(ExpectedServiceIdentity.class, ExpectedServiceIdentity.of(endpoint.identity(),
                lookup));
    }

    /** Whether {@code binding} upgrades its net.tcp stream (Kerberos to the identity's principal, or TLS). */
    private static boolean securesStream(Binding binding) {
        return binding.createBindingElements().stream().anyMatch(e -> e.kind() == ElementKind.STREAM_UPGRADE);
    }

    /** Whether {@code binding}'s HTTP transport authenticates with Negotiate (Kerberos, to the identity's principal). */
    private static boolean negotiatesOverHttp(Binding binding) {
        return binding.createBindingElements().stream().anyMatch(e -> (e instanceof HttpTransportBindingElement h
                && h.authenticationScheme().contains(AuthenticationScheme.Negotiate))
                || (e instanceof HttpsTransportBindingElement s
                        && s.http().authenticationScheme().contains(AuthenticationScheme.Negotiate)));
    }

    /**
     * {@code given} with the endpoint's {@code <clientCredentials>} applied (WCF's {@code ClientCredentialsElement}):
     * its certificates found now, as WCF's {@code ChannelFactory} finds them, the client certificate used unless one
     * was given in code ({@link Builder#credentials}, which wins part by part; the user name only ever comes from
     * code). Certificates are found in the {@link CertificateStores} binding parameter or else the environment's.
     */
    private BindingParameters withConfiguredCredentials(BindingParameters given) {
        if (endpoint.binding().createBindingElements().stream().anyMatch(SslStreamSecurityBindingElement.class::isInstance)
                && given.find(ServiceCertificateAuthentication.class).isEmpty()) {
            // how a TLS upgrade trusts the service's certificate: <serviceCertificate><authentication>, or defaults
            CertificateStores stores = given.find(CertificateStores.class)
                    .orElseGet(CertificateStores::fromEnvironment);
            given = given.copy().put(ServiceCertificateAuthentication.class, new CredentialsFromConfiguration(stores,
                    ServiceTypes.empty()).serviceCertificateTrust(endpoint.behavior()
                            .map(EndpointBehaviorElement::effectiveCredentials)
                            .orElseGet(io.github.wcf4j.binding.credentials.ClientCredentials::defaults)));
        }
        if (endpoint.behavior().flatMap(EndpointBehaviorElement::credentials).isEmpty()) {
            return given;
        }
        CertificateStores stores = given.find(CertificateStores.class).orElseGet(CertificateStores::fromEnvironment);
        ClientCredentials credentials = new CredentialsFromConfiguration(stores, ServiceTypes.empty()).client(
                endpoint.behavior().orElseThrow().effectiveCredentials(),
                given.find(ClientCredentials.class).orElse(ClientCredentials.none()));
        BindingParameters applied = given.copy().put(ClientCredentials.class, credentials);
        // <windows allowedImpersonationLevel allowNtlm>: what the Windows (Kerberos) modes ask of the ticket; a
        // parameter given in code wins
        if (given.find(WindowsClientCredential.class).isEmpty()) {
            applied.put(WindowsClientCredential.class,
                    endpoint.behavior().orElseThrow().effectiveCredentials().windows());
        }
        return applied;
    }

    private static Map<String, OperationMetrics> operationMeters(ContractDescription d, EndpointMetrics metrics) {
        Map<String, OperationMetrics> byAction = new HashMap<>();
        for (var op : d.operations()) {
            if (op.action() != null) {
                byAction.putIfAbsent(op.action(), metrics.operation(op.name()));
            }
        }
        return Map.copyOf(byAction);
    }

    /** WCF's {@code DuplexChannelFactory} checks of its callback instance, with WCF's texts. */
    private static void checkCallback(ContractDescription description, Object callback) {
        ContractDescription callbackContract = description.callback().orElseThrow(() -> new IllegalStateException(
                WcfText.SfxCallbackTypeCannotBeNull.format(description.type().getName())));
        if (!description.isDuplex()) {
            throw new IllegalStateException(WcfText.SFxCreateDuplexChannel1.format(description.name()));
        }
        if (!callbackContract.type().isInstance(callback)) {
            throw new IllegalStateException(WcfText.SFxCreateDuplexChannelBadCallbackUserObject.format(
                    callbackContract.type().getName()));
        }
    }

    /** The threads callbacks run on when none are given: as many as needed, none kept once idle. */
    private static ExecutorService callbackPool(Class<?> contract) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_THREAD_SECONDS, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "wcf4j-callback-" + contract.getSimpleName());
                    t.setDaemon(true);
                    return t;
                });
        return pool;
    }

    public static <T> Builder<T> builder(ClientEndpoint endpoint, Class<T> contract) {
        return new Builder<>(endpoint, contract);
    }

    /** The channel shape the binding builds for this contract. */
    public ChannelShape shape() {
        return shape;
    }

    public ClientEndpoint endpoint() {
        return endpoint;
    }

    /**
     * A new proxy with its own channel (opened on its first call).
     *
     * @throws IllegalStateException for a duplex contract without a callback instance (WCF's text)
     */
    public T createChannel() {
        if (description.isDuplex() && callbacks == null) {
            throw new IllegalStateException(WcfText.SFxCreateNonDuplexChannel1.format(description.name()));
        }
        // the endpoint's <headers> travel on every message to it, as WCF's address headers
        Channel c = factory.createChannel(new EndpointAddress(endpoint.address(),
                endpoint.headers().stream().map(AddressHeader::xml).toList()));
        ServiceChannel sc = new ServiceChannel(c, version, endpoint.binding().timeouts(), scheduler, callbacks,
                messageLog, logEncoder, new ServiceChannel.Meters(metrics, operationMeters));
        T proxy = proxies.create(sc, endpoint.address());
        sc.proxy(proxy);
        synchronized (channels) {
            channels.put(proxy, sc);
        }
        return proxy;
    }

    /** Closes {@code proxy}'s channel gracefully (for a reliable session, its close handshake). */
    public void close(T proxy) {
        ServiceChannel sc;
        synchronized (channels) {
            sc = channels.remove(proxy);
        }
        if (sc != null) {
            Futures.join(sc.channel().close(endpoint.binding().timeouts().closeTimeout()));
        }
    }

    /** Closes every channel and the factory (nothing once closed or aborted). */
    @Override
    public void close() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        try {
            Duration t = endpoint.binding().timeouts().closeTimeout();
            List<ServiceChannel> open;
            synchronized (channels) {
                open = List.copyOf(channels.values());
                channels.clear();
            }
            Futures.join(Futures.all(open.stream().map(c -> c.channel().close(t)).collect(Collectors.toList())));
            Futures.join(factory.close(t));
        } finally {
            release();
        }
    }

    /** Aborts every channel and the factory (nothing once closed or aborted). */
    public void abort() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        List<ServiceChannel> open;
        synchronized (channels) {
            open = List.copyOf(channels.values());
            channels.clear();
        }
        open.forEach(c -> c.channel().abort());
        factory.abort();
        release();
    }

    private void release() {
        if (callbacks != null) {
            callbacks.close();
        }
        if (ownCallbackExecutor != null) {
            ownCallbackExecutor.shutdown();
        }
        if (ownScheduler != null) {
            ownScheduler.close();
        }
    }

    /** How a client factory is made. */
    public static final class Builder<T> {
        private final ClientEndpoint endpoint;
        private final Class<T> contract;
        private final BindingParameters parameters = new BindingParameters();
        private ChannelStackBuilder stackBuilder = ChannelStackBuilder.standard();
        private Object callback;
        private Executor callbackExecutor;
        private MessageLog messageLog = MessageLog.none();

        private Builder(ClientEndpoint endpoint, Class<T> contract) {
            this.endpoint = endpoint;
            this.contract = contract;
        }

        /** A binding parameter for the stack: a Scheduler, TlsSettings, NettyResources, InMemoryNetwork, ... */
        public <V> Builder<T> parameter(Class<V> type, V value) {
            parameters.put(type, value);
            return this;
        }

        /**
         * What the client proves itself with when its binding has message security (WCF's
         * {@code ChannelFactory.Credentials}: {@code UserName}, {@code ClientCertificate}).
         */
        public Builder<T> credentials(ClientCredentials credentials) {
            return parameter(ClientCredentials.class, credentials);
        }

        /**
         * Where the factory's calls, sessions, reliable-session traffic and negotiations are reported (default:
         * {@link RuntimeMetrics#NONE}); {@code wcf4j-micrometer} implements it with Micrometer.
         */
        public Builder<T> metrics(RuntimeMetrics metrics) {
            return parameter(RuntimeMetrics.class, metrics);
        }

        public Builder<T> parameters(Consumer<BindingParameters> change) {
            change.accept(parameters);
            return this;
        }

        public Builder<T> stackBuilder(ChannelStackBuilder b) {
            this.stackBuilder = b;
            return this;
        }

        /**
         * WCF's message logging for this client ({@code <diagnostics><messageLogging>} of the configuration the
         * endpoint comes from, {@code ServiceModelConfiguration.messageLogging()}): service level as calls send and
         * receive them, transport level on the wire.
         */
        public Builder<T> messageLogging(MessageLoggingSettings settings) {
            this.messageLog = MessageLog.of(settings);
            return this;
        }

        /**
         * The instance the service's callbacks run on, for a duplex contract (WCF's {@code InstanceContext} of a
         * {@code DuplexChannelFactory}): it implements the contract's callback contract and serves every proxy of the
         * factory.
         */
        public Builder<T> callback(Object instance) {
            this.callback = instance;
            return this;
        }

        /** Runs callbacks here instead of the factory's own threads (e.g. a UI's or a test's executor). */
        public Builder<T> callbackExecutor(Executor e) {
            this.callbackExecutor = e;
            return this;
        }

        public ClientFactory<T> build() {
            return new ClientFactory<>(this);
        }
    }
}
