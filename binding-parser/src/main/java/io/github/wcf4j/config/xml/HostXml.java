package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.config.read.LocatedXml;
import io.github.wcf4j.config.read.OrderedElementXml;
import java.util.Set;

/** {@code <service><host>}: base addresses and host timeouts. */
public class HostXml extends LocatedXml {
    public BaseAddressesXml baseAddresses;
    public TimeoutsXml timeouts;

    /** {@code <baseAddresses>}: {@code <add baseAddress>} only (no clear/remove: "Unrecognized element"). */
    public static class BaseAddressesXml extends OrderedElementXml {
        @Override
        protected Set<String> attributeNames() {
            return Set.of();
        }

        @Override
        protected Class<? extends LocatedXml> childType(String name) {
            return ConfigStrings.ADD.equals(name) ? BaseAddressXml.class : null;
        }
    }

    /** {@code <add baseAddress="..."/>}. */
    public static class BaseAddressXml extends LocatedXml {
        @JacksonXmlProperty(isAttribute = true) public String baseAddress;
    }

    /** {@code <host><timeouts openTimeout closeTimeout>}. */
    public static class TimeoutsXml extends LocatedXml {
        @JacksonXmlProperty(isAttribute = true) public String openTimeout;
        @JacksonXmlProperty(isAttribute = true) public String closeTimeout;
    }
}
