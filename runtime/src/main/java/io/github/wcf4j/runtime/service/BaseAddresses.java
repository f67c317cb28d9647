package io.github.wcf4j.runtime.service;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.description.ServiceEndpoint;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A host's base addresses (WCF's {@code ServiceHostBase.BaseAddresses}): the first of a scheme is where that scheme's
 * relative addresses resolve, as WCF resolves endpoint and metadata addresses.
 *
 * @param uris the host's base addresses, then the configured ones
 */
record BaseAddresses(List<URI> uris) {

    BaseAddresses {
        uris = List.copyOf(uris);
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
