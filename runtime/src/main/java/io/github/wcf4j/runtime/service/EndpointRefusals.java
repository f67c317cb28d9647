package io.github.wcf4j.runtime.service;

import io.github.wcf4j.binding.credentials.ClientCredentials;
import io.github.wcf4j.binding.description.EndpointBehaviorElement;
import io.github.wcf4j.runtime.security.CredentialsFromConfiguration;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.address.AddressHeader;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceHostingEnvironment;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.encoding.EnvelopeVersion;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.binding.stack.Side;
import io.github.wcf4j.runtime.stack.ChannelStackBuilder;
import io.github.wcf4j.runtime.stack.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Everything an endpoint's configuration asks for that wcf4j cannot run, found without opening anything: the
 * refusals of its binding on its side ({@link ChannelStackBuilder#refusals}) and those of what the endpoints depend
 * on outside their bindings. The service host and the client factory refuse to open on the first; {@code validate}
 * and {@code describe} report them all, per endpoint, from this same code. What an endpoint itself carries runs: a
 * service endpoint's address headers are required of every message ({@link AddressFilter}), a client's are sent, and
 * a client's {@code <identity>} is checked over HTTPS as WCF checks it
 * ({@code HttpsServerIdentity}).
 */
public final class EndpointRefusals {
    private final ChannelStackBuilder builder;

    public EndpointRefusals(ChannelStackBuilder builder) {
        this.builder = builder;
    }

    /** With the standard layer providers. */
    public static EndpointRefusals standard() {
        return new EndpointRefusals(ChannelStackBuilder.standard());
    }

    /** What a service endpoint asks for that a host cannot run; empty when it runs. */
    public List<Refusal> of(ServiceEndpoint endpoint) {
        return of(endpoint, null);
    }

    /**
     * What a service endpoint asks for that a host cannot run when its listener is built in {@code shape} (the one its
     * contract selects; {@code null} when the contract is not known); empty when it runs.
     */
    public List<Refusal> of(ServiceEndpoint endpoint, ChannelShape shape) {
        return builder.refusals(endpoint.binding(), Side.SERVICE, shape);
    }

    /** What a client endpoint asks for that a proxy cannot run; empty when it runs. */
    public List<Refusal> of(ClientEndpoint endpoint) {
        return of(endpoint, null);
    }

    /** As {@link #of(ClientEndpoint)}, its factory built in {@code shape} ({@code null}: not known). */
    public List<Refusal> of(ClientEndpoint endpoint, ChannelShape shape) {
        List<Refusal> found = new ArrayList<>(builder.refusals(endpoint.binding(), Side.CLIENT, shape));
        found.addAll(CredentialsFromConfiguration.refusals(endpoint.behavior()
                .map(EndpointBehaviorElement::effectiveCredentials).orElseGet(ClientCredentials::defaults),
                endpoint.binding()));
        if (!endpoint.headers().isEmpty() && endpoint.binding().messageVersion()
                .filter(v -> v.envelope() == EnvelopeVersion.NONE).isPresent()) {
            found.add(new Refusal(endpoint, "headers", "The endpoint's <headers> (" + names(endpoint.headers())
                    + ") are sent with every message, but messageVersion None has no envelope to carry them: "
                    + WcfText.HeadersCannotBeAddedToEnvelopeVersion.format(EnvelopeVersion.NONE.wcfToString())
                    + " (WCF fails every call with this text; remove the headers or use a SOAP message version)."));
        }
        return found;
    }

    /**
     * What every service of a configuration depends on, outside its endpoints, that a host cannot run: ASP.NET URL
     * authorization ({@code <system.web><authorization><deny>}), which decides who may call a service under
     * {@code aspNetCompatibilityEnabled="true"} (WCF then leaves the request to ASP.NET's pipeline instead of taking it
     * over); wcf4j does not run that pipeline, so such a service is refused rather than served to callers the
     * configuration turns away. Without those rules ASP.NET compatibility changes nothing wcf4j runs: the messages are
     * WCF's either way, and what it adds (HttpContext, session state, impersonation) only .NET service code can use.
     */
    public List<Refusal> of(ServiceHostingEnvironment hosting) {
        return hosting.enforcedByAspNet().stream().map(rule -> new Refusal(rule, "system.web/authorization",
                "aspNetCompatibilityEnabled=\"true\" leaves each request to ASP.NET's pipeline, where this file's URL"
                        + " authorization (" + rule + ") decides who may call the service; wcf4j does not run ASP.NET's"
                        + " pipeline, so the service is refused rather than served to callers its configuration turns"
                        + " away.")).toList();
    }

    private static String names(List<AddressHeader> headers) {
        return headers.stream().map(h -> h.namespace().isEmpty() ? h.name() : "{" + h.namespace() + "}" + h.name())
                .collect(Collectors.joining(", "));
    }
}
