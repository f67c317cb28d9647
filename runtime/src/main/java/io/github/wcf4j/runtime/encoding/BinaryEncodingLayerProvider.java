package io.github.wcf4j.runtime.encoding;

import io.github.wcf4j.binding.encoding.BinaryMessageEncodingBindingElement;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.LayerProvider;

/**
 * {@code binaryMessageEncoding}: builds no channel; publishes its {@link BinaryMessageEncoder} to the transport below
 * (as WCF's {@code MessageEncodingBindingElement} does), {@code compressionFormat} included. Over a transport other
 * than {@code tcpTransport} the stack builder refuses it.
 */
public final class BinaryEncodingLayerProvider implements LayerProvider<BinaryMessageEncodingBindingElement> {

    @Override
    public Class<BinaryMessageEncodingBindingElement> elementType() {
        return BinaryMessageEncodingBindingElement.class;
    }

    @Override
    public void contribute(BinaryMessageEncodingBindingElement element, BindingParameters parameters) {
        parameters.put(BinaryMessageEncoder.class, new BinaryMessageEncoder(element));
    }
}
