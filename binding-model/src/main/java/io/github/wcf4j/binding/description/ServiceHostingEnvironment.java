package io.github.wcf4j.binding.description;

import io.github.wcf4j.binding.ArgumentChecks;
import io.github.wcf4j.binding.BindingValidationException;
import io.github.wcf4j.binding.WcfText;
import java.net.URI;
import java.util.List;

/**
 * {@code <serviceHostingEnvironment>} (WCF {@code ServiceHostingEnvironmentSection}): how services are hosted in a web
 * application, with WCF's defaults.
 *
 * @param aspNetCompatibilityEnabled              {@code false}
 * @param closeIdleServicesAtLowMemory            {@code false}
 * @param minFreeMemoryPercentageToActivateService {@code 5} (0 to 99)
 * @param multipleSiteBindingsEnabled             {@code false}
 * @param baseAddressPrefixFilters                {@code <baseAddressPrefixFilters><add prefix>}, none
 * @param serviceActivations                      {@code <serviceActivations>}, none
 * @param transportConfigurationTypes             the section's own {@code <add name transportConfigurationType>}, none
 * @param aspNetDenyRules                          the configuration file's ASP.NET URL authorization rules that deny
 *                                                 callers, which apply under ASP.NET compatibility; none
 */
public record ServiceHostingEnvironment(boolean aspNetCompatibilityEnabled, boolean closeIdleServicesAtLowMemory,
        int minFreeMemoryPercentageToActivateService, boolean multipleSiteBindingsEnabled,
        List<URI> baseAddressPrefixFilters, List<ServiceActivation> serviceActivations,
        List<TransportConfigurationType> transportConfigurationTypes, List<AspNetDenyRule> aspNetDenyRules) {

    /** {@code minFreeMemoryPercentageToActivateService}: {@code 5}. */
    public static final int DEFAULT_MIN_FREE_MEMORY_PERCENTAGE = 5;

    public ServiceHostingEnvironment {
        if (minFreeMemoryPercentageToActivateService < 0 || minFreeMemoryPercentageToActivateService > 99) {
            throw new BindingValidationException(WcfText.ValueMustBeInRange, "minFreeMemoryPercentageToActivateService",
                    0, 99);
        }
        baseAddressPrefixFilters = List.copyOf(ArgumentChecks.notNull(baseAddressPrefixFilters,
                "baseAddressPrefixFilters"));
        serviceActivations = List.copyOf(ArgumentChecks.notNull(serviceActivations, "serviceActivations"));
        transportConfigurationTypes = List.copyOf(ArgumentChecks.notNull(transportConfigurationTypes,
                "transportConfigurationTypes"));
        aspNetDenyRules = List.copyOf(ArgumentChecks.notNull(aspNetDenyRules, "aspNetDenyRules"));
    }

    /** The section alone, without ASP.NET rules from the rest of the file. */
    public ServiceHostingEnvironment(boolean aspNetCompatibilityEnabled, boolean closeIdleServicesAtLowMemory,
            int minFreeMemoryPercentageToActivateService, boolean multipleSiteBindingsEnabled,
            List<URI> baseAddressPrefixFilters, List<ServiceActivation> serviceActivations,
            List<TransportConfigurationType> transportConfigurationTypes) {
        this(aspNetCompatibilityEnabled, closeIdleServicesAtLowMemory, minFreeMemoryPercentageToActivateService,
                multipleSiteBindingsEnabled, baseAddressPrefixFilters, serviceActivations, transportConfigurationTypes,
                List.of());
    }

    /** The same, with the file's ASP.NET URL authorization rules that deny callers. */
    public ServiceHostingEnvironment withAspNetDenyRules(List<AspNetDenyRule> rules) {
        return new ServiceHostingEnvironment(aspNetCompatibilityEnabled, closeIdleServicesAtLowMemory,
                minFreeMemoryPercentageToActivateService, multipleSiteBindingsEnabled, baseAddressPrefixFilters,
                serviceActivations, transportConfigurationTypes, rules);
    }

    /**
     * The rules a service of this configuration depends on and wcf4j does not enforce: the ASP.NET deny rules, when
     * ASP.NET compatibility puts the services through ASP.NET's pipeline (none otherwise).
     */
    public List<AspNetDenyRule> enforcedByAspNet() {
        return aspNetCompatibilityEnabled ? aspNetDenyRules : List.of();
    }

    public static ServiceHostingEnvironment defaults() {
        return new ServiceHostingEnvironment(false, false, DEFAULT_MIN_FREE_MEMORY_PERCENTAGE, false, List.of(),
                List.of(), List.of());
    }
}
