package io.github.wcf4j.config.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.config.Diagnostic;
import io.github.wcf4j.config.SourceLocation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of one read while Jackson deserializes: the element tracker and the structural diagnostics (unknown
 * attributes and elements, duplicate children, text content). Carried as a Jackson context attribute.
 */
public final class ReadSession {
    private final ElementTracker tracker;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    ReadSession(ElementTracker tracker) {
        this.tracker = tracker;
    }

    /** The session of the read in progress. */
    public static ReadSession of(DeserializationContext ctxt) {
        return (ReadSession) ctxt.getAttribute(ReadSession.class);
    }

    /** The element name of the value {@code p} is on: the property name, or the document's root element at the root. */
    public String elementName(JsonParser p) {
        try {
            String name = p.currentName();
            return name == null ? tracker.rootName() : name;
        } catch (IllegalStateException | IOException rootHasNoName) {
            return tracker.rootName();
        }
    }

    public ElementTracker tracker() {
        return tracker;
    }

    public void error(SourceLocation at, WcfText key, Object... args) {
        diagnostics.add(Diagnostic.error(at, key, args));
    }

    public void warning(SourceLocation at, String message) {
        diagnostics.add(Diagnostic.warning(at, message));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
