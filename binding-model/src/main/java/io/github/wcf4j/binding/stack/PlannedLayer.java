package io.github.wcf4j.binding.stack;

import io.github.wcf4j.binding.BindingElement;
import java.util.Optional;

/**
 * One layer of a negotiated stack: which element builds which shape over which inner shape.
 *
 * @param element     the binding element, or empty for WCF's internal duplex layer (which configuration never names)
 * @param builds      the shape this layer builds
 * @param over        the inner shape it builds on; empty for a transport
 * @param backChannel for the internal duplex layer only: the opposite side's stack it adds (the client's listener for
 *                    replies, or the service's factory for sending back)
 */
public record PlannedLayer(Optional<BindingElement> element, ChannelShape builds, Optional<ChannelShape> over,
        Optional<StackPlan> backChannel) {

    /** The name {@code describe} prints: the configuration element, or {@code internalDuplex}. */
    public String name() {
        return element.map(BindingElement::configName).orElse("internalDuplex");
    }

    /** Whether this is WCF's hidden internal duplex layer. */
    public boolean isInternalDuplex() {
        return element.isEmpty();
    }
}
