package io.github.wcf4j.binding.description;

import io.github.wcf4j.binding.ArgumentChecks;
import io.github.wcf4j.binding.Binding;
import java.util.Optional;

/**
 * One {@code <protocolMapping><add scheme binding bindingConfiguration>}: the binding WCF 4 gives a default endpoint at a
 * base address of {@code scheme} (WCF {@code ProtocolMappingItem}).
 *
 * @param scheme               the base address's scheme, e.g. {@code http} (matched exactly, as WCF does)
 * @param bindingSection       {@code binding}, e.g. {@code basicHttpBinding}
 * @param bindingConfiguration {@code bindingConfiguration}; {@code ""} is the section's unnamed configuration, else the
 *                             binding's defaults
 * @param binding              the binding they name, resolved as {@code ConfigLoader.LookupBinding} resolves it; empty
 *                             when they name none, which WCF reports only when a default endpoint needs it
 */
public record ProtocolMappingItem(String scheme, String bindingSection, String bindingConfiguration,
        Optional<Binding> binding) {

    public ProtocolMappingItem {
        ArgumentChecks.notNull(scheme, "scheme");
        ArgumentChecks.notNull(bindingSection, "bindingSection");
        ArgumentChecks.notNull(bindingConfiguration, "bindingConfiguration");
        binding = binding == null ? Optional.empty() : binding;
    }
}
