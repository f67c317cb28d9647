package io.github.wcf4j.binding.stack;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.BindingValidationException;
import io.github.wcf4j.binding.WcfText;
import java.util.ArrayList;
import java.util.List;

/**
 * WCF's invariants of a binding's element stack (reference source {@code Binding.EnsureInvariants},
 * {@code CustomBinding}): a transport exists and it is last. (No encoder is not an error: WCF's transports fall back to
 * their default encoder, text for HTTP and binary for TCP, so {@code MessageVersionMissingFromBinding} cannot arise from
 * configuration.)
 *
 * <p>The configuration-level rules (one transport, one encoder, one stream upgrade, no duplicate element) are applied by
 * the configuration reader, which reports them at the offending element's line.
 */
public final class StackRules {
    private StackRules() {
    }

    /** Every invariant {@code binding} breaks, in WCF's order (empty when the stack is well formed). */
    public static List<BindingValidationException> violations(Binding binding) {
        List<BindingValidationException> errors = new ArrayList<>(2);
        List<BindingElement> elements = binding.createBindingElements();
        int transportIndex = -1;
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i).kind() == ElementKind.TRANSPORT) {
                transportIndex = i;
                break;
            }
        }
        if (transportIndex < 0) {
            errors.add(new BindingValidationException(WcfText.CustomBindingRequiresTransport, null, binding.wcfName()));
        } else if (transportIndex != elements.size() - 1) {
            errors.add(new BindingValidationException(WcfText.TransportBindingElementMustBeLast, null,
                    binding.wcfName(), elements.get(transportIndex).wcfTypeName()));
        }
        return errors;
    }

}
