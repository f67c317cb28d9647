package io.github.wcf4j.runtime.service;

import io.github.wcf4j.binding.encoding.AddressingVersion;
import io.github.wcf4j.binding.encoding.EnvelopeVersion;
import io.github.wcf4j.binding.encoding.MessageVersion;
import io.github.wcf4j.runtime.channel.EndpointAddress;
import io.github.wcf4j.runtime.contract.ConcurrencyMode;
import io.github.wcf4j.runtime.contract.OperationDescription;
import io.github.wcf4j.runtime.message.TypedBodyQuotas;
import io.github.wcf4j.runtime.diagnostics.MessageLog;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.MessageFault;
import io.github.wcf4j.runtime.message.MustUnderstandFault;
import io.github.wcf4j.runtime.message.PayloadElement;
import io.github.wcf4j.runtime.message.UnreadableBody;
import io.github.wcf4j.runtime.metrics.CallOutcome;
import io.github.wcf4j.runtime.metrics.CallSpan;
import io.github.wcf4j.runtime.metrics.EndpointMetrics;
import io.github.wcf4j.runtime.metrics.OperationMetrics;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.xml.namespace.QName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one request message into its reply for one endpoint, as WCF's dispatcher does, in WCF's order: a {@code To}
 * that is not the endpoint's address, or a message without the endpoint's address headers ({@link AddressFilter}), is
 * {@code DestinationUnreachable} (scheme, port and path compared, the host name not, as WCF's default address filter
 * does); a missing action is {@code MessageAddressingHeaderRequired}, an unknown one
 * {@code ActionNotSupported}; a header marked {@code mustUnderstand} that no layer understood is {@code MustUnderstand};
 * otherwise the call enters its instance context ({@link InstanceContexts}: instancing, the instance throttle, the
 * object's lock) and the operation runs on the host's invocation executor; its result becomes the reply: its action,
 * {@code RelatesTo} the request's {@code MessageID}, no {@code MessageID} of its own, addressed to a non-anonymous
 * {@code ReplyTo} (or {@code FaultTo} for faults). Faults of one-way operations are never sent. Thread-safe.
 */
final class MessageDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(MessageDispatcher.class);

    private final OperationInvoker invoker;
    private final Supplier<URI> endpointAddress;
    private final AddressFilter addressFilter;
    private final MessageVersion version;
    private final Executor executor;
    private final InstanceContexts instances;
    private final MessageLog messageLog;
    private final TextMessageEncoder logEncoder;
    private final Function<String, OperationMetrics> operationMeters;
    private final ConcurrentHashMap<String, OperationMetrics> meters = new ConcurrentHashMap<>();
    private final boolean inline;

    /**
     * {@code endpointAddress}: where messages are sent {@code To} (known once the listener is open, for port 0);
     * {@code addressFilter}: the address headers a message must carry; {@code instances}: the instance contexts calls
     * run in (instancing, concurrency, {@code maxConcurrentInstances}).
     */
    MessageDispatcher(OperationInvoker invoker, Supplier<URI> endpointAddress, AddressFilter addressFilter,
            MessageVersion version, Executor executor, InstanceContexts instances) {
        this(invoker, endpointAddress, addressFilter, version, executor, instances, MessageLog.none(), null);
    }

    /** With {@code messageLog} logging requests and replies at service level, written by {@code logEncoder}. */
    MessageDispatcher(OperationInvoker invoker, Supplier<URI> endpointAddress, AddressFilter addressFilter,
            MessageVersion version, Executor executor, InstanceContexts instances, MessageLog messageLog,
            TextMessageEncoder logEncoder) {
        this(invoker, endpointAddress, addressFilter, version, executor, instances, messageLog, logEncoder,
                EndpointMetrics.NONE);
    }

    /** With {@code metrics} timing each dispatched call per operation. */
    MessageDispatcher(OperationInvoker invoker, Supplier<URI> endpointAddress, AddressFilter addressFilter,
            MessageVersion version, Executor executor, InstanceContexts instances, MessageLog messageLog,
            TextMessageEncoder logEncoder, EndpointMetrics metrics) {
        this(invoker, endpointAddress, addressFilter, version, executor, instances, messageLog, logEncoder, metrics,
                false);
    }

    /**
     * {@code inline}: an operation runs on the thread that delivered its request (an event loop, the reliable
     * session's or a layer's thread) instead of the invocation executor, when it may ({@link #runsInline}); the
     * host's opt-in for operations that never block ({@code ServiceHost.Builder.inlineInvocation}).
     */
    MessageDispatcher(OperationInvoker invoker, Supplier<URI> endpointAddress, AddressFilter addressFilter,
            MessageVersion version, Executor executor, InstanceContexts instances, MessageLog messageLog,
            TextMessageEncoder logEncoder, EndpointMetrics metrics, boolean inline) {
        this.inline = inline;
        this.operationMeters = metrics::operation;
        this.messageLog = messageLog;
        this.logEncoder = logEncoder;
        this.invoker = invoker;
        this.instances = instances;
        this.endpointAddress = endpointAddress;
        this.addressFilter = addressFilter;
        this.version = version;
        this.executor = executor;
    }

    OperationInvoker invoker() {
        return invoker;
    }

    /** Whether calls of one session may be dispatched before the previous one is done (not {@code Single}). */
    boolean concurrent() {
        return instances.concurrency() != ConcurrencyMode.Single;
    }

    /** {@code session} ended: its service object and its instance context are released. */
    void endSession(Object session) {
        invoker.endSession(session);
        instances.endSession(session);
    }

    /**
     * The operation a request would invoke, if any (the transport answers one-way requests before invoking): the one
     * of its action; without an envelope ({@code messageVersion="None"}) a message has no action, and the operation is
     * the one whose request element is the message's document element ({@link PayloadElement}).
     */
    Optional<OperationDescription> operation(Message request) {
        if (version.envelope() == EnvelopeVersion.NONE) {
            return request.properties().get(PayloadElement.class)
                    .flatMap(p -> invoker.contract().operationForElement(p.name()));
        }
        return invoker.contract().operationForAction(request.headers().action());
    }

    /**
     * The reply to {@code request}, or {@code null} when there is none (a one-way operation); runs the operation on the
     * invocation executor. {@code established}: the request is not the first of its session (WCF then skips the
     * endpoint's address and contract filters and answers unknown actions from the session's dispatch runtime).
     * {@code callbacks}: the way back to the caller the operation's {@link OperationContext} offers ({@code null}:
     * the contract has no callback contract).
     */
    CompletableFuture<Message> dispatch(Message request, Object session, boolean established,
            OperationContext.Callbacks callbacks) {
        Optional<Message> refused = precheck(request, established);
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(refused.get());
        }
        OperationDescription op = operation(request).orElseThrow();
        messageLog.serviceLevel(op.oneWay() ? MessageLog.Source.ServiceLevelReceiveDatagram
                : MessageLog.Source.ServiceLevelReceiveRequest, request, logEncoder);
        OperationMetrics meter = meter(op.name());
        long started = System.nanoTime();
        CallSpan span = meter.span(request.headers().messageId());
        CompletableFuture<InstanceContext> entered = instances.enter(session);
        // a call that waited for its instance is resumed by the call that released it: never inline there
        Executor runOn = entered.isDone() && runsInline(op, callbacks) ? DIRECT : executor;
        return entered.thenCompose(instance -> {
            OperationContext context = new OperationContext(request, callbacks, instance);
            try {
                return CompletableFuture.supplyAsync(
                        () -> OperationContext.run(context, () -> invoke(op, request, session)), runOn)
                        .whenComplete((r, e) -> {
                            instances.exit(instance);
                            CallOutcome outcome = e != null ? CallOutcome.ERROR
                                    : r != null && r.isFault() ? CallOutcome.FAULT : CallOutcome.SUCCESS;
                            meter.record(outcome, System.nanoTime() - started);
                            span.end(outcome, e);
                            messageLog.serviceLevel(MessageLog.Source.ServiceLevelSendReply, r, logEncoder);
                        });
            } catch (RuntimeException rejected) {
                instances.exit(instance);
                meter.record(CallOutcome.ERROR, System.nanoTime() - started);
                span.end(CallOutcome.ERROR, rejected);
                throw rejected;
            }
        });
    }

    /** Runs a task on the calling thread. */
    private static final Executor DIRECT = Runnable::run;

    /**
     * Whether {@code op} runs on the delivering thread: only when the host opted in, and never an operation that
     * streams (it reads or writes as the peer's pace allows) nor one of a duplex contract (it may call back and wait
     * for the callback's reply, which the delivering thread would have to read).
     */
    private boolean runsInline(OperationDescription op, OperationContext.Callbacks callbacks) {
        return inline && callbacks == null && !op.isStreamed();
    }

    /** The meters of operation {@code name}, resolved once. */
    private OperationMetrics meter(String name) {
        OperationMetrics m = meters.get(name);
        return m != null ? m : meters.computeIfAbsent(name, operationMeters);
    }

    /**
     * Runs {@code send} for {@code reply} where it may block: a reply written as it is sent (a stream result) is
     * written from the invocation executor, as the operation that made it ran there; any other reply where it is.
     */
    CompletableFuture<Void> sendReply(Message reply, Supplier<CompletableFuture<Void>> send) {
        if (reply != null && reply.bodyWriter().isPresent()) {
            return CompletableFuture.supplyAsync(send, executor).thenCompose(f -> f);
        }
        return send.get();
    }

    private Message invoke(OperationDescription op, Message received, Object session) {
        Message request = received;
        List<QName> notUnderstood = request.headers().notUnderstood();
        if (!notUnderstood.isEmpty()) {
            if (op.oneWay()) {
                return null;
            }
            return correlate(MustUnderstandFault.create(version, notUnderstood,
                    version.addressing().defaultFaultAction()), request);
        }
        if (!op.streamsRequest()) {
            // a body that is still arriving (streamed transfer) is read whole for an operation that is not a stream
            request = request.buffered();
        }
        Optional<String> unreadable = unreadable(op, request);
        if (unreadable.isPresent()) {
            return op.oneWay() ? null : correlate(Message.createFault(version, DispatchFaults.unreadableBody(op.name(),
                    unreadable.get()), version.addressing().defaultFaultAction()), request);
        }
        InvocationResult result;
        try {
            result = invoker.invoke(op, request, session);
        } catch (RuntimeException e) {
            LOG.warn("operation {} failed in the service model", op.name(), e);
            result = InvocationResult.fault(DispatchFaults.internalServiceFault(e, false),
                    DispatchFaults.DISPATCHER_FAULT_ACTION);
        }
        if (result.isNone()) {
            return null;
        }
        Message reply = result.fault().isPresent()
                ? Message.createFault(version, result.fault().get(),
                        result.action() != null ? result.action() : version.addressing().defaultFaultAction())
                : result.bodyWriter().isPresent() ? Message.create(version, result.action(), result.bodyWriter().get())
                : Message.create(version, result.action(), result.body().orElseThrow());
        return correlate(reply, request);
    }

    /**
     * The reader quota the body breaks when read as {@code op}'s request, if any: long texts and arrays are judged by
     * the parameters' types, as WCF's serializer reads them ({@code maxArrayLength} for a {@code byte[]} parameter's
     * base64 content in bytes and for a primitive array's items, {@code maxStringContentLength} for any other text);
     * other quotas stopped the reader already.
     */
    private static Optional<String> unreadable(OperationDescription op, Message request) {
        Optional<TypedBodyQuotas> found = request.properties().get(TypedBodyQuotas.class);
        if (found.isPresent()) {
            return found.get().refusal(op.requestElement(), op.base64Parameters(), op.primitiveArrayParameters());
        }
        return request.properties().get(UnreadableBody.class).map(UnreadableBody::reason);
    }

    /** The fault WCF's dispatcher answers before any operation runs, if the request earns one. */
    private Optional<Message> precheck(Message request, boolean established) {
        AddressingVersion addressing = version.addressing();
        if (!established) {
            EndpointAddress to = request.headers().to();
            boolean toMatches = addressing == AddressingVersion.NONE || to != null && matches(to.uri());
            if (!toMatches || !addressFilter.matches(request.headers(), addressing)) {
                return Optional.of(fault(request, DispatchFaults.destinationUnreachable(
                        to == null ? "" : to.uri().toString(), addressing), addressing.defaultFaultAction()));
            }
        }
        if (operation(request).isPresent()) {
            return Optional.empty();
        }
        if (version.envelope() == EnvelopeVersion.NONE) {
            return Optional.of(fault(request, DispatchFaults.noOperationForPayload(
                    request.properties().get(PayloadElement.class).map(PayloadElement::name), invoker.contract()),
                    null));
        }
        String action = request.headers().action();
        if (action == null && addressing == AddressingVersion.WS_ADDRESSING_10) {
            return Optional.of(fault(request, DispatchFaults.missingAction(addressing,
                    version.envelope() == EnvelopeVersion.SOAP12), addressing.faultAction()));
        }
        if (established) {
            return Optional.of(fault(request, DispatchFaults.unhandledAction(action, addressing),
                    addressing.defaultFaultAction()));
        }
        return Optional.of(fault(request, DispatchFaults.actionNotSupported(action, addressing),
                addressing.faultAction()));
    }

    /** WCF's default address filter: scheme, port and path (case-insensitively); not the host name. */
    private boolean matches(URI to) {
        URI own = endpointAddress.get();
        return to.getScheme() != null && to.getScheme().equalsIgnoreCase(own.getScheme())
                && port(to) == port(own) && path(to).equals(path(own));
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : "http".equalsIgnoreCase(u.getScheme()) ? 80 : -1;
    }

    private static String path(URI u) {
        String p = u.getPath() == null ? "" : u.getPath().toLowerCase(Locale.ROOT);
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private Message fault(Message request, MessageFault fault, String action) {
        return correlate(Message.createFault(version, fault, action), request);
    }

    /** RelatesTo the request; addressed to its ReplyTo (FaultTo for faults) when that is not anonymous. */
    private Message correlate(Message reply, Message request) {
        if (version.addressing() == AddressingVersion.NONE) {
            return reply;
        }
        if (request.headers().messageId() != null) {
            reply.headers().relatesTo(request.headers().messageId());
        }
        EndpointAddress target = reply.isFault() && request.headers().faultTo() != null
                ? request.headers().faultTo() : request.headers().replyTo();
        if (target != null && !target.isAnonymous() && !target.isNone()) {
            reply.headers().to(target);
        }
        return reply;
    }
}
