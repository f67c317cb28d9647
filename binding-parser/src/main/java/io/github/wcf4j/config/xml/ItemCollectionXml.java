package io.github.wcf4j.config.xml;

import io.github.wcf4j.config.read.LocatedXml;
import io.github.wcf4j.config.read.OrderedElementXml;
import java.util.Set;

/**
 * A System.Configuration add/remove/clear collection without attributes of its own: items of one element name (such as
 * {@code <binding>} or {@code <add>}), {@code <remove>} by the items' key, and {@code <clear/>}.
 */
public abstract class ItemCollectionXml extends OrderedElementXml {
    /** The element name of an item, e.g. {@code binding}. */
    abstract String itemName();

    /** The DTO an item is read into. */
    abstract Class<? extends LocatedXml> itemType();

    /** The DTO a {@code <remove>} is read into: by {@code name} unless the items have another key. */
    Class<? extends LocatedXml> removeType() {
        return CollectionItemXml.Remove.class;
    }

    @Override
    protected Set<String> attributeNames() {
        return Set.of();
    }

    @Override
    protected Class<? extends LocatedXml> childType(String name) {
        if (name.equals(itemName())) {
            return itemType();
        }
        switch (name) {
            case ConfigStrings.REMOVE: return removeType();
            case ConfigStrings.CLEAR: return CollectionItemXml.Clear.class;
            default: return null;
        }
    }
}
