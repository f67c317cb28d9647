package io.github.wcf4j.runtime.metro;

import io.github.wcf4j.runtime.client.PayloadTransport;
import io.github.wcf4j.runtime.contract.ContractDescription;
import io.github.wcf4j.runtime.contract.OperationDescription;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.message.MessageFault;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFactory;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.InputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The handler of every wcf4j proxy, in front of the Metro stub its factory shares between its proxies: a proxy is this
 * handler and its channel ({@link PayloadTransport}), so an idle channel does not hold a Metro stub of its own (its
 * binding, request context, method handlers and the last reply Metro keeps as the response context: about 10 KB). A
 * call of a stream operation is made here (WCF's {@code StreamFormatter}: {@link StreamFormatter} for the stream,
 * {@link WrappedParts} for the other half); any other call goes through the shared stub with this proxy's channel as
 * {@link #CURRENT} for the call, which Metro makes on the calling thread (synchronous operations only: a contract with
 * asynchronous operations gets a stub per proxy). The request's stream is read while the call is sent; a returned
 * stream is read as the reply arrives (close it to give the connection back early). A fault reply surfaces as a
 * {@code SOAPFaultException} with the fault's code and reason, as Metro surfaces an undeclared fault. Thread-safe.
 */
final class StreamedProxyCalls implements InvocationHandler {
    /** The channel of the proxy call in progress on this thread, for the shared stub's last tube. */
    static final ThreadLocal<PayloadTransport> CURRENT = new ThreadLocal<>();

    private final Object metro;
    private final Map<Method, OperationDescription> streamed;
    private final PayloadTransport transport;

    private StreamedProxyCalls(Object metro, Map<Method, OperationDescription> streamed, PayloadTransport transport) {
        this.metro = metro;
        this.streamed = streamed;
        this.transport = transport;
    }

    /** {@code metroProxy} itself when the contract has no stream operation, else a proxy in front of it. */
    static <T> T wrap(Class<T> contract, ContractDescription description, T metroProxy, PayloadTransport transport) {
        Map<Method, OperationDescription> ops = streamedOperations(description);
        if (ops.isEmpty()) {
            return metroProxy;
        }
        return contract.cast(Proxy.newProxyInstance(contract.getClassLoader(), metroProxy.getClass().getInterfaces(),
                new StreamedProxyCalls(metroProxy, ops, transport)));
    }

    /**
     * A proxy of {@code contract} (that interface only) whose calls go to {@code transport}: stream operations
     * ({@code streamed}, from {@link #streamedOperations}) here, the others through {@code sharedStub}.
     */
    static <T> T share(Class<T> contract, Map<Method, OperationDescription> streamed, T sharedStub,
            PayloadTransport transport) {
        return contract.cast(Proxy.newProxyInstance(contract.getClassLoader(), new Class<?>[] {contract},
                new StreamedProxyCalls(sharedStub, streamed, transport)));
    }

    static Map<Method, OperationDescription> streamedOperations(ContractDescription description) {
        return description.operations().stream().filter(OperationDescription::isStreamed)
                .collect(Collectors.toMap(OperationDescription::method, o -> o));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        OperationDescription op = streamed.get(method);
        if (op == null) {
            if (method.getDeclaringClass() == Object.class) {
                switch (method.getName()) {
                    case "equals":
                        return proxy == args[0];
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    default:
                        return "wcf4j proxy over " + transport;
                }
            }
            PayloadTransport outer = CURRENT.get();
            CURRENT.set(transport);
            try {
                return method.invoke(metro, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                if (outer == null) {
                    CURRENT.remove();
                } else {
                    CURRENT.set(outer);
                }
            }
        }
        Object[] values = args == null ? new Object[0] : args;
        Message reply = op.streamsRequest()
                ? transport.call(op.action(), new StreamFormatter(op.requestElement(),
                        op.parameters().get(0).name(), true).writer((InputStream) values[0], false), op.oneWay())
                : transport.call(op.action(), WrappedParts.write(op.requestElement(), op.parameters(), values),
                        op.oneWay());
        if (op.oneWay() || reply == null) {
            return null;
        }
        if (reply.isFault()) {
            throw fault(reply.fault().orElseThrow());
        }
        if (op.streamsReply()) {
            return new StreamFormatter(op.replyElement(), op.result().orElseThrow().name(), false).reader(reply);
        }
        List<OperationDescription.Part> parts = op.result().map(List::of).orElse(List.of());
        Object[] result = WrappedParts.read(reply.body(), op.replyElement(), parts);
        return parts.isEmpty() ? null : result[0];
    }

    private static SOAPFaultException fault(MessageFault fault) {
        try {
            SOAPFault f = SOAPFactory.newInstance(SOAPConstants.SOAP_1_2_PROTOCOL).createFault();
            f.setFaultCode(fault.sender() ? SOAPConstants.SOAP_SENDER_FAULT : SOAPConstants.SOAP_RECEIVER_FAULT);
            f.addFaultReasonText(fault.reason(), Locale.ROOT);
            return new SOAPFaultException(f);
        } catch (SOAPException e) {
            throw new IllegalStateException(e);
        }
    }
}
