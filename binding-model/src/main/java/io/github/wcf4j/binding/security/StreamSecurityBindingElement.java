package io.github.wcf4j.binding.security;

import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.stack.ElementKind;
import io.github.wcf4j.binding.stack.ShapeRule;

/**
 * A stream upgrade that secures a connection-oriented transport (WCF {@code StreamUpgradeBindingElement}); at most one
 * per binding. Modelled for validation and description of {@code netTcpBinding}; not implemented by wcf4j's runtime.
 */
public sealed interface StreamSecurityBindingElement extends BindingElement
        permits WindowsStreamSecurityBindingElement, SslStreamSecurityBindingElement {

    @Override
    default ElementKind kind() {
        return ElementKind.STREAM_UPGRADE;
    }

    @Override
    default ShapeRule shapeRule() {
        return ShapeRule.passThrough();
    }
}
