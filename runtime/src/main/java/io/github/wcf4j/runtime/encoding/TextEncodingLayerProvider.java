package io.github.wcf4j.runtime.encoding;

import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.LayerProvider;

/**
 * {@code textMessageEncoding}: like WCF's {@code MessageEncodingBindingElement}, it builds no channel of its own; it
 * publishes its {@link TextMessageEncoder} to the transport below, which encodes and decodes with it. Every message
 * version runs, {@code None} (plain XML without an envelope) included.
 */
public final class TextEncodingLayerProvider implements LayerProvider<TextMessageEncodingBindingElement> {

    @Override
    public Class<TextMessageEncodingBindingElement> elementType() {
        return TextMessageEncodingBindingElement.class;
    }

    @Override
    public void contribute(TextMessageEncodingBindingElement element, BindingParameters parameters) {
        parameters.put(TextMessageEncoder.class, new TextMessageEncoder(element));
    }
}
