package io.github.wcf4j.config.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.config.SourceLocation;
import java.io.IOException;
import java.util.Iterator;

/**
 * Jackson hooks that read {@link OrderedElementXml}s in document order, {@link RawXmlElement}s verbatim, give every
 * {@link LocatedXml} its name and position, and make bean properties as strict as WCF's configuration system: an
 * attribute property set from a child element is "Unrecognized element", and a child element given twice is "The
 * element &lt;x&gt; may only appear once in this section."
 */
final class LocatingDeserializerModifier extends BeanDeserializerModifier {

    @Override
    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription beanDesc,
            JsonDeserializer<?> deserializer) {
        if (OrderedElementXml.class.isAssignableFrom(beanDesc.getBeanClass())) {
            return new OrderedElementDeserializer(beanDesc.getBeanClass().asSubclass(OrderedElementXml.class));
        }
        if (RawXmlElement.class.isAssignableFrom(beanDesc.getBeanClass())) {
            return new RawXmlDeserializer((Class<? extends RawXmlElement>) beanDesc.getBeanClass());
        }
        if (LocatedXml.class.isAssignableFrom(beanDesc.getBeanClass())) {
            return new Locating(deserializer, beanDesc.getBeanClass());
        }
        return deserializer;
    }

    @Override
    public BeanDeserializerBuilder updateBuilder(DeserializationConfig config,
            BeanDescription beanDesc, BeanDeserializerBuilder builder) {
        if (!LocatedXml.class.isAssignableFrom(beanDesc.getBeanClass())) {
            return builder;
        }
        for (Iterator<SettableBeanProperty> it = builder.getProperties(); it.hasNext();) {
            SettableBeanProperty p = it.next();
            JacksonXmlProperty xml = p.getAnnotation(JacksonXmlProperty.class);
            boolean attribute = xml != null && xml.isAttribute();
            builder.addOrReplaceProperty(new Strict(p, attribute), true);
        }
        return builder;
    }

    /** Names and locates the DTO an element becomes. */
    static final class Locating extends DelegatingDeserializer {
        private final Class<?> type;

        Locating(JsonDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Locating(newDelegatee, type);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            ReadSession session = ReadSession.of(ctxt);
            String name = session.elementName(p);
            SourceLocation at = session.tracker().claim(name);
            Object value;
            if (p.currentToken() == JsonToken.VALUE_STRING
                    || p.currentToken() == JsonToken.VALUE_NULL) {
                // an element without attributes or children: empty, or (an error) text only
                if (p.currentToken() == JsonToken.VALUE_STRING && !p.getText().isBlank()) {
                    session.error(at, WcfText.Config_base_section_invalid_content);
                }
                value = LocatedXml.instantiate(type);
            } else {
                value = _delegatee.deserialize(p, ctxt);
            }
            if (value == null) {
                value = LocatedXml.instantiate(type);
            }
            ((LocatedXml) value).locate(name, at);
            return value;
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) {
            return LocatedXml.instantiate(type);
        }

        @Override
        public Object getEmptyValue(DeserializationContext ctxt) {
            return LocatedXml.instantiate(type);
        }
    }

    /** A property that insists on being an attribute (or a child element) and on appearing once. */
    static final class Strict extends SettableBeanProperty.Delegating {
        private final boolean attribute;

        Strict(SettableBeanProperty delegate, boolean attribute) {
            super(delegate);
            this.attribute = attribute;
        }

        @Override
        protected SettableBeanProperty withDelegate(SettableBeanProperty d) {
            return new Strict(d, attribute);
        }

        @Override
        public void deserializeAndSet(JsonParser p, DeserializationContext ctxt, Object instance) throws IOException {
            if (accept(p, ctxt, instance)) {
                super.deserializeAndSet(p, ctxt, instance);
            }
        }

        @Override
        public Object deserializeSetAndReturn(JsonParser p, DeserializationContext ctxt, Object instance)
                throws IOException {
            if (accept(p, ctxt, instance)) {
                return super.deserializeSetAndReturn(p, ctxt, instance);
            }
            return instance;
        }

        private boolean accept(JsonParser p, DeserializationContext ctxt, Object instance) throws IOException {
            ReadSession session = ReadSession.of(ctxt);
            String name = getName();
            if (attribute) {
                if (session.tracker().isAttributeOfCurrentElement(name)) {
                    return true;
                }
                session.error(session.tracker().claim(name), WcfText.Config_base_unrecognized_element_name, name);
                p.skipChildren();
                return false;
            }
            if (instance instanceof LocatedXml && !((LocatedXml) instance).firstOccurrence(name)
                    && !isCollection()) {
                session.error(session.tracker().claim(name),
                        WcfText.Config_base_element_cannot_have_multiple_child_elements, name);
                p.skipChildren();
                return false;
            }
            return true;
        }

        private boolean isCollection() {
            return getType().isCollectionLikeType() || getType().isArrayType();
        }
    }
}
