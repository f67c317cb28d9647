package io.github.wcf4j.binding.description;

import io.github.wcf4j.binding.ArgumentChecks;
import java.net.URI;

/**
 * One {@code <serviceHostingEnvironment><serviceActivations><add>}: a service activated at a relative address without a
 * {@code .svc} file (WCF 4 file-less activation).
 *
 * @param relativeAddress {@code relativeAddress}, e.g. {@code Calculator.svc} or {@code ~/sub/Calculator.svc}
 * @param service         {@code service}: the .NET service type's name, may be empty when a factory is given
 * @param factory         {@code factory}: a .NET {@code ServiceHostFactory} type name, may be empty
 */
public record ServiceActivation(String relativeAddress, String service, String factory) {
    public ServiceActivation {
        ArgumentChecks.notNull(relativeAddress, "relativeAddress");
        ArgumentChecks.notNull(service, "service");
        ArgumentChecks.notNull(factory, "factory");
    }

    /**
     * Where the service is activated under an application hosted at {@code applicationBase} (IIS: the application's
     * virtual directory), e.g. {@code http://host/app/} + {@code ~/sub/Calculator.svc} →
     * {@code http://host/app/sub/Calculator.svc}: the service's base address for that scheme.
     */
    public URI addressUnder(URI applicationBase) {
        String relative = relativeAddress.startsWith("~/") ? relativeAddress.substring(2) : relativeAddress;
        String base = applicationBase.toString();
        return URI.create(base.endsWith("/") ? base : base + "/").resolve(relative);
    }
}
