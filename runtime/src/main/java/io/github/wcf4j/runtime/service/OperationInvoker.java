package io.github.wcf4j.runtime.service;

import io.github.wcf4j.runtime.contract.ContractDescription;
import io.github.wcf4j.runtime.contract.OperationDescription;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.XmlFragment;

/**
 * Runs the operations of one contract of one service on a service object (the service model's seam: the dispatcher
 * speaks messages, an invoker speaks bodies). The Metro-based implementation deserializes the body, picks the service
 * object by instancing mode and session, calls it, and serializes the result or the fault.
 *
 * <p>{@link #invoke} runs user code on the calling thread; the dispatcher calls it on the host's invocation executor,
 * never on an I/O thread. Thread-safe.
 */
public interface OperationInvoker extends AutoCloseable {

    ContractDescription contract();

    /**
     * Invokes {@code operation} with the request {@code body}; {@code session} identifies the session the call belongs
     * to ({@code null} on a datagram channel).
     */
    InvocationResult invoke(OperationDescription operation, XmlFragment body, Object session);

    /**
     * Invokes {@code operation} with the {@code request} message: its body, or for a stream operation its stream,
     * which may still be arriving (streamed transfer). By default the body, read whole.
     */
    default InvocationResult invoke(OperationDescription operation, Message request, Object session) {
        return invoke(operation, request.body(), session);
    }

    /** The session ended: its service object (if per-session) is released. */
    void endSession(Object session);

    @Override
    void close();
}
