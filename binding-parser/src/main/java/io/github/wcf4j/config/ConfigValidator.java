package io.github.wcf4j.config;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.BindingValidationException;
import io.github.wcf4j.binding.UnsupportedBindingElement;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.DefaultEndpoints;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.binding.security.AuthenticationMode;
import io.github.wcf4j.binding.stack.BuildChecks;
import io.github.wcf4j.binding.stack.ChannelSelection;
import io.github.wcf4j.binding.stack.ContractCatalog;
import io.github.wcf4j.binding.stack.ContractShape;
import io.github.wcf4j.binding.stack.Side;
import io.github.wcf4j.binding.stack.StackRules;
import io.github.wcf4j.binding.standard.UnsupportedBinding;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What WCF checks when a host or channel factory is built, applied to a read configuration without opening anything:
 * every binding's stack invariants ({@code Binding.EnsureInvariants}), each element's build-time rules on the side that
 * uses it, and the channel-shape negotiation of every service and client endpoint against its contract (when the
 * contract is known to the {@link ContractCatalog}; otherwise whether the binding builds any channel at all).
 *
 * <p>A service that lists no endpoint but has {@code <host><baseAddresses>} gets WCF 4's default endpoints there, one
 * per contract its type implements: they are checked as configured ones (at the service's line) when the catalog knows
 * those contracts, and a warning says they are not when it does not.
 *
 * <p>Each problem is reported once, at the binding's line when it concerns the binding, at the endpoint's line when it
 * concerns the endpoint. Bindings and elements wcf4j does not model are skipped (they were reported when read).
 */
public final class ConfigValidator {
    private final ConfigReadResult result;
    private final ContractCatalog contracts;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Map<Binding, Boolean> sound = new IdentityHashMap<>();
    private final Set<String> reported = new HashSet<>();

    private ConfigValidator(ConfigReadResult result, ContractCatalog contracts) {
        this.result = result;
        this.contracts = contracts;
    }

    /** The diagnostics validation adds to {@code result}'s own, in document order. */
    public static List<Diagnostic> validate(ConfigReadResult result, ContractCatalog contracts) {
        ConfigValidator v = new ConfigValidator(result, contracts);
        result.configuration().ifPresent(v::run);
        return Diagnostic.inDocumentOrder(result.source(), v.diagnostics);
    }

    private void run(ServiceModelConfiguration config) {
        for (Binding b : config.bindings()) {
            checkBinding(b, locate(b).orElse(new SourceLocation(result.source(), 1, 1)));
        }
        for (ServiceDescription service : config.services()) {
            for (ServiceEndpoint e : service.endpoints()) {
                ContractShape contract = e.isMetadataExchange() ? ContractCatalog.METADATA_EXCHANGE
                        : contracts.find(e.contract()).orElse(null);
                checkEndpoint(e.binding(), Side.SERVICE, contract, locate(e).orElseThrow());
                checkServiceCertificate(service, e.binding(), locate(e).orElseThrow());
            }
            checkBaseAddressesAndDefaultEndpoints(config, service, locate(service).orElseThrow());
        }
        for (ClientEndpoint e : config.clientEndpoints()) {
            checkEndpoint(e.binding(), Side.CLIENT, contracts.find(e.contract()).orElse(null), locate(e).orElseThrow());
        }
    }

    /**
     * Stack invariants and build checks of {@code binding}; {@code true} when its channel shapes can be negotiated (no
     * element wcf4j does not model). Built-in elements wcf4j does not run still have known roles, so the positional rules
     * apply to them; custom extensions have unknown roles, so nothing is checked for a binding that has one.
     */
    private boolean checkBinding(Binding binding, SourceLocation at) {
        Boolean known = sound.get(binding);
        if (known != null) {
            return known;
        }
        boolean negotiable = !(binding instanceof UnsupportedBinding);
        try {
            List<BindingElement> elements = binding.createBindingElements();
            boolean customExtension = elements.stream().anyMatch(e -> e instanceof UnsupportedBindingElement
                    && ((UnsupportedBindingElement) e).extension());
            negotiable &= elements.stream().noneMatch(UnsupportedBindingElement.class::isInstance);
            if (negotiable || !customExtension && !(binding instanceof UnsupportedBinding)) {
                for (BindingValidationException e : StackRules.violations(binding)) {
                    report(at, e);
                    negotiable = false;
                }
                for (Side side : Side.values()) {
                    BuildChecks.violations(binding, side).stream()
                            .filter(e -> e.text() != WcfText.HttpAuthSchemeCannotBeNone
                                    && e.text() != WcfText.HttpRequiresSingleAuthScheme
                                    && e.text() != WcfText.UseDefaultWebProxyCantBeUsedWithExplicitProxyAddress)
                            .forEach(e -> report(at, e));
                }
            }
        } catch (BindingValidationException e) {
            report(at, e);
            negotiable = false;
        }
        sound.put(binding, negotiable);
        return negotiable;
    }

    /**
     * A service whose binding's security proves the service with its certificate must name one in its
     * {@code <serviceCredentials>}: WCF's host fails to open otherwise ({@code SecurityTokenManager} creating the
     * service's X.509 token provider).
     */
    private void checkServiceCertificate(ServiceDescription service, Binding binding, SourceLocation at) {
        Set<AuthenticationMode> modes;
        try {
            modes = AuthenticationMode.of(binding.createBindingElements());
        } catch (BindingValidationException invalid) {
            return;
        }
        if (modes.stream().anyMatch(AuthenticationMode::needsServiceCertificate)
                && service.effectiveBehavior().effectiveCredentials().serviceCertificate().isEmpty()) {
            Diagnostic d = Diagnostic.error(at, WcfText.ServiceCertificateNotProvidedOnServiceCredentials);
            if (reported.add(at + "|" + d.message())) {
                diagnostics.add(d);
            }
        }
    }

    /**
     * A self-hosted service has one base address per scheme ({@code UriSchemeKeyedCollection}); its default endpoints
     * are checked where the catalog knows the contracts its type implements.
     */
    private void checkBaseAddressesAndDefaultEndpoints(ServiceModelConfiguration config, ServiceDescription service,
            SourceLocation at) {
        Set<String> schemes = new HashSet<>();
        for (URI u : service.baseAddresses()) {
            if (!schemes.add(u.getScheme().toLowerCase(Locale.ROOT))) {
                report(at, new BindingValidationException(WcfText.BaseAddressDuplicateScheme, null, u.getScheme()));
            }
        }
        try {
            Optional<List<ServiceEndpoint>> defaults = DefaultEndpoints.ofConfigured(config, service, contracts);
            if (defaults.isEmpty()) {
                diagnostics.add(Diagnostic.warning(at, "Service '" + service.name() + "' lists no endpoint, so WCF"
                        + " adds a default endpoint at each of its base addresses (" + service.baseAddresses().stream()
                        .map(URI::toString).collect(Collectors.joining(", ")) + ") for each contract its type"
                        + " implements; wcf4j does not know which contracts those are (no Java class is registered for"
                        + " the service), so they are not validated here."));
            }
            for (ServiceEndpoint e : defaults.orElse(List.of())) {
                checkEndpoint(e.binding(), Side.SERVICE, contracts.find(e.contract()).orElse(null), at);
            }
        } catch (BindingValidationException e) {
            report(at, e);
        }
    }

    private void checkEndpoint(Binding binding, Side side, ContractShape contract, SourceLocation endpointAt) {
        SourceLocation bindingAt = locate(binding).orElse(endpointAt);
        if (!checkBinding(binding, bindingAt)) {
            return;
        }
        // the client-only rules (HTTP authentication scheme) apply where the binding is used by a client
        for (BindingValidationException e : BuildChecks.violations(binding, side)) {
            report(bindingAt, e);
        }
        try {
            if (contract == null) {
                ChannelSelection.nothingBuildable(binding).ifPresent(e -> report(bindingAt, e));
            } else if (side == Side.SERVICE) {
                ChannelSelection.selectService(binding, contract);
            } else {
                ChannelSelection.selectClient(binding, contract);
            }
        } catch (BindingValidationException e) {
            report(endpointAt, e);
        }
    }

    private void report(SourceLocation at, BindingValidationException e) {
        if (reported.add(at + "|" + e.getMessage())) {
            diagnostics.add(new Diagnostic(Severity.ERROR, at, e.getMessage(), Optional.of(e.text())));
        }
    }

    private Optional<SourceLocation> locate(Object model) {
        return result.sourceMap().locate(model);
    }
}
