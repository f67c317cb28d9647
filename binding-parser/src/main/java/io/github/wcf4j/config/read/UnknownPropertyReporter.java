package io.github.wcf4j.config.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import io.github.wcf4j.binding.WcfText;
import java.io.IOException;

/**
 * Turns Jackson's unknown properties into WCF's configuration errors and keeps reading: "Unrecognized attribute 'x'. Note
 * that attribute names are case-sensitive.", "Unrecognized element 'x'." or, for text inside an element, "The
 * configuration section cannot contain a CDATA or text element."
 */
final class UnknownPropertyReporter extends DeserializationProblemHandler {

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
            Object beanOrClass, String propertyName) throws IOException {
        ReadSession session = ReadSession.of(ctxt);
        ElementTracker tracker = session.tracker();
        if (propertyName.isEmpty()) {
            session.error(tracker.here(), WcfText.Config_base_section_invalid_content);
        } else if (tracker.isAttributeOfCurrentElement(propertyName)) {
            session.error(tracker.here(), WcfText.Config_base_unrecognized_attribute, propertyName);
        } else {
            session.error(tracker.claim(propertyName), WcfText.Config_base_unrecognized_element_name, propertyName);
        }
        p.skipChildren();
        return true;
    }
}
