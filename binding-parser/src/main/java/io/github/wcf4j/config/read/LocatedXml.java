package io.github.wcf4j.config.read;

import io.github.wcf4j.config.SourceLocation;
import java.util.HashSet;
import java.util.Set;

/**
 * Base of every configuration DTO: the element's name and where it starts, filled in by the reader, so that every value
 * error can be reported at its element's line and column.
 */
public abstract class LocatedXml {
    private String elementName;
    private SourceLocation location;
    private final Set<String> seenChildren = new HashSet<>();

    /** The XML element name, e.g. {@code reliableSession}. */
    public String elementName() {
        return elementName;
    }

    /** Where the element's start tag is. */
    public SourceLocation location() {
        return location;
    }

    void locate(String name, SourceLocation at) {
        this.elementName = name;
        this.location = at;
    }

    /** Records a child element; {@code false} when it was already present (WCF allows each once). */
    boolean firstOccurrence(String child) {
        return seenChildren.add(child);
    }
}
