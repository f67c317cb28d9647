package io.github.wcf4j.runtime.stack;

import io.github.wcf4j.binding.transaction.TransactionFlowBindingElement;
import java.util.List;

/**
 * {@code transactionFlow}: the WS-* standard bindings always contain it; with flow disabled (their default) it adds
 * nothing, so its layer is the inner one. A binding that asks to flow transactions is refused by name.
 */
public final class TransactionFlowLayerProvider implements LayerProvider<TransactionFlowBindingElement> {

    @Override
    public Class<TransactionFlowBindingElement> elementType() {
        return TransactionFlowBindingElement.class;
    }

    @Override
    public List<RefusalRule<TransactionFlowBindingElement>> refusals() {
        return List.of(RefusalRule.when("transactionFlow", TransactionFlowBindingElement::transactionFlow,
                e -> "The binding flows transactions (" + e.transactionProtocol() + "), which the wcf4j runtime does"
                        + " not support, so it cannot be opened. Set transactionFlow=\"false\" or remove"
                        + " <transactionFlow>."));
    }
}
