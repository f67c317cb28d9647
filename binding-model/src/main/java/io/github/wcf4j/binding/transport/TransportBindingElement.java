package io.github.wcf4j.binding.transport;

import io.github.wcf4j.binding.BindingElement;
import io.github.wcf4j.binding.stack.ElementKind;

/**
 * The bottom of every stack: moves bytes (WCF {@code TransportBindingElement}). Exactly one per binding, and last.
 *
 * <p>Holds the settings common to every transport ({@code TransportElement} in configuration).
 */
public sealed interface TransportBindingElement extends BindingElement
        permits HttpTransportBindingElement, HttpsTransportBindingElement, TcpTransportBindingElement,
        InMemoryTransportBindingElement {

    /** {@code 524288}. */
    long DEFAULT_MAX_BUFFER_POOL_SIZE = 524_288L;
    /** {@code 65536}. */
    long DEFAULT_MAX_RECEIVED_MESSAGE_SIZE = 65_536L;
    /** {@code 65536}. */
    int DEFAULT_MAX_BUFFER_SIZE = 65_536;

    /** The URI scheme this transport serves, e.g. {@code http}. */
    String scheme();

    /** Whether the application supplies addressing headers itself (must be false under a reliable session). */
    boolean manualAddressing();

    /** Bytes kept in buffer pools; {@code >= 0}. */
    long maxBufferPoolSize();

    /** The largest message accepted, in bytes; larger ones are refused without being buffered. */
    long maxReceivedMessageSize();

    /** How bodies are moved; reliable sessions need {@link TransferMode#Buffered}. */
    default TransferMode transferMode() {
        return TransferMode.Buffered;
    }

    @Override
    default ElementKind kind() {
        return ElementKind.TRANSPORT;
    }
}
