package io.github.wcf4j.runtime.security.message;


import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.address.EndpointIdentity;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.transport.InMemoryTransportBindingElement;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.metrics.RecordingMetrics;
import io.github.wcf4j.runtime.security.KerberosCredentials;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.time.Scheduler;
import io.github.wcf4j.runtime.time.SystemScheduler;
import io.github.wcf4j.runtime.transport.inmemory.Direction;
import io.github.wcf4j.runtime.transport.inmemory.InMemoryNetwork;
import io.github.wcf4j.runtime.transport.inmemory.WireRecord;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the message-security loopback tests share: a service with the {@link IdentityService} and a client over the
 * in-memory transport, both with credentials; a service certificate for {@code CN=localhost} (the address's host), an
 * impostor's, a client's trusted by the service's peer trust; the validator that knows alice; the wire as recorded.
 */
abstract class SecuredLoopback {
    static final String SERVICE = "IdentityService";
    static final String CONTRACT = Identity.class.getName();
    static final URI BASE = URI.create("inmemory://localhost/secured");
    static final UserNamePasswordValidator ALICE = (user, password) -> {
        if (!user.equals("alice") || !password.equals("secret")) {
            throw new SecurityTokenValidationException("Unknown user name or incorrect password");
        }
    };

    @TempDir
    static Path dir;
    static X509Credential service;
    static X509Credential impostor;
    static X509Credential client;

    protected final SystemScheduler scheduler = new SystemScheduler();
    protected final InMemoryNetwork network = new InMemoryNetwork(scheduler);
    /** The service's and the client's clocks (timestamps, token lifetimes); tests may move them. */
    protected final SettableClock serviceClock = new SettableClock();
    protected final SettableClock clientClock = new SettableClock();
    /** The Kerberos identities of the service and the client (SspiNegotiated), given as binding parameters. */
    protected Optional<KerberosCredentials> serviceKerberos = Optional.empty();
    protected Optional<KerberosCredentials> clientKerberos = Optional.empty();
    protected ServiceHost host;
    protected ClientFactory<Identity> factory;
    /** What the host and the client report through the metrics port. */
    protected final RecordingMetrics serviceMetrics = new RecordingMetrics();
    protected final RecordingMetrics clientMetrics = new RecordingMetrics();

    @BeforeAll
    static void keys() throws Exception {
        service = TestKeys.client(dir, "localhost");
        impostor = TestKeys.client(dir, "elsewhere.example");
        client = TestKeys.client(dir, "client");
    }

    @AfterEach
    void close() {
        if (factory != null) {
            factory.abort();
        }
        if (host != null) {
            host.abort();
        }
        scheduler.close();
    }

    static SecurityBindingElement.Builder security(AuthenticationMode mode) {
        return SecurityBindingElement.builder().authenticationMode(mode);
    }

    static Binding binding(SecurityBindingElement security) {
        return CustomBinding.of("b", security, TextMessageEncodingBindingElement.defaults(),
                InMemoryTransportBindingElement.requestReply());
    }

    static ServiceCredentials serviceCredentials() {
        return ServiceCredentials.defaults().withUserNameValidator(ALICE).withServiceCertificate(service)
                .withClientCertificateAuthentication(X509CertificateAuthentication.peerTrust(
                        List.of(client.certificate())));
    }

    void host(Binding binding, ServiceCredentials credentials) {
        var builder = ServiceHost.builder(new ServiceDescription(SERVICE, Optional.empty(), List.of(), List.of(
                new ServiceEndpoint("", "", "customBinding", "b", binding, CONTRACT, Optional.empty(), Optional.empty(),
                        Optional.empty(), List.of(), Optional.empty()))))
                .types(ServiceTypes.empty().map(SERVICE, IdentityService.class)).baseAddress(BASE)
                .parameter(Scheduler.class, scheduler).parameter(InMemoryNetwork.class, network)
                .parameter(Clock.class, serviceClock).credentials(credentials).metrics(serviceMetrics);
        serviceKerberos.ifPresent(k -> builder.parameter(KerberosCredentials.class, k));
        host = builder.build();
        host.open();
    }

    Identity client(Binding binding, ClientCredentials credentials, Optional<EndpointIdentity> identity) {
        var builder = ClientFactory.builder(new ClientEndpoint("", BASE, "customBinding", "b", binding, CONTRACT,
                Optional.empty(), identity, List.of(), Optional.empty()), Identity.class)
                .parameter(Scheduler.class, scheduler).parameter(InMemoryNetwork.class, network)
                .parameter(Clock.class, clientClock).credentials(credentials).metrics(clientMetrics);
        clientKerberos.ifPresent(k -> builder.parameter(KerberosCredentials.class, k));
        factory = builder.build();
        return factory.createChannel();
    }

    Identity client(Binding binding, ClientCredentials credentials) {
        return client(binding, credentials, Optional.empty());
    }

    Identity both(SecurityBindingElement security, ClientCredentials credentials) {
        Binding b = binding(security);
        host(b, serviceCredentials());
        return client(b, credentials);
    }

    static ClientCredentials anonymous() {
        return ClientCredentials.none().withDefaultServiceCertificate(service.certificate());
    }

    static ClientCredentials alice(String password) {
        return ClientCredentials.userName("alice", password).withDefaultServiceCertificate(service.certificate());
    }

    /**
     * {@code envelope} with the first character after {@code start} replaced by another (never by itself, so the
     * tampering always changes what follows).
     */
    static String alteredAfter(String envelope, String start) {
        int at = envelope.indexOf(start) + start.length();
        char changed = envelope.charAt(at) == 'A' ? 'B' : 'A';
        return envelope.substring(0, at) + changed + envelope.substring(at + 1);
    }

    List<String> sent(Direction direction) {
        return network.wire().stream().filter(r -> r.direction() == direction).map(WireRecord::envelope).toList();
    }
}
