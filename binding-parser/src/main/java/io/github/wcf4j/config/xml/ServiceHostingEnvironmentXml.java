package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.config.read.LocatedXml;
import java.util.Set;

/**
 * {@code <serviceHostingEnvironment>} ({@code ServiceHostingEnvironmentSection}): four attributes, the
 * {@code <serviceActivations>} and {@code <baseAddressPrefixFilters>} collections, and its own default collection of
 * {@code <add name transportConfigurationType>}.
 */
public class ServiceHostingEnvironmentXml extends SectionXml {
    static final String ASP_NET_COMPATIBILITY_ENABLED = "aspNetCompatibilityEnabled";
    static final String CLOSE_IDLE_SERVICES_AT_LOW_MEMORY = "closeIdleServicesAtLowMemory";
    static final String MIN_FREE_MEMORY_PERCENTAGE = "minFreeMemoryPercentageToActivateService";
    static final String MULTIPLE_SITE_BINDINGS_ENABLED = "multipleSiteBindingsEnabled";
    static final String SERVICE_ACTIVATIONS = "serviceActivations";
    static final String BASE_ADDRESS_PREFIX_FILTERS = "baseAddressPrefixFilters";

    @Override
    protected Set<String> sectionAttributes() {
        return Set.of(ASP_NET_COMPATIBILITY_ENABLED, CLOSE_IDLE_SERVICES_AT_LOW_MEMORY, MIN_FREE_MEMORY_PERCENTAGE,
                MULTIPLE_SITE_BINDINGS_ENABLED);
    }

    @Override
    protected Class<? extends LocatedXml> childType(String name) {
        switch (name) {
            case SERVICE_ACTIVATIONS: return ServiceActivationsXml.class;
            case BASE_ADDRESS_PREFIX_FILTERS: return BaseAddressPrefixFiltersXml.class;
            case ConfigStrings.ADD: return TransportConfigurationTypeXml.class;
            case ConfigStrings.REMOVE: return CollectionItemXml.Remove.class;
            case ConfigStrings.CLEAR: return CollectionItemXml.Clear.class;
            default: return null;
        }
    }

    /** {@code <add name transportConfigurationType/>}. */
    public static class TransportConfigurationTypeXml extends LocatedXml {
        @JacksonXmlProperty(isAttribute = true) public String name;
        @JacksonXmlProperty(isAttribute = true) public String transportConfigurationType;
    }

    /** {@code <serviceActivations>}: {@code <add relativeAddress service factory>}, {@code <remove relativeAddress>}. */
    public static class ServiceActivationsXml extends ItemCollectionXml {
        @Override
        String itemName() {
            return ConfigStrings.ADD;
        }

        @Override
        Class<? extends LocatedXml> itemType() {
            return ServiceActivationXml.class;
        }

        @Override
        Class<? extends LocatedXml> removeType() {
            return RemoveRelativeAddressXml.class;
        }
    }

    /** {@code <serviceActivations><add relativeAddress service factory/>}. */
    public static class ServiceActivationXml extends LocatedXml {
        @JacksonXmlProperty(isAttribute = true) public String relativeAddress;
        @JacksonXmlProperty(isAttribute = true) public String service;
        @JacksonXmlProperty(isAttribute = true) public String factory;
    }

    /** {@code <serviceActivations><remove relativeAddress/>}. */
    public static class RemoveRelativeAddressXml extends LocatedXml {
        @JacksonXmlProperty(isAttribute = true) public String relativeAddress;
    }

    /** {@code <baseAddressPrefixFilters>}: {@code <add prefix>}, {@code <remove prefix>}, {@code <clear/>}. */
    public static class BaseAddressPrefixFiltersXml extends ItemCollectionXml {
        @Override
        String itemName() {
            return ConfigStrings.ADD;
        }

        @Override
        Class<? extends LocatedXml> itemType() {
            return PrefixXml.class;
        }

        @Override
        Class<? extends LocatedXml> removeType() {
            return PrefixXml.class;
        }
    }

    /** {@code <baseAddressPrefixFilters><add prefix/>} and {@code <remove prefix/>}. */
    public static class PrefixXml extends LocatedXml {
        @JacksonXmlProperty(isAttribute = true) public String prefix;
    }
}
