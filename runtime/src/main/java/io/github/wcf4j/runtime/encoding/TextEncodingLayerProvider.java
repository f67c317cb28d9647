package io.github.wcf4j.runtime.encoding;

import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.LayerProvider;
import io.github.wcf4j.runtime.stack.RefusalRule;
import java.util.List;

/**
 * {@code textMessageEncoding}: like WCF's {@code MessageEncodingBindingElement}, it builds no channel of its own; it
 * publishes its {@link TextMessageEncoder} to the transport below, which encodes and decodes with it.
 */
public final class TextEncodingLayerProvider implements LayerProvider<TextMessageEncodingBindingElement> {

    @Override
    public Class<TextMessageEncodingBindingElement> elementType() {
        return TextMessageEncodingBindingElement.class;
    }

    /** {@code messageVersion="None"} (plain XML, no envelope) is not run yet. */
    @Override
    public List<RefusalRule<TextMessageEncodingBindingElement>> refusals() {
        return List.of(RefusalRule.when("messageVersion", e -> e.messageVersion() == MessageVersion.NONE,
                e -> "messageVersion=\"None\": plain XML messages without a SOAP envelope are not implemented by"
                        + " wcf4j yet, so this endpoint is refused."));
    }

    @Override
    public void contribute(TextMessageEncodingBindingElement element, BindingParameters parameters) {
        parameters.put(TextMessageEncoder.class, new TextMessageEncoder(element));
    }
}
