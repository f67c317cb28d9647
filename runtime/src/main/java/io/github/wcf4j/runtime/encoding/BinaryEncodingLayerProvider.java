package io.github.wcf4j.runtime.encoding;

import io.github.wcf4j.binding.encoding.BinaryMessageEncodingBindingElement;
import io.github.wcf4j.runtime.stack.BindingParameters;
import io.github.wcf4j.runtime.stack.LayerProvider;
import io.github.wcf4j.runtime.stack.RefusalRule;
import java.util.List;
import java.util.Locale;

/**
 * {@code binaryMessageEncoding}: builds no channel; publishes its {@link BinaryMessageEncoder} to the transport below
 * (as WCF's {@code MessageEncodingBindingElement} does). Refused by name: {@code compressionFormat} GZip/Deflate
 * (not run yet). Over a transport other than {@code tcpTransport} the stack builder refuses it.
 */
public final class BinaryEncodingLayerProvider implements LayerProvider<BinaryMessageEncodingBindingElement> {

    @Override
    public Class<BinaryMessageEncodingBindingElement> elementType() {
        return BinaryMessageEncodingBindingElement.class;
    }

    @Override
    public List<RefusalRule<BinaryMessageEncodingBindingElement>> refusals() {
        return List.of(RefusalRule.when("compressionFormat", e -> !"None".equals(e.compressionFormat()),
                e -> "compressionFormat '" + e.compressionFormat() + "' (content type application/soap+msbinsession1+"
                        + e.compressionFormat().toLowerCase(Locale.ROOT) + ") is not run by wcf4j yet; use"
                        + " None."));
    }

    @Override
    public void contribute(BinaryMessageEncodingBindingElement element, BindingParameters parameters) {
        parameters.put(BinaryMessageEncoder.class, new BinaryMessageEncoder(element));
    }
}
