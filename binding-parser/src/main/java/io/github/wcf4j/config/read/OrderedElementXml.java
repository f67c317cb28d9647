package io.github.wcf4j.config.read;

import io.github.wcf4j.config.read.ChildXml.ChildKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A configuration element whose children form an ordered, registry-driven collection: a custom binding's stack, a
 * behavior's extensions, the sections of {@code <bindings>}, and WCF's {@code add}/{@code remove}/{@code clear}
 * collections. Document order is kept (it is the stack order of a custom binding), and each child name is classified by
 * the subclass's registry.
 */
public abstract class OrderedElementXml extends LocatedXml {
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<ChildXml> children = new ArrayList<>();

    /** The attributes this element declares; anything else is unrecognized. */
    protected abstract Set<String> attributeNames();

    /** The DTO type for a modelled child, or {@code null}. */
    protected abstract Class<? extends LocatedXml> childType(String name);

    /** Whether a non-modelled child name is known to WCF (skipped) rather than unknown. */
    protected boolean isKnownUnsupported(String name) {
        return false;
    }

    /**
     * Whether unknown attributes are ignored, as WCF's {@code ServiceModelExtensionCollectionElement} ignores them on
     * {@code <customBinding><binding>} and {@code <behavior>} (wcf4j warns instead of erring).
     */
    protected boolean ignoresUnknownAttributes() {
        return false;
    }

    /** The attribute's raw value, or {@code null} when absent. */
    public String attribute(String name) {
        return attributes.get(name);
    }

    /** The names of the attributes this element declares and the document gives. */
    public Set<String> attributesPresent() {
        return Collections.unmodifiableSet(attributes.keySet());
    }

    public List<ChildXml> children() {
        return Collections.unmodifiableList(children);
    }

    /** The modelled children named {@code name}, in order. */
    public <T extends LocatedXml> List<T> children(String name, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (ChildXml c : children) {
            if (c.name().equals(name) && c.value().isPresent()) {
                out.add(type.cast(c.value().get()));
            }
        }
        return out;
    }

    void putAttribute(String name, String value) {
        attributes.put(name, value);
    }

    void addChild(ChildXml child) {
        children.add(child);
    }

    ChildKind classify(String name) {
        if (childType(name) != null) {
            return ChildKind.MODELLED;
        }
        return isKnownUnsupported(name) ? ChildKind.KNOWN_UNSUPPORTED : ChildKind.UNKNOWN;
    }
}
