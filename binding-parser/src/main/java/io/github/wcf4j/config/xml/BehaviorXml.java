package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.config.read.LocatedXml;
import io.github.wcf4j.config.read.OrderedElementXml;
import java.util.Set;

/**
 * {@code <behavior name>}: behavior extensions in any order. wcf4j reads {@code serviceMetadata}, {@code serviceDebug},
 * {@code serviceThrottling} and {@code serviceCredentials} (service behaviors) and {@code clientCredentials} (endpoint
 * behaviors); WCF's other behaviors are known (reported as not honoured), custom ones must be
 * registered in {@code <extensions><behaviorExtensions>}. Unknown attributes are ignored, as in WCF.
 */
public abstract class BehaviorXml extends OrderedElementXml {
    @Override
    protected Set<String> attributeNames() {
        return Set.of(ConfigStrings.NAME);
    }

    @Override
    protected boolean ignoresUnknownAttributes() {
        return true;
    }

    @Override
    protected boolean isKnownUnsupported(String name) {
        return WcfExtensionCatalog.isBehaviorExtension(name);
    }

    public String name() {
        String n = attribute(ConfigStrings.NAME);
        return n == null ? "" : n;
    }

    /** A service behavior. */
    public static class Service extends BehaviorXml {
        @Override
        protected Class<? extends LocatedXml> childType(String name) {
            switch (name) {
                case ConfigStrings.SERVICE_METADATA: return ServiceMetadataXml.class;
                case ConfigStrings.SERVICE_DEBUG: return ServiceDebugXml.class;
                case ConfigStrings.SERVICE_THROTTLING: return ServiceThrottlingXml.class;
                case ConfigStrings.SERVICE_CREDENTIALS: return ServiceCredentialsXml.class;
                case ConfigStrings.CLEAR: return CollectionItemXml.Clear.class;
                case ConfigStrings.REMOVE: return CollectionItemXml.Remove.class;
                default: return null;
            }
        }
    }

    /** An endpoint behavior. */
    public static class Endpoint extends BehaviorXml {
        @Override
        protected Class<? extends LocatedXml> childType(String name) {
            switch (name) {
                case ConfigStrings.CLIENT_CREDENTIALS: return ClientCredentialsXml.class;
                case ConfigStrings.CLEAR: return CollectionItemXml.Clear.class;
                case ConfigStrings.REMOVE: return CollectionItemXml.Remove.class;
                default: return null;
            }
        }

        @Override
        protected boolean isKnownUnsupported(String name) {
            return super.isKnownUnsupported(name) || ServiceMetadataXml.NAMES.contains(name);
        }
    }

    /** {@code <serviceMetadata>}. */
    public static class ServiceMetadataXml extends LocatedXml {
        static final Set<String> NAMES = Set.of(ConfigStrings.SERVICE_METADATA, ConfigStrings.SERVICE_DEBUG,
                ConfigStrings.SERVICE_THROTTLING, ConfigStrings.SERVICE_CREDENTIALS);
        @JacksonXmlProperty(isAttribute = true) public String externalMetadataLocation;
        @JacksonXmlProperty(isAttribute = true) public String httpGetEnabled;
        @JacksonXmlProperty(isAttribute = true) public String httpGetUrl;
        @JacksonXmlProperty(isAttribute = true) public String httpsGetEnabled;
        @JacksonXmlProperty(isAttribute = true) public String httpsGetUrl;
        @JacksonXmlProperty(isAttribute = true) public String httpGetBinding;
        @JacksonXmlProperty(isAttribute = true) public String httpGetBindingConfiguration;
        @JacksonXmlProperty(isAttribute = true) public String httpsGetBinding;
        @JacksonXmlProperty(isAttribute = true) public String httpsGetBindingConfiguration;
        @JacksonXmlProperty(isAttribute = true) public String policyVersion;
    }

    /** {@code <serviceDebug>}. */
    public static class ServiceDebugXml extends LocatedXml {
        @JacksonXmlProperty(isAttribute = true) public String httpHelpPageEnabled;
        @JacksonXmlProperty(isAttribute = true) public String httpHelpPageUrl;
        @JacksonXmlProperty(isAttribute = true) public String httpsHelpPageEnabled;
        @JacksonXmlProperty(isAttribute = true) public String httpsHelpPageUrl;
        @JacksonXmlProperty(isAttribute = true) public String httpHelpPageBinding;
        @JacksonXmlProperty(isAttribute = true) public String httpHelpPageBindingConfiguration;
        @JacksonXmlProperty(isAttribute = true) public String httpsHelpPageBinding;
        @JacksonXmlProperty(isAttribute = true) public String httpsHelpPageBindingConfiguration;
        @JacksonXmlProperty(isAttribute = true) public String includeExceptionDetailInFaults;
    }

    /** {@code <serviceThrottling>}. */
    public static class ServiceThrottlingXml extends LocatedXml {
        @JacksonXmlProperty(isAttribute = true) public String maxConcurrentCalls;
        @JacksonXmlProperty(isAttribute = true) public String maxConcurrentSessions;
        @JacksonXmlProperty(isAttribute = true) public String maxConcurrentInstances;
    }
}
