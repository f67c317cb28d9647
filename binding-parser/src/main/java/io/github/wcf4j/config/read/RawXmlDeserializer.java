package io.github.wcf4j.config.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import io.github.wcf4j.config.SourceLocation;
import java.io.IOException;

/**
 * Reads a {@link RawXmlElement}: claims its start tag, skips its content (Jackson's view of arbitrary XML loses
 * namespaces and order) and attaches what the {@link RawXmlRecorder} recorded at that start tag.
 */
final class RawXmlDeserializer extends JsonDeserializer<RawXmlElement> {
    private final Class<? extends RawXmlElement> type;

    RawXmlDeserializer(Class<? extends RawXmlElement> type) {
        this.type = type;
    }

    @Override
    public RawXmlElement deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        ReadSession session = ReadSession.of(ctxt);
        String name = session.elementName(p);
        SourceLocation at = session.tracker().claim(name);
        p.skipChildren();
        RawXmlElement element = LocatedXml.instantiate(type);
        element.locate(name, at);
        element.content(session.tracker().claimRecorded(at));
        return element;
    }

    @Override
    public RawXmlElement getNullValue(DeserializationContext ctxt) {
        return LocatedXml.instantiate(type);
    }
}
