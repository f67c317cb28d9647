package io.github.wcf4j.config.xml;

import io.github.wcf4j.config.read.LocatedXml;
import io.github.wcf4j.config.read.OrderedElementXml;
import java.util.Set;

/** The root {@code <configuration>}: only {@code <system.serviceModel>} is read; every other section is left alone. */
public class ConfigurationXml extends OrderedElementXml {
    @Override
    protected Set<String> attributeNames() {
        return Set.of();
    }

    @Override
    protected Class<? extends LocatedXml> childType(String name) {
        return ConfigStrings.SYSTEM_SERVICE_MODEL.equals(name) ? ServiceModelXml.class : null;
    }

    @Override
    protected boolean isKnownUnsupported(String name) {
        return true;
    }
}
