package io.github.wcf4j.binding.encoding;

import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.stack.ElementKind;
import io.github.wcf4j.binding.stack.ShapeRule;

/**
 * Turns messages into bytes and back (WCF {@code MessageEncodingBindingElement}); exactly one per binding. It defines the
 * binding's {@link MessageVersion}, and builds no shape of its own: the stack passes through it.
 */
public sealed interface MessageEncodingBindingElement extends BindingElement
        permits TextMessageEncodingBindingElement, BinaryMessageEncodingBindingElement,
        MtomMessageEncodingBindingElement {

    /** The envelope and addressing versions of the messages this encoder writes and accepts. */
    MessageVersion messageVersion();

    /** The limits applied when reading. */
    ReaderQuotas readerQuotas();

    @Override
    default ElementKind kind() {
        return ElementKind.MESSAGE_ENCODING;
    }

    @Override
    default ShapeRule shapeRule() {
        return ShapeRule.passThrough();
    }
}
