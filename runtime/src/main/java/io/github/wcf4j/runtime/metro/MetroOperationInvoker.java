package io.github.wcf4j.runtime.metro;

import com.sun.xml.ws.api.BindingID;
import com.sun.xml.ws.api.SOAPVersion;
import com.sun.xml.ws.api.WSBinding;
import com.sun.xml.ws.api.message.Message;
import com.sun.xml.ws.api.message.Messages;
import com.sun.xml.ws.api.message.Packet;
import com.sun.xml.ws.api.server.WSEndpoint;
import com.sun.xml.ws.api.server.WebServiceContextDelegate;
import io.github.wcf4j.runtime.contract.ContractDescription;
import io.github.wcf4j.runtime.contract.InstanceContextMode;
import io.github.wcf4j.runtime.contract.OperationDescription;
import io.github.wcf4j.runtime.encoding.FaultXml;
import io.github.wcf4j.runtime.message.FaultCode;
import io.github.wcf4j.runtime.message.MessageFault;
import io.github.wcf4j.runtime.message.XmlFragment;
import io.github.wcf4j.runtime.service.DispatchFaults;
import io.github.wcf4j.runtime.service.InvocationResult;
import io.github.wcf4j.runtime.service.OperationInvoker;
import jakarta.xml.ws.Action;
import jakarta.xml.ws.FaultAction;
import java.io.StringWriter;
import java.security.Principal;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.xml.sax.EntityResolver;

/**
 * The server side of the Metro adapter: one Metro endpoint for one contract of one service class, driven at the body
 * level with Metro's WS-Addressing off. The dispatcher picks the operation by action (as WCF does; Metro without
 * addressing would go by the body's element, so the body is checked against the operation first); Metro reads the
 * parameters, {@link InstancingInvoker} calls the service object, and Metro writes the result. Faults come back as WCF
 * sends them: unhandled exceptions as {@code InternalServiceFault}, declared faults ({@code @WebFault}) with code
 * {@code Sender} and WCF's action {@code ns/Contract/Op{Detail}Fault} unless {@code @Action(fault = ...)} names one.
 *
 * <p>Thread-safe: Metro's per-call pipelines are pooled.
 */
public final class MetroOperationInvoker implements OperationInvoker {
    private static final WebServiceContextDelegate CONTEXT = new WebServiceContextDelegate() {
        @Override
        public Principal getUserPrincipal(Packet request) {
            return null;
        }

        @Override
        public boolean isUserInRole(Packet request, String role) {
            return false;
        }

        @Override
        public String getEPRAddress(Packet request, WSEndpoint endpoint) {
            return "urn:wcf4j:endpoint";
        }

        @Override
        public String getWSDLAddress(Packet request, WSEndpoint endpoint) {
            return null;
        }
    };

    private final ContractDescription contract;
    private final WSEndpoint<?> endpoint;
    private final InstancingInvoker instancing;
    private final boolean includeExceptionDetail;
    private final StreamedInvocation streamed;
    private final ConcurrentLinkedQueue<WSEndpoint.PipeHead> heads = new ConcurrentLinkedQueue<>();

    private MetroOperationInvoker(ContractDescription contract, WSEndpoint<?> endpoint, InstancingInvoker instancing,
            boolean includeExceptionDetail) {
        this.contract = contract;
        this.endpoint = endpoint;
        this.instancing = instancing;
        this.includeExceptionDetail = includeExceptionDetail;
        this.streamed = new StreamedInvocation(instancing, includeExceptionDetail);
    }

    /**
     * Hosts {@code implementation} as {@code contract}, making service objects with {@code factory}.
     *
     * @throws IllegalArgumentException when Metro cannot model the class or contract (the message says why)
     */
    public static MetroOperationInvoker create(Class<?> implementation, Class<?> contract, Supplier<?> factory,
            InstanceContextMode mode, boolean includeExceptionDetail) {
        return create(implementation, ContractDescription.of(contract), factory, mode, includeExceptionDetail);
    }

