package io.github.wcf4j.binding.duplex;

import static io.github.wcf4j.binding.stack.ChannelShape.INPUT;
import static io.github.wcf4j.binding.stack.ChannelShape.OUTPUT;

import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.stack.ShapeRule;
import java.net.URI;
import java.util.Optional;

/**
 * Two one-way channels in opposite directions make one duplex conversation (WCF {@code CompositeDuplexBindingElement},
 * config {@code <compositeDuplex>}): the client listens for the service's messages at its own address.
 *
 * <pre>
 * client  IOutputChannel ← IOutputChannel      (plus, via the internal duplex layer above it, an IInputChannel
 * service IInputChannel  ← IInputChannel        listener at the client base address)
 * </pre>
 *
 * @param clientBaseAddress where the client listens ({@code clientBaseAddress} + "/" + a new GUID); empty means a unique
 *                          temporary address chosen by the transport
 */
public record CompositeDuplexBindingElement(Optional<URI> clientBaseAddress) implements BindingElement {

    private static final ShapeRule SHAPES = ShapeRule.layer()
            .factory(OUTPUT, OUTPUT)
            .listener(INPUT, INPUT)
            .compositeDuplex()
            .build();

    public CompositeDuplexBindingElement {
        clientBaseAddress = clientBaseAddress == null ? Optional.empty() : clientBaseAddress;
    }

    public static CompositeDuplexBindingElement defaults() {
        return new CompositeDuplexBindingElement(Optional.empty());
    }

    public static CompositeDuplexBindingElement at(URI clientBaseAddress) {
        return new CompositeDuplexBindingElement(Optional.of(clientBaseAddress));
    }

    /** {@code <compositeDuplex>}: the element's name in configuration (the one source of it). */
    public static final String CONFIG_NAME = "compositeDuplex";

    @Override
    public String configName() {
        return CONFIG_NAME;
    }

    @Override
    public ShapeRule shapeRule() {
        return SHAPES;
    }
}
