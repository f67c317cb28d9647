package io.github.wcf4j.runtime.service;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A host's base addresses (WCF's {@code ServiceHostBase.BaseAddresses}, a {@code UriSchemeKeyedCollection}): at most
 * one per scheme, where that scheme's relative endpoint and metadata addresses resolve.
 *
 * <p>The host's own (the builder's, {@code --base-address}) come first; a configured {@code <host><baseAddresses>}
 * entry is used for a scheme the host does not supply. Where both supply one, the host's wins, as IIS supplies a
 * hosted service's addresses and ignores the configured ones; a self-hosted WCF service would fail with
 * {@code BaseAddressDuplicateScheme} instead, as it does here for two of a scheme from the same source.
 *
 * @param uris one per scheme: the host's, then the configured ones of other schemes
 */
record BaseAddresses(List<URI> uris) {

    BaseAddresses {
        uris = List.copyOf(uris);
    }

    /**
     * The host's base addresses and the configured ones, each checked as WCF checks a base address.
     *
     * @throws ServiceHostException with WCF's text for a relative address, one with user info, a query or a fragment,
     *                              and for two of a scheme from the same source
     */
    static BaseAddresses of(List<URI> host, List<URI> configured) {
        List<URI> merged = new ArrayList<>(checked(host));
        for (URI c : checked(configured)) {
            if (merged.stream().noneMatch(h -> h.getScheme().equalsIgnoreCase(c.getScheme()))) {
                merged.add(c);
            }
        }
        return new BaseAddresses(merged);
    }

    /** {@code UriSchemeKeyedCollection.ValidateBaseAddress} and its one-per-scheme key. */
    private static List<URI> checked(List<URI> addresses) {
        Set<String> schemes = new HashSet<>();
        for (URI u : addresses) {
            WcfText problem = !u.isAbsolute() ? WcfText.BaseAddressMustBeAbsolute
                    : u.getRawUserInfo() != null ? WcfText.BaseAddressCannotHaveUserInfo
                    : u.getRawQuery() != null ? WcfText.BaseAddressCannotHaveQuery
                    : u.getRawFragment() != null ? WcfText.BaseAddressCannotHaveFragment : null;
            if (problem != null) {
                throw new ServiceHostException(problem.format());
            }
            if (!schemes.add(u.getScheme().toLowerCase(Locale.ROOT))) {
                throw new ServiceHostException(WcfText.BaseAddressDuplicateScheme.format(u.getScheme()));
            }
        }
        return addresses;
    }

    /** The endpoint's absolute address: as written, or relative to the base address of its transport's scheme. */
    URI endpointAddress(ServiceEndpoint e, Binding binding) {
        URI written = e.address().isEmpty() ? null : URI.create(e.address());
        if (written != null && written.isAbsolute()) {
            return written;
        }
        String scheme = binding.transport().map(t -> t.scheme()).orElse("http");
        Optional<URI> base = forScheme(scheme);
        if (base.isEmpty()) {
            String schemes = uris.stream().map(URI::getScheme).collect(Collectors.toCollection(LinkedHashSet::new))
                    .stream().collect(Collectors.joining(","));
            throw new ServiceHostException(WcfText.SFxEndpointNoMatchingScheme.format(scheme, binding.wcfName(),
                    schemes));
        }
        return written == null ? base.get() : resolve(base.get(), written);
    }

    /**
     * Where {@code ?wsdl} is served (WCF's {@code ServiceMetadataBehavior}): {@code getUrl} as written when absolute,
     * else relative to the {@code scheme} base address, else that base address itself.
     */
    URI metadataAddress(String scheme, Optional<URI> getUrl, WcfText noBaseAddress) {
        if (getUrl.isPresent() && getUrl.get().isAbsolute()) {
            return getUrl.get();
        }
        URI base = forScheme(scheme).orElseThrow(() -> new ServiceHostException(noBaseAddress.format()));
        return getUrl.isEmpty() || getUrl.get().toString().isEmpty() ? base : resolve(base, getUrl.get());
    }

    /** A listen address in the form two are compared in: lower case, without a trailing slash. */
    static URI normalized(URI u) {
        String s = u.toString().toLowerCase(Locale.ROOT);
        return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    private Optional<URI> forScheme(String scheme) {
        return uris.stream().filter(b -> scheme.equalsIgnoreCase(b.getScheme())).findFirst();
    }

    private static URI resolve(URI base, URI relative) {
        String b = base.toString();
        return URI.create(b.endsWith("/") ? b : b + "/").resolve(relative);
    }
}
