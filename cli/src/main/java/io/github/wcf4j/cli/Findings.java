package io.github.wcf4j.cli;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingValidationException;
import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.DefaultEndpoints;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.binding.stack.ChannelSelection;
import io.github.wcf4j.binding.stack.ChannelShape;
import io.github.wcf4j.binding.stack.ContractCatalog;
import io.github.wcf4j.binding.stack.ContractShape;
import io.github.wcf4j.binding.stack.Side;
import io.github.wcf4j.config.ConfigReadResult;
import io.github.wcf4j.config.ConfigValidator;
import io.github.wcf4j.config.CredentialNotes;
import io.github.wcf4j.config.Diagnostic;
import io.github.wcf4j.config.Severity;
import io.github.wcf4j.config.SourceLocation;
import io.github.wcf4j.runtime.security.CredentialProblem;
import io.github.wcf4j.runtime.security.CredentialsFromConfiguration;
import io.github.wcf4j.runtime.service.EndpointRefusals;
import io.github.wcf4j.runtime.stack.Refusal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code validate} and {@code describe} say about one configuration file: every diagnostic (WCF's load-time and
 * build-time errors and warnings, what wcf4j cannot run, as {@link Severity#UNSUPPORTED}, and the credentials an
 * endpoint would use that wcf4j cannot honour, as warnings from {@link CredentialNotes}) and, per endpoint,
 * whether a host or client factory would open it, and why not. The verdict comes from the runtime's own
 * {@link EndpointRefusals}, the check the host and the factory make before they build, so it cannot drift from what
 * {@code host} and {@code call} do. A service that lists no endpoint has WCF 4's default endpoints at its
 * {@code <host><baseAddresses>}, which get verdicts of their own when the contracts its type implements are known.
 *
 * @param diagnostics every finding, in document order
 * @param endpoints   every service endpoint (configured or default) and client endpoint, in document order, with its
 *                    verdict
 */
record Findings(List<Diagnostic> diagnostics, List<EndpointVerdict> endpoints) {

    /**
     * One endpoint and whether it runs.
     *
     * @param kind    {@code service} or {@code client}
     * @param service the service's name ({@code service} endpoints), else empty
     * @param name    the endpoint's display name
     * @param reasons why it does not run (errors that concern it, refusals); empty when it runs
     */
    record EndpointVerdict(String kind, String service, String name, String contract, String binding,
            SourceLocation location, boolean metadataExchange, List<Diagnostic> reasons) {

        boolean runs() {
            return reasons.isEmpty();
        }

        /** {@code service Svc endpoint 'name'} / {@code client endpoint 'name'}. */
        String title() {
            return (kind.equals("service") ? "service " + service + " endpoint '" : "client endpoint '") + name + "'";
        }
    }

    static Findings of(ConfigReadResult read, ContractCatalog contracts) {
        return of(read, contracts, EndpointRefusals.standard(), Optional.empty());
    }

    /**
     * The findings, and when {@code machine} is given what applying the credentials on this machine would fail on
     * ({@link CredentialsFromConfiguration#problems}: certificates its stores lack, validator types no class answers
     * to) as errors at their elements, each stopping the endpoints that would apply those credentials, as it stops
     * the host or factory.
     */
    static Findings of(ConfigReadResult read, ContractCatalog contracts,
            Optional<CredentialsFromConfiguration> machine) {
        return of(read, contracts, EndpointRefusals.standard(), machine);
    }

    static Findings of(ConfigReadResult read, ContractCatalog contracts, EndpointRefusals refusals) {
        return of(read, contracts, refusals, Optional.empty());
    }

    private static Findings of(ConfigReadResult read, ContractCatalog contracts, EndpointRefusals refusals,
            Optional<CredentialsFromConfiguration> machine) {
        List<Diagnostic> validation = ConfigValidator.validate(read, contracts);
        Set<Diagnostic> all = new LinkedHashSet<>(read.diagnostics());
        all.addAll(validation);
        all.addAll(CredentialNotes.of(read));
        List<EndpointVerdict> verdicts = new ArrayList<>();
        if (read.configuration().isPresent()) {
            ServiceModelConfiguration config = read.configuration().get();
            List<Diagnostic> loadErrors = read.diagnostics().stream().filter(Diagnostic::isError).toList();
            Verdicts v = new Verdicts(read, loadErrors, validation, all);
            List<Refusal> hosting = refusals.of(config.hostingEnvironment());
            for (ServiceDescription service : config.services()) {
                List<Diagnostic> unappliable = v.problems(service, machine.map(m -> m.problems(
                        service.effectiveBehavior().effectiveCredentials())).orElse(List.of()));
                boolean defaults = service.endpoints().isEmpty();
                for (ServiceEndpoint e : endpointsOf(config, service, contracts)) {
                    Optional<ContractShape> contract = e.isMetadataExchange()
                            ? Optional.of(ContractCatalog.METADATA_EXCHANGE) : contracts.find(e.contract());
                    verdicts.add(v.verdict("service", service.name(), defaults ? defaultName(service, e)
                            : e.displayName(), e.contract(), bindingName(e.bindingSection(), e.bindingConfiguration()),
                            defaults ? service : e, e.binding(), e.isMetadataExchange(), unappliable,
                            concat(concat(hosting, refusals.of(e, shape(e.binding(), Side.SERVICE, contract))),
                                    CredentialsFromConfiguration.refusals(
                                            service.effectiveBehavior().effectiveCredentials(), e.binding()))));
                }
            }
            for (ClientEndpoint e : config.clientEndpoints()) {
                List<Diagnostic> unappliable = v.problems(e, machine.flatMap(m -> e.behavior()
                        .filter(b -> b.credentials().isPresent())
                        .map(b -> m.problems(b.effectiveCredentials()))).orElse(List.of()));
                verdicts.add(v.verdict("client", "", e.displayName(), e.contract(),
                        bindingName(e.bindingSection(), e.bindingConfiguration()), e, e.binding(), false, unappliable,
                        refusals.of(e, shape(e.binding(), Side.CLIENT, contracts.find(e.contract())))));
            }
        }
        return new Findings(Diagnostic.inDocumentOrder(read.source(), supersedeWarnings(all)), verdicts);
    }

    /**
     * The endpoints a host opens for {@code service}: those it lists, else WCF 4's default endpoints at its configured
     * base addresses when {@code contracts} knows the contracts its type implements (none when it does not, or when
     * the protocol mapping names a binding that does not exist: validation reports both).
     */
    static List<ServiceEndpoint> endpointsOf(ServiceModelConfiguration config, ServiceDescription service,
            ContractCatalog contracts) {
        try {
            return service.endpoints().isEmpty()
                    ? DefaultEndpoints.ofConfigured(config, service, contracts).orElse(List.of()) : service.endpoints();
        } catch (BindingValidationException mappingWithoutBinding) {
            return List.of();
        }
    }

    /** How a default endpoint is shown: {@code (default at BASE)}, the base address its binding's scheme resolves to. */
    static String defaultName(ServiceDescription service, ServiceEndpoint e) {
        String scheme = e.binding().transport().map(t -> t.scheme()).orElse("");
        return "(default at " + service.baseAddresses().stream().filter(u -> u.getScheme().equalsIgnoreCase(scheme))
                .findFirst().map(URI::toString).orElse(scheme + ":") + ")";
    }

    private static List<Refusal> concat(List<Refusal> first, List<Refusal> then) {
        List<Refusal> all = new ArrayList<>(first);
        all.addAll(then);
        return all;
    }

    /** The shape the endpoint's contract selects on {@code side}, {@code null} when it is not known or selects none. */
    private static ChannelShape shape(Binding binding, Side side, Optional<ContractShape> contract) {
        if (contract.isEmpty()) {
            return null;
        }
        try {
            return side == Side.SERVICE ? ChannelSelection.selectService(binding, contract.get())
                    : ChannelSelection.selectClient(binding, contract.get());
        } catch (BindingValidationException | IllegalArgumentException notNegotiable) {
            return null;
        }
    }

    private static String bindingName(String section, String configuration) {
        return configuration == null || configuration.isEmpty() ? section : section + " '" + configuration + "'";
    }

    long count(Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }

    long endpointsThatRun() {
        return endpoints.stream().filter(EndpointVerdict::runs).count();
    }

    /**
     * The reader warns at an element it does not model ("bindings that use it ... cannot be opened"); the runtime's
     * refusal of that element, at the same place, says the same thing as a finding of its own kind: it replaces the
     * warning.
     */
    private static List<Diagnostic> supersedeWarnings(Set<Diagnostic> all) {
        Set<SourceLocation> refused = new LinkedHashSet<>();
        all.stream().filter(d -> d.severity() == Severity.UNSUPPORTED).forEach(d -> refused.add(d.location()));
        return all.stream().filter(d -> d.severity() != Severity.WARNING || !refused.contains(d.location())).toList();
    }

    /** Builds each endpoint's verdict, adding its refusals to the file's findings once each. */
    private record Verdicts(ConfigReadResult read, List<Diagnostic> loadErrors, List<Diagnostic> validation,
            Set<Diagnostic> all) {

        /** {@code problems} as errors at their elements (else at {@code owner}), added to the file's findings. */
        List<Diagnostic> problems(Object owner, List<CredentialProblem> problems) {
            List<Diagnostic> errors = new ArrayList<>();
            for (CredentialProblem p : problems) {
                SourceLocation where = read.sourceMap().locate(p.subject())
                        .or(() -> read.sourceMap().locate(owner)).orElse(new SourceLocation(read.source(), 1, 1));
                Diagnostic d = Diagnostic.error(where, p.message());
                all.add(d);
                errors.add(d);
            }
            return errors;
        }

        EndpointVerdict verdict(String kind, String service, String name, String contract, String bindingName,
                Object endpoint, Object binding, boolean mex, List<Diagnostic> unappliable, List<Refusal> refused) {
            SourceLocation at = read.sourceMap().locate(endpoint)
                    .orElse(new SourceLocation(read.source(), 1, 1));
            SourceLocation bindingAt = read.sourceMap().locate(binding).orElse(at);
            // a configuration with load errors is not loaded by WCF at all: no endpoint of it runs
            List<Diagnostic> reasons = new ArrayList<>(loadErrors);
            validation.stream().filter(Diagnostic::isError)
                    .filter(d -> d.location().equals(at) || d.location().equals(bindingAt))
                    .forEach(reasons::add);
            reasons.addAll(unappliable);
            for (Refusal r : refused) {
                SourceLocation where = read.sourceMap().locate(r.subject()).orElse(bindingAt);
                Diagnostic d = Diagnostic.unsupported(where, r.message());
                all.add(d);
                reasons.add(d);
            }
            return new EndpointVerdict(kind, service, name, contract, bindingName, at, mex, List.copyOf(reasons));
        }
    }
}
