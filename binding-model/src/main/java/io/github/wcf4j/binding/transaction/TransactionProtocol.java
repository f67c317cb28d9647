package io.github.wcf4j.binding.transaction;

/** The transaction propagation protocol (WCF {@code TransactionProtocol}); config literals as WCF writes them. */
public enum TransactionProtocol {
    OleTransactions, WSAtomicTransactionOctober2004, WSAtomicTransaction11;

    /** {@code TransactionProtocol.Default}: {@link #OleTransactions}. */
    public static final TransactionProtocol DEFAULT = OleTransactions;
}
