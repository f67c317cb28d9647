package io.github.wcf4j.config.xml;

import io.github.wcf4j.binding.transport.TransportBindingElement;

/**
 * The {@code maxBufferSize} of a TCP transport whose configuration does not set it: WCF's
 * {@code TcpTransportBindingElement.MaxBufferSize} getter returns {@code maxReceivedMessageSize} (capped at Int32) for
 * buffered transfer until the property is set, so {@code <netTcpBinding maxReceivedMessageSize="1048576">} buffers
 * whole 1 MB messages; for streamed transfer the default. Invalid attribute texts fall back to the defaults (their
 * errors are reported where the attributes are mapped).
 */
final class TcpBufferSize {
    private TcpBufferSize() {
    }

    static int whenUnset(String transferMode, String maxReceivedMessageSize) {
        boolean buffered = transferMode == null || transferMode.trim().equals("Buffered");
        if (!buffered) {
            return TransportBindingElement.DEFAULT_MAX_BUFFER_SIZE;
        }
        try {
            long received = maxReceivedMessageSize == null ? TransportBindingElement.DEFAULT_MAX_RECEIVED_MESSAGE_SIZE
                    : Long.parseLong(maxReceivedMessageSize.trim());
            return received < 1 ? TransportBindingElement.DEFAULT_MAX_BUFFER_SIZE
                    : (int) Math.min(received, Integer.MAX_VALUE);
        } catch (NumberFormatException e) {
            return TransportBindingElement.DEFAULT_MAX_BUFFER_SIZE;
        }
    }
}
