package io.github.wcf4j.runtime.stack;

import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.encoding.BinaryMessageEncodingBindingElement;
import io.github.wcf4j.binding.transport.TcpTransportBindingElement;
import java.util.List;
import java.util.Optional;

/**
 * Which encoder the runtime's transports take: the binary encoder is framed by the TCP transport only (WCF also sends
 * {@code application/soap+msbin1} over HTTP, which wcf4j's HTTP transport does not, so such a stack is refused by name
 * rather than sent as text).
 */
final class EncoderPairing {
    private EncoderPairing() {
    }

    static Optional<Refusal> refusal(List<BindingElement> elements) {
        BindingElement transport = elements.isEmpty() ? null : elements.get(elements.size() - 1);
        return elements.stream().filter(e -> e instanceof BinaryMessageEncodingBindingElement)
                .filter(e -> transport != null && !(transport instanceof TcpTransportBindingElement))
                .findFirst().map(e -> new Refusal(e, e.configName(), "The binding element 'binaryMessageEncoding' is"
                        + " not supported by the wcf4j runtime over '" + transport.configName() + "' (it runs binary"
                        + " encoding over tcpTransport only), so this binding cannot be opened."));
    }
}
