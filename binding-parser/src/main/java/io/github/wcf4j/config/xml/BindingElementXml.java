package io.github.wcf4j.config.xml;

import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.config.read.ConfigContext;
import io.github.wcf4j.config.read.LocatedXml;

/** A {@code <customBinding><binding>} child that wcf4j models: it maps to exactly one binding element. */
public abstract class BindingElementXml extends LocatedXml {
    /** The element, with WCF's default for every attribute that is absent or wrong (each wrong one reported). */
    public abstract BindingElement toModel(ConfigContext ctx);
}
