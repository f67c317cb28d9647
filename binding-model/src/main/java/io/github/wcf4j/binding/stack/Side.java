package io.github.wcf4j.binding.stack;

/** Which half of a stack: the client's channel factory or the service's channel listener. */
public enum Side {
    /** {@code BuildChannelFactory}: the client (or the sending side of a back channel). */
    CLIENT,
    /** {@code BuildChannelListener}: the service. */
    SERVICE
}
