package io.github.wcf4j.config.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import java.io.IOException;

/**
 * The one Jackson XML mapper configured for WCF configuration DTOs: strict properties, WCF's unknown-property texts,
 * element locations, and ordered collections for {@link OrderedElementXml} types. Thread-safe once built.
 */
public final class ConfigXmlMapper {
    private final XmlMapper mapper;

    public ConfigXmlMapper() {
        SimpleModule module = new SimpleModule("wcf4j-config");
        module.setDeserializerModifier(new LocatingDeserializerModifier());
        this.mapper = XmlMapper.builder()
                .defaultUseWrapper(false)
                .addModule(module)
                .addHandler(new UnknownPropertyReporter())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .build();
    }

    /** Reads the document under {@code tracker} (positioned on its root) as {@code type}. */
    public <T> T read(ElementTracker tracker, Class<T> type, ReadSession session) throws IOException {
        ObjectReader reader = mapper.readerFor(type).withAttribute(ReadSession.class, session);
        try (JsonParser parser = mapper.getFactory().createParser(tracker)) {
            return reader.readValue(parser);
        }
    }

    /** A session for a read over {@code tracker}. */
    public static ReadSession session(ElementTracker tracker) {
        return new ReadSession(tracker);
    }
}
