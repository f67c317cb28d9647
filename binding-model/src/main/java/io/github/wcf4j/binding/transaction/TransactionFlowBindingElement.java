package io.github.wcf4j.binding.transaction;

import io.github.wcf4j.binding.ArgumentChecks;
import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.stack.ShapeRule;

/**
 * Flows a transaction with each message (WCF {@code TransactionFlowBindingElement}, config {@code <transactionFlow>});
 * the WS-* standard bindings always contain it, with flow disabled unless {@code transactionFlow="true"}. Shapes pass
 * through. wcf4j's runtime accepts it with flow disabled and refuses to open a stack that asks to flow transactions.
 *
 * @param transactionFlow     whether transactions flow (the standard binding attribute; {@code true} for an explicit
 *                            {@code <transactionFlow>} element)
 * @param transactionProtocol {@code OleTransactions}
 * @param allowWildcardAction {@code false}
 */
public record TransactionFlowBindingElement(boolean transactionFlow, TransactionProtocol transactionProtocol,
        boolean allowWildcardAction) implements BindingElement {

    public TransactionFlowBindingElement {
        ArgumentChecks.notNull(transactionProtocol, "transactionProtocol");
    }

    /** An explicit {@code <transactionFlow/>} custom-binding element: flow enabled, OleTransactions. */
    public static TransactionFlowBindingElement defaults() {
        return new TransactionFlowBindingElement(true, TransactionProtocol.DEFAULT, false);
    }

    /** {@code <transactionFlow>}: the element's name in configuration (the one source of it). */
    public static final String CONFIG_NAME = "transactionFlow";

    @Override
    public String configName() {
        return CONFIG_NAME;
    }

    @Override
    public ShapeRule shapeRule() {
        return ShapeRule.passThrough();
    }
}
