package io.github.wcf4j.binding.description;

import io.github.wcf4j.binding.ArgumentChecks;
import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.standard.BasicHttpBinding;
import io.github.wcf4j.binding.standard.NetTcpBinding;
import io.github.wcf4j.binding.standard.UnsupportedBinding;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code <protocolMapping>}: which binding a WCF 4 default endpoint gets for each base-address scheme (WCF
 * {@code ProtocolMappingSection}). WCF's own mapping ({@link #WCF_DEFAULTS}) applies unless a configuration adds to,
 * removes from or clears it.
 *
 * @param items the mapping in effect, in order
 */
public record ProtocolMapping(List<ProtocolMappingItem> items) {
    /**
     * WCF's mapping ({@code ProtocolMappingSection.InitializeDefault}), each with its binding's defaults: http to
     * basicHttpBinding, net.tcp to netTcpBinding, net.pipe to netNamedPipeBinding, net.msmq to netMsmqBinding. There is
     * none for {@code https}.
     */
    public static final List<ProtocolMappingItem> WCF_DEFAULTS = List.of(
            wcfDefault("http", BasicHttpBinding.defaults("")),
            wcfDefault("net.tcp", NetTcpBinding.defaults("")),
            wcfDefault("net.pipe", new UnsupportedBinding("netNamedPipeBinding", "")),
            wcfDefault("net.msmq", new UnsupportedBinding("netMsmqBinding", "")));

    public ProtocolMapping {
        items = List.copyOf(ArgumentChecks.notNull(items, "items"));
    }

    /** WCF's default mapping, with each binding's defaults (no configuration file). */
    public static ProtocolMapping defaults() {
        return new ProtocolMapping(WCF_DEFAULTS);
    }

    /** The mapping for a base address's scheme ({@code Uri.Scheme} is lower case in .NET), if any. */
    public Optional<ProtocolMappingItem> forScheme(String scheme) {
        String lower = scheme.toLowerCase(Locale.ROOT);
        return items.stream().filter(i -> i.scheme().equals(lower)).findFirst();
    }

    private static ProtocolMappingItem wcfDefault(String scheme, Binding binding) {
        return new ProtocolMappingItem(scheme, binding.sectionName(), "", Optional.of(binding));
    }
}
