package io.github.wcf4j.config.xml;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.standard.MetadataExchangeBindings;
import io.github.wcf4j.config.read.ConfigContext;

/** {@code <mexHttpBinding><binding>} and siblings: only {@code name} and the timeouts ({@code MexBindingElement}). */
public class MexBindingXml extends StandardBindingXml {
    @Override
    public Binding toModel(String section, ConfigContext ctx) {
        timeouts(ctx);
        return MetadataExchangeBindings.forName(section).orElseThrow();
    }
}
