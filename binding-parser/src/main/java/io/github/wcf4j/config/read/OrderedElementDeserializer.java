package io.github.wcf4j.config.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.config.SourceLocation;
import io.github.wcf4j.config.read.ChildXml.ChildKind;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.util.Optional;

/**
 * Reads an {@link OrderedElementXml}: attributes by name, then every child in document order, each child name looked up
 * in the element's registry and either read into its DTO (by Jackson) or skipped and recorded.
 */
final class OrderedElementDeserializer extends JsonDeserializer<OrderedElementXml> {
    private final Class<? extends OrderedElementXml> type;

    OrderedElementDeserializer(Class<? extends OrderedElementXml> type) {
        this.type = type;
    }

    @Override
    public OrderedElementXml deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        ReadSession session = ReadSession.of(ctxt);
        ElementTracker tracker = session.tracker();
        String name = session.elementName(p);
        SourceLocation at = tracker.claim(name);
        OrderedElementXml element = LocatedXml.instantiate(type);
        element.locate(name, at);
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NULL) {
            if (token == JsonToken.VALUE_STRING && !p.getText().isBlank()) {
                session.error(at, WcfText.Config_base_section_invalid_content);
            }
            return element;
        }
        if (token == JsonToken.START_OBJECT) {
            token = p.nextToken();
        }
        while (token == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            boolean attribute = tracker.isAttributeOfCurrentElement(field);
            p.nextToken();
            if (attribute && p.currentToken().isScalarValue()) {
                readAttribute(element, field, p.getText(), session);
            } else if (field.isEmpty()) {
                if (!p.getText().isBlank()) {
                    session.error(tracker.here(), WcfText.Config_base_section_invalid_content);
                }
            } else {
                readChild(element, field, p, ctxt, session);
            }
            token = p.nextToken();
        }
        return element;
    }

    private static void readAttribute(OrderedElementXml element, String field, String value, ReadSession session) {
        if (element.attributeNames().contains(field)) {
            element.putAttribute(field, value);
        } else if (element.ignoresUnknownAttributes()) {
            session.warning(session.tracker().here(), "Unrecognized attribute '" + field + "' on <"
                    + element.elementName() + "> is ignored (WCF ignores unknown attributes on this element).");
        } else {
            session.error(session.tracker().here(), WcfText.Config_base_unrecognized_attribute, field);
        }
    }

    private static void readChild(OrderedElementXml element, String field, JsonParser p, DeserializationContext ctxt,
            ReadSession session) throws IOException {
        ChildKind kind = element.classify(field);
        if (kind == ChildKind.MODELLED) {
            LocatedXml child = (LocatedXml) ctxt.readValue(p, element.childType(field));
            element.addChild(new ChildXml(field, child.location(), Optional.of(child), kind));
        } else {
            SourceLocation childAt = session.tracker().claim(field);
            p.skipChildren();
            element.addChild(new ChildXml(field, childAt, Optional.empty(), kind));
        }
    }
}
