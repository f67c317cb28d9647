package io.github.wcf4j.interop;

import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.config.ServiceModelConfigReader;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.transport.WireTap;
import io.github.wcf4j.runtime.transport.http.FaultInjectingHttpProxy;
import io.github.wcf4j.samples.CalculatorService;
import io.github.wcf4j.samples.ICalculator;
import io.github.wcf4j.samples.SeedConfigs;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ported calculator hosted by wcf4j from an unchanged configuration (a test resource or a seed config), with
 * every operation counted (exactly-once checks) and every envelope its HTTP transport sent or received recorded.
 */
final class HostedCalculator implements AutoCloseable {
    static final String SERVICE = "Microsoft.ServiceModel.Samples.CalculatorService";
    /** Invocations per operation, across service objects (the service class is per session). */
    static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    final ServiceHost host;
    final FaultInjectingHttpProxy proxy;
    final List<String> tapped = new CopyOnWriteArrayList<>();

    /**
     * Hosts the configured service behind a fault-injecting proxy: its first endpoint is published at the proxy's
     * address (the address in its WSDL and the {@code wsa:To} clients send) and listens on a loopback port of its own
     * (WCF's {@code listenUri}), so everything a client sends crosses the proxy.
     */
    private HostedCalculator(ServiceModelConfiguration config, String path) {
        CALLS.clear();
        try {
            proxy = new FaultInjectingHttpProxy(() -> host().endpoints().get(0).listenUri());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ServiceDescription d = config.service(SERVICE).orElseThrow();
        List<ServiceEndpoint> endpoints = new ArrayList<>(d.endpoints());
        ServiceEndpoint e = endpoints.get(0);
        endpoints.set(0, new ServiceEndpoint(e.name(), proxy.at(path).toString(), e.bindingSection(),
                e.bindingConfiguration(), e.binding(), e.contract(), Optional.of(URI.create("http://127.0.0.1:0"
                        + path)), e.behavior(), e.identity(), e.headers(), e.standardEndpoint()));
        WireTap tap = (direction, envelope, contentType) -> tapped.add((direction == WireTap.Direction.SENT
                ? "sent " : "received ") + new String(envelope, StandardCharsets.UTF_8));
        host = ServiceHost.builder(new ServiceDescription(d.name(), d.behavior(), d.baseAddresses(), endpoints))
                .types(ServiceTypes.discovered().map(SERVICE, Counting.class))
                .baseAddress(URI.create("http://127.0.0.1:0" + path)).parameter(WireTap.class, tap).build();
        host.open();
    }

    private ServiceHost host() {
        return host;
    }

    /** Hosts the service of a test configuration ({@code configs/NAME}). */
    static HostedCalculator fromResource(String name) {
        try (InputStream in = HostedCalculator.class.getResourceAsStream("/configs/" + name)) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new HostedCalculator(ServiceModelConfigReader.create().read(name, xml).orThrow(), "/calc");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hosts the service of a seed configuration, unchanged but for its published address. */
    static HostedCalculator fromSeed(String name) {
        Path seed = SeedConfigs.file(name);
        return new HostedCalculator(ServiceModelConfigReader.create().read(seed).orThrow(),
                "/servicemodelsamples/service.svc");
    }

    /** The seed's service configuration with its reliable session switched to WS-RM 1.1 (nothing else changed). */
    static HostedCalculator fromSeedWithVersion11() {
        Path seed = SeedConfigs.file(SeedConfigs.SERVICE_NO_SECURITY);
        try {
            String xml = Files.readString(seed).replace("<reliableSession />",
                    "<reliableSession reliableMessagingVersion=\"WSReliableMessaging11\" />");
            return new HostedCalculator(ServiceModelConfigReader.create().read("seed-rm11.config", xml).orThrow(),
                    "/servicemodelsamples/service.svc");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the service's metadata is served ({@code ?wsdl}): its base address, not behind the proxy. */
    URI metadata() {
        return host.endpoints().get(0).listenUri();
    }

    /** The calculator endpoint's address (the first endpoint). */
    URI address() {
        return host.endpoints().get(0).address();
    }

    static int calls(String operation) {
        AtomicInteger n = CALLS.get(operation);
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() {
        host.abort();
        try {
            proxy.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** The sample's service, counting invocations. */
    public static final class Counting extends CalculatorService implements ICalculator {
        private static double counted(String op, double result) {
            CALLS.computeIfAbsent(op, k -> new AtomicInteger()).incrementAndGet();
            return result;
        }

        @Override
        public double add(double n1, double n2) {
            return counted("Add", super.add(n1, n2));
        }

        @Override
        public double subtract(double n1, double n2) {
            return counted("Subtract", super.subtract(n1, n2));
        }

        @Override
        public double multiply(double n1, double n2) {
            return counted("Multiply", super.multiply(n1, n2));
        }

        @Override
        public double divide(double n1, double n2) {
            return counted("Divide", super.divide(n1, n2));
        }
    }
}
