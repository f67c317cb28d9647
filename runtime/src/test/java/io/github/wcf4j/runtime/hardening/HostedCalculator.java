package io.github.wcf4j.runtime.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.CustomBinding;
import io.github.wcf4j.binding.description.ServiceBehaviorElement;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.description.ServiceThrottlingBehavior;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.binding.transport.HttpTransportBindingElement;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.metro.Calculator;
import io.github.wcf4j.runtime.metro.CalculatorService;
import io.github.wcf4j.runtime.service.ServiceHost;
import io.github.wcf4j.runtime.transport.http.RawHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The calculator service hosted by a {@link ServiceHost} at a fresh loopback HTTP address, as an internet-facing
 * replacement of a WCF endpoint would be; with the envelopes a well-behaved WCF client sends it and the check that it
 * still answers one after an attack.
 */
final class HostedCalculator implements AutoCloseable {
    static final String NS = "http://Microsoft.ServiceModel.Samples";
    static final String SOAP12 = "application/soap+xml; charset=utf-8";
    static final String ANONYMOUS = "http://www.w3.org/2005/08/addressing/anonymous";
    static final String ENVELOPE_START = "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
            + " xmlns:a=\"http://www.w3.org/2005/08/addressing\">";

    private final ServiceHost host;
    private final URI uri;

    private HostedCalculator(ServiceHost host) {
        this.host = host;
        this.uri = host.endpoints().get(0).listenUri();
    }

    /** Text over HTTP with the given transport settings (request/reply, no session). */
    static HostedCalculator overHttp(HttpTransportBindingElement http) {
        return hosting(CustomBinding.of("hardened", TextMessageEncodingBindingElement.defaults(), http));
    }

    static HostedCalculator hosting(Binding binding) {
        return hosting(binding, ServiceThrottlingBehavior.defaults(2));
    }

    static HostedCalculator hosting(Binding binding, ServiceThrottlingBehavior throttling) {
        return hosting(binding, throttling, b -> { });
    }

    /** With the host's builder adjusted by {@code customize} (e.g. a virtual-time scheduler, an executor). */
    static HostedCalculator hosting(Binding binding, ServiceThrottlingBehavior throttling,
            Consumer<ServiceHost.Builder> customize) {
        ServiceBehaviorElement behavior = new ServiceBehaviorElement("hardened", Optional.empty(), Optional.empty(),
                Optional.of(throttling), List.of());
        ServiceDescription d = new ServiceDescription("Calc", Optional.of(behavior),
                List.of(URI.create("http://localhost:0/calc/")), List.of(new ServiceEndpoint("", "",
                        "customBinding", "hardened", binding, "ICalc", Optional.empty(), Optional.empty(),
                        Optional.empty(), List.of(), Optional.empty())));
        ServiceHost.Builder builder = ServiceHost.builder(d).types(ServiceTypes.empty()
                .map("Calc", CalculatorService.class).map("ICalc", Calculator.class));
        customize.accept(builder);
        ServiceHost host = builder.build();
        host.open();
        return new HostedCalculator(host);
    }

    URI uri() {
        return uri;
    }

    ServiceHost host() {
        return host;
    }

    /** An {@code Add} request as a WCF client writes it, with {@code extraHeaders} after the addressing headers. */
    String add(String extraHeaders) {
        return envelope(NS + "/ICalculator/Add", extraHeaders, "<Add xmlns=\"" + NS + "\"><n1>2</n1><n2>3</n2></Add>");
    }

    String envelope(String action, String extraHeaders, String body) {
        return ENVELOPE_START + "<s:Header><a:Action s:mustUnderstand=\"1\">" + action + "</a:Action>"
                + "<a:MessageID>urn:uuid:" + UUID.randomUUID() + "</a:MessageID>"
                + "<a:To s:mustUnderstand=\"1\">" + uri + "</a:To>" + extraHeaders + "</s:Header><s:Body>" + body
                + "</s:Body></s:Envelope>";
    }

    /** Posts {@code envelope} on a new connection. */
    RawHttp.Response post(String envelope) {
        try (RawHttp c = RawHttp.to(uri)) {
            return c.post(uri.getPath(), SOAP12, envelope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A normal call on a new connection gets its normal answer. */
    void assertStillServing() {
        RawHttp.Response r = post(add(""));
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.body().contains("<AddResult>5"), r.body());
    }

    /** A new reliable session is created and its first call answered. */
    void assertStillServingReliably(HandMadeWsrm rm) {
        RawHttp.Response r = post(rm.add(rm.open(), 1));
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.body().contains("<AddResult>5"), r.body());
    }

    @Override
    public void close() {
        host.close(Duration.ofSeconds(5));
    }
}
