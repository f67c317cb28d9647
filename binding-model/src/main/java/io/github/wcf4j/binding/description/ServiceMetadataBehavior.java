package io.github.wcf4j.binding.description;

import java.net.URI;
import java.util.Optional;

/**
 * {@code <serviceMetadata>}: whether WSDL is served over HTTP GET.
 *
 * @param httpGetEnabled  {@code false}
 * @param httpGetUrl      relative or absolute URL for {@code ?wsdl}, if set
 * @param httpsGetEnabled {@code false}
 * @param httpsGetUrl     as {@code httpGetUrl}, for HTTPS
 * @param policyVersion   {@code Default} (WS-Policy 1.2), or {@code Policy12}/{@code Policy15}
 */
public record ServiceMetadataBehavior(boolean httpGetEnabled, Optional<URI> httpGetUrl, boolean httpsGetEnabled,
        Optional<URI> httpsGetUrl, String policyVersion) {

    public ServiceMetadataBehavior {
        httpGetUrl = httpGetUrl == null ? Optional.empty() : httpGetUrl;
        httpsGetUrl = httpsGetUrl == null ? Optional.empty() : httpsGetUrl;
        policyVersion = policyVersion == null ? "Default" : policyVersion;
    }

    public static ServiceMetadataBehavior defaults() {
        return new ServiceMetadataBehavior(false, Optional.empty(), false, Optional.empty(), "Default");
    }
}
