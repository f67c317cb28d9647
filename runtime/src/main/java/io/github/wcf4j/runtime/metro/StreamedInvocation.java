package io.github.wcf4j.runtime.metro;

import io.github.wcf4j.runtime.contract.OperationDescription;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.service.DispatchFaults;
import io.github.wcf4j.runtime.service.InvocationResult;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.List;

/**
 * Calls a stream operation on the service object, the way WCF's {@code StreamFormatter} dispatches it: the request's
 * stream is handed to the operation while it is still arriving, a returned stream becomes a reply body written as it is
 * read ({@link StreamFormatter}); the other half, if any, is formatted by {@link WrappedParts}. When the operation
 * returns, the request's stream is closed (WCF: request streams cannot be read after the operation returns; what was
 * not read is discarded); a returned stream is closed once sent. Undeclared exceptions become WCF's
 * {@code InternalServiceFault}, as for every operation; declared faults of stream operations are not mapped to their
 * {@code @WebFault} details (they travel as that fault too). Thread-safe.
 */
final class StreamedInvocation {
    private final InstancingInvoker instancing;
    private final boolean includeExceptionDetail;

    StreamedInvocation(InstancingInvoker instancing, boolean includeExceptionDetail) {
        this.instancing = instancing;
        this.includeExceptionDetail = includeExceptionDetail;
    }

    InvocationResult invoke(OperationDescription op, Message request, Object session) {
        InputStream stream = null;
        Object[] args;
        try {
            if (op.streamsRequest()) {
                stream = new StreamFormatter(op.requestElement(), op.parameters().get(0).name(), true)
                        .reader(request);
                args = new Object[] {stream};
            } else {
                args = WrappedParts.read(request.body(), op.requestElement(), op.parameters());
            }
        } catch (IllegalArgumentException e) {
            return InvocationResult.fault(DispatchFaults.unexpectedBody(op.name(), op.requestElement(), null), null);
        }
        Object result;
        try {
            result = instancing.call(session, op.method(), args);
        } catch (InvocationTargetException e) {
            return InvocationResult.fault(DispatchFaults.internalServiceFault(e.getCause(), includeExceptionDetail),
                    DispatchFaults.DISPATCHER_FAULT_ACTION);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } finally {
            if (stream != null) {
                closeQuietly(stream);
            }
        }
        if (op.oneWay()) {
            return InvocationResult.none();
        }
        if (op.streamsReply()) {
            StreamFormatter reply = new StreamFormatter(op.replyElement(), op.result().orElseThrow().name(), false);
            return InvocationResult.streamedReply(reply.writer((InputStream) result, true), op.replyAction());
        }
        List<OperationDescription.Part> parts = op.result().map(List::of).orElse(List.of());
        return InvocationResult.reply(WrappedParts.write(op.replyElement(), parts,
                parts.isEmpty() ? new Object[0] : new Object[] {result}), op.replyAction());
    }

    private static void closeQuietly(InputStream s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing only discards what the operation left unread
        }
    }
}
