package io.github.wcf4j.config.xml;

import io.github.wcf4j.config.read.LocatedXml;
import io.github.wcf4j.config.read.OrderedElementXml;
import java.util.Set;

/**
 * The root {@code <configuration>}: {@code <system.serviceModel>} is read, and of ASP.NET's sections the URL
 * authorization ({@code <system.web>}, also inside {@code <location>}: {@link AspNetXml}); every other section is left
 * alone.
 */
public class ConfigurationXml extends OrderedElementXml {
    @Override
    protected Set<String> attributeNames() {
        return Set.of();
    }

    @Override
    protected Class<? extends LocatedXml> childType(String name) {
        switch (name) {
            case ConfigStrings.SYSTEM_SERVICE_MODEL: return ServiceModelXml.class;
            case ConfigStrings.SYSTEM_WEB: return AspNetXml.SystemWeb.class;
            case ConfigStrings.LOCATION: return AspNetXml.Location.class;
            default: return null;
        }
    }

    @Override
    protected boolean isKnownUnsupported(String name) {
        return true;
    }
}
