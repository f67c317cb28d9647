package io.github.wcf4j.config.read;

import io.github.wcf4j.config.SourceLocation;
import java.lang.reflect.Constructor;
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

    /** A new, empty DTO of {@code type} (every DTO has a no-argument constructor). */
    static <T> T instantiate(Class<T> type) {
        try {
            Constructor<T> c = type.getDeclaredConstructor();
            c.setAccessible(true);
            return c.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("configuration DTO " + type.getName() + " needs a no-arg constructor", e);
        }
    }

    /** Records a child element; {@code false} when it was already present (WCF allows each once). */
    boolean firstOccurrence(String child) {
        return seenChildren.add(child);
    }
}