    /**
     * Hosts {@code implementation} as the contract {@code description} describes: also a callback contract
     * ({@link ContractDescription#callback()}), which a client hosts for the service to call.
     *
     * @throws IllegalArgumentException when Metro cannot model the class or contract (the message says why)
     */
    public static MetroOperationInvoker create(Class<?> implementation, ContractDescription description,
            Supplier<?> factory, InstanceContextMode mode, boolean includeExceptionDetail) {
        MetroLogging.quiet();
        InstancingInvoker instancing = new InstancingInvoker(mode, factory);
        WSBinding binding = BindingID.SOAP12_HTTP.createBinding(MetroFeatures.forEndpoint(implementation, description));
        WSEndpoint<?> endpoint;
        try {
            endpoint = WSEndpoint.create(implementation, false, instancing, null, null, null, binding, null, null,
                    (EntityResolver) null, true);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Cannot host " + implementation.getName() + " as " + description
                    + ": " + e.getMessage(), e);
        }
        return new MetroOperationInvoker(description, endpoint, instancing, includeExceptionDetail);
    }

    @Override
    public ContractDescription contract() {
        return contract;
    }

    /** Stream operations are formatted as WCF's {@code StreamFormatter} does (Metro does not see them). */
    @Override
    public InvocationResult invoke(OperationDescription operation, io.github.wcf4j.runtime.message.Message request,
            Object session) {
        return operation.isStreamed() ? streamed.invoke(operation, request, session)
                : invoke(operation, request.body(), session);
    }

    @Override
    public InvocationResult invoke(OperationDescription operation, XmlFragment body, Object session) {
        XMLStreamReader reader;
        try {
            if (body.isEmpty()) {
                return InvocationResult.fault(DispatchFaults.unexpectedBody(operation.name(),
                        operation.requestElement(), null), null);
            }
            reader = PayloadXml.reader(body);
        } catch (XMLStreamException e) {
            return InvocationResult.fault(DispatchFaults.unexpectedBody(operation.name(), operation.requestElement(),
                    null), null);
        }
        if (!operation.requestElement().equals(reader.getName())) {
            return InvocationResult.fault(DispatchFaults.unexpectedBody(operation.name(), operation.requestElement(),
                    reader.getName()), null);
        }
        Packet request = new Packet(Messages.createUsingPayload(reader, SOAPVersion.SOAP_12));
        request.soapAction = operation.action();
        if (session != null) {
            request.invocationProperties.put(InstancingInvoker.SESSION, session);
        }
        WSEndpoint.PipeHead head = heads.poll();
        if (head == null) {
            head = endpoint.createPipeHead();
        }
        Packet response;
        try {
            response = head.process(request, CONTEXT, null);
        } finally {
            heads.offer(head);
            PayloadXml.close(reader);
        }
        Throwable unhandled = (Throwable) request.invocationProperties.get(InstancingInvoker.UNHANDLED);
        if (unhandled != null) {
            return InvocationResult.fault(DispatchFaults.internalServiceFault(unhandled, includeExceptionDetail),
                    DispatchFaults.DISPATCHER_FAULT_ACTION);
        }
        Message reply = response.getMessage();
        if (reply == null || operation.oneWay()) {
            return InvocationResult.none();
        }
        String payload = payload(reply);
        if (!reply.isFault()) {
            return InvocationResult.reply(new XmlFragment(payload), operation.replyAction());
        }
        MessageFault fault = FaultXml.readSoap12(payload);
        Throwable declared = (Throwable) request.invocationProperties.get(InstancingInvoker.DECLARED);
        if (declared != null) {
            MessageFault sender = new MessageFault(FaultCode.Sender, fault.subcodes(), fault.reason(), fault.detail());
            return InvocationResult.fault(sender, declaredFaultAction(operation, declared, fault));
        }
        return InvocationResult.fault(fault, null);
    }

    /** {@code @Action(fault = @FaultAction(...))} for the exception, else WCF's {@code ns/Contract/Op{Detail}Fault}. */
    private String declaredFaultAction(OperationDescription operation, Throwable declared, MessageFault fault) {
        Action action = operation.method().getAnnotation(Action.class);
        if (action != null) {
            for (FaultAction fa : action.fault()) {
                if (fa.className().isInstance(declared) && !fa.value().isEmpty()) {
                    return fa.value();
                }
            }
        }
        String detail = fault.detail().map(d -> detailName(d.xml())).orElse(declared.getClass().getSimpleName());
        String ns = contract.namespace();
        return (ns.endsWith("/") ? ns : ns + "/") + contract.name() + "/" + operation.name() + detail + "Fault";
    }

    private static String detailName(String detailXml) {
        try {
            XMLStreamReader r = PayloadXml.reader(new XmlFragment(detailXml));
            QName name = r.getName();
            return name.getLocalPart();
        } catch (XMLStreamException e) {
            return "";
        }
    }

    private static String payload(Message m) {
        StringWriter out = new StringWriter(256);
        try {
            XMLStreamWriter w = PayloadXml.writer(out);
            m.writePayloadTo(w);
            w.close(); // flushes, and returns the writer's buffers for reuse
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Metro could not write the reply: " + e.getMessage(), e);
        }
        return out.toString();
    }

    @Override
    public void endSession(Object session) {
        instancing.endSession(session);
    }

    @Override
    public void close() {
        endpoint.dispose();
    }
}
