package io.github.wcf4j.binding;

import io.github.wcf4j.binding.duplex.CompositeDuplexBindingElement;
import io.github.wcf4j.binding.encoding.MessageEncodingBindingElement;
import io.github.wcf4j.binding.oneway.OneWayBindingElement;
import io.github.wcf4j.binding.reliability.ReliableSessionBindingElement;
import io.github.wcf4j.binding.security.SecurityBindingElement;
import io.github.wcf4j.binding.security.StreamSecurityBindingElement;
import io.github.wcf4j.binding.stack.ElementKind;
import io.github.wcf4j.binding.stack.ShapeRule;
import io.github.wcf4j.binding.transaction.TransactionFlowBindingElement;
import io.github.wcf4j.binding.transport.TransportBindingElement;

/**
 * One element of a WCF binding: an immutable record holding the settings of one layer of the channel stack
 * (WCF {@code System.ServiceModel.Channels.BindingElement}).
 *
 * <p>Every element validates its settings with WCF's rules and texts when constructed, declares its
 * {@linkplain #shapeRule() channel shapes} as data, and names the {@code <customBinding>} child it comes from. The set
 * is closed: the runtime has exactly one layer provider per permitted type. To add an element, see
 * {@code docs/ARCHITECTURE.md} ("Adding a binding element").
 */
public sealed interface BindingElement permits TransportBindingElement, MessageEncodingBindingElement,
        ReliableSessionBindingElement, SecurityBindingElement, StreamSecurityBindingElement,
        CompositeDuplexBindingElement, OneWayBindingElement, TransactionFlowBindingElement, UnsupportedBindingElement {

    /** The {@code <customBinding>} child element this comes from, e.g. {@code reliableSession}. */
    String configName();

    /** The element's role in WCF's stack rules. */
    default ElementKind kind() {
        return ElementKind.PROTOCOL;
    }

    /** The shapes this element builds on each side, over which inner shapes. */
    ShapeRule shapeRule();

    /** The WCF type this element stands for, as WCF's texts print it, e.g. {@code ReliableSessionBindingElement}. */
    default String wcfTypeName() {
        return getClass().getSimpleName();
    }
}
