package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.config.read.LocatedXml;

/**
 * {@code <standardEndpoints>} ({@code StandardEndpointsSection}): one collection per standard endpoint kind, each of
 * {@code <standardEndpoint name>} items with {@code <remove name>} and {@code <clear/>}. {@code mexEndpoint} is read
 * fully; every other kind (WCF's own or a registered {@code endpointExtension}) for its configuration names only.
 */
public class StandardEndpointsXml extends SectionXml {
    @Override
    protected Class<? extends LocatedXml> childType(String name) {
        return ConfigStrings.MEX_ENDPOINT.equals(name) ? Mex.class : Opaque.class;
    }

    /** A kind's collection: {@code <standardEndpoint>} items, each subclass naming the DTO they are read into. */
    public abstract static class CollectionXml extends ItemCollectionXml {
        @Override
        String itemName() {
            return ConfigStrings.STANDARD_ENDPOINT;
        }
    }

    /** {@code <mexEndpoint>}. */
    public static class Mex extends CollectionXml {
        @Override
        Class<? extends LocatedXml> itemType() {
            return MexEndpointXml.class;
        }
    }

    /** A kind wcf4j does not model. */
    public static class Opaque extends CollectionXml {
        @Override
        Class<? extends LocatedXml> itemType() {
            return OpaqueEndpointXml.class;
        }
    }

    /** {@code <mexEndpoint><standardEndpoint name>} ({@code ServiceMetadataEndpointElement}): a name and nothing else. */
    public static class MexEndpointXml extends LocatedXml {
        @JacksonXmlProperty(isAttribute = true) public String name;
    }

    /** A {@code <standardEndpoint>} of a kind wcf4j does not model: its name; its settings are not interpreted. */
    public static class OpaqueEndpointXml extends LocatedXml {
        @JacksonXmlProperty(isAttribute = true) public String name;

        @JsonAnySetter
        void ignore(String key, Object value) {
            // the kind's settings are not interpreted
        }
    }
}
