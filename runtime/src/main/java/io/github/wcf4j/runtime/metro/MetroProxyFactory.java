package io.github.wcf4j.runtime.metro;

import com.oracle.webservices.api.databinding.Databinding;
import com.oracle.webservices.api.databinding.DatabindingFactory;
import com.oracle.webservices.api.databinding.WSDLResolver;
import com.sun.xml.ws.api.BindingID;
import com.sun.xml.ws.api.Component;
import com.sun.xml.ws.api.ComponentFeature;
import com.sun.xml.ws.api.SOAPVersion;
import com.sun.xml.ws.api.WSBinding;
import com.sun.xml.ws.api.databinding.MetadataReader;
import com.sun.xml.ws.api.message.Message;
import com.sun.xml.ws.api.message.Messages;
import com.sun.xml.ws.api.message.Packet;
import com.sun.xml.ws.api.pipe.ClientTubeAssemblerContext;
import com.sun.xml.ws.api.pipe.NextAction;
import com.sun.xml.ws.api.pipe.TransportTubeFactory;
import com.sun.xml.ws.api.pipe.Tube;
import com.sun.xml.ws.api.pipe.TubeCloner;
import com.sun.xml.ws.api.pipe.helper.AbstractTubeImpl;
import com.sun.xml.ws.client.WSServiceDelegate;
import io.github.wcf4j.runtime.channel.QuotaExceededException;
import io.github.wcf4j.runtime.client.PayloadTransport;
import io.github.wcf4j.runtime.contract.ContractDescription;
import io.github.wcf4j.runtime.contract.OperationDescription;
import io.github.wcf4j.runtime.encoding.FaultXml;
import io.github.wcf4j.runtime.message.TypedBodyQuotas;
import io.github.wcf4j.runtime.message.XmlFragment;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Holder;
import jakarta.xml.ws.Response;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.WebServiceFeature;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.Result;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;

/**
 * The client side of the Metro adapter: typed proxies for a contract interface whose calls go, as an action and a
 * body, to a {@link PayloadTransport} (the channel stack) instead of Metro's HTTP. Metro's model comes from WSDL it
 * generates for the interface in memory (WCF's naming rules applied by {@link WcfDefaultsReader}); its WS-Addressing is
 * off. Declared faults surface as their {@code @WebFault} exceptions, others as {@code SOAPFaultException}; failures of
 * the stack surface as the stack's exceptions, unwrapped.
 *
 * <p>Thread-safe; a proxy may be called from several threads.
 */
public final class MetroProxyFactory<T> {
    static final String TRANSPORT = "io.github.wcf4j.transport";

    private final Class<T> contract;
    private final ContractDescription description;
    private final QName port;
    private final WSServiceDelegate service;
    /** One set for every proxy: each proxy's binding holds the features it was made with. */
    private final WebServiceFeature[] features;
    /** The stream operations, which the proxies call themselves. */
    private final Map<Method, OperationDescription> streamed;
    /** Whether the proxies share one Metro stub: when every operation is synchronous ({@link StreamedProxyCalls}). */
    private final boolean share;
    /** The shared stub, made on the first proxy. */
    private volatile T stub;

    private MetroProxyFactory(Class<T> contract, ContractDescription d) {
        MetroLogging.quiet();
        this.contract = contract;
        this.description = d;
        this.features = MetroFeatures.forContract(d);
        this.streamed = StreamedProxyCalls.streamedOperations(d);
        this.share = Arrays.stream(contract.getMethods()).noneMatch(m -> Future.class.isAssignableFrom(m.getReturnType())
                || Response.class.isAssignableFrom(m.getReturnType()));
        QName serviceName = new QName(d.namespace(), d.name() + "Service");
        this.port = new QName(d.namespace(), d.name() + "Port");
        String wsdl = wsdl(contract, d, serviceName, port);
        Component transport = new Component() {
            @Override
            public <S> S getSPI(Class<S> spi) {
                if (spi == TransportTubeFactory.class) {
                    return spi.cast(new TransportTubeFactory() {
                        @Override
                        public Tube doCreate(ClientTubeAssemblerContext context) {
                            return new PayloadTube(d);
                        }
                    });
                }
                return null;
            }
        };
        // Metro needs a URL as the systemId, though nothing is fetched from it: the readable source wins (.invalid never resolves)
        this.service = new WSServiceDelegate(new StreamSource(new StringReader(wsdl),
                "http://wcf4j.invalid/contracts/" + d.name() + "?wsdl"), serviceName, Service.class,
                new ComponentFeature(transport, ComponentFeature.Target.CONTAINER));
    }

    public static <T> MetroProxyFactory<T> of(Class<T> contract) {
        return new MetroProxyFactory<>(contract, ContractDescription.of(contract));
    }

    /**
     * Proxies of {@code contract} as {@code description} describes it: a callback contract
     * ({@link ContractDescription#callback()}), whose proxies the service calls its clients through.
     */
    public static MetroProxyFactory<?> of(ContractDescription description) {
        return new MetroProxyFactory<>(description.type(), description);
    }

    /** The contract interface the proxies implement. */
    public Class<T> contract() {
        return contract;
    }

    /** A proxy whose calls go to {@code transport}; {@code address} is informational (the stack addresses). */
    public T create(PayloadTransport transport, URI address) {
        if (share) {
            T s = stub;
            if (s == null) {
                synchronized (this) {
                    s = stub;
                    if (s == null) {
                        s = service.getPort(port, contract, features);
                        ((BindingProvider) s).getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY,
                                address.toString());
                        stub = s;
                    }
                }
            }
            return StreamedProxyCalls.share(contract, streamed, s, transport);
        }
        T proxy = service.getPort(port, contract, features);
        BindingProvider bp = (BindingProvider) proxy;
        bp.getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, address.toString());
        bp.getRequestContext().put(TRANSPORT, transport);
        return StreamedProxyCalls.wrap(contract, description, proxy, transport);
    }

    private static String wsdl(Class<?> contract, ContractDescription d, QName serviceName, QName port) {
        WebServiceFeature[] features = MetroFeatures.forContract(d);
        WSBinding binding = BindingID.SOAP12_HTTP.createBinding(features);
        Databinding.Builder b = DatabindingFactory.newInstance().createBuilder(contract, null)
                .serviceName(serviceName).portName(port)
                .property(WSBinding.class.getName(), binding)
                .property(MetadataReader.class.getName(), new WcfDefaultsReader(d))
                .feature(features);
        StringWriter primary = new StringWriter();
        b.createWSDLGenerator().inlineSchema(true).generate(new WSDLResolver() {
            private boolean first = true;

            @Override
            public Result getWSDL(String name) {
                return result(name);
            }

            @Override
            public Result getAbstractWSDL(Holder<String> name) {
                return result(name.value);
            }

            @Override
            public Result getSchemaOutput(String ns, Holder<String> name) {
                return result(name.value);
            }

            private Result result(String name) {
                StreamResult r = new StreamResult(first ? primary : new StringWriter());
                first = false;
                r.setSystemId(name);
                return r;
            }
        });
        return primary.toString();
    }

    /** The last tube of every proxy: the payload goes to the channel stack and the reply comes back. */
    private static final class PayloadTube extends AbstractTubeImpl {
        private final ContractDescription contract;

        PayloadTube(ContractDescription contract) {
            this.contract = contract;
        }

        private PayloadTube(PayloadTube that, TubeCloner cloner) {
            super(that, cloner);
            this.contract = that.contract;
        }

        @Override
        public NextAction processRequest(Packet request) {
            PayloadTransport transport = StreamedProxyCalls.CURRENT.get();
            if (transport == null) {
                transport = (PayloadTransport) request.invocationProperties.get(TRANSPORT);
            }
            if (transport == null) {
                throw new WebServiceException("this proxy was not created by wcf4j");
            }
            boolean oneWay = Boolean.FALSE.equals(request.expectReply);
            io.github.wcf4j.runtime.message.Message reply = transport.call(request.soapAction,
                    new XmlFragment(payload(request.getMessage())), oneWay);
            if (reply == null || oneWay) {
                return doReturnWith(request.createClientResponse(null));
            }
            checkTypedQuotas(reply, request.soapAction);
            String body = reply.isFault() ? FaultXml.soap12(reply.fault().orElseThrow()) : reply.body().xml();
            try {
                Message m = Messages.createUsingPayload(PayloadXml.reader(new XmlFragment(body)), SOAPVersion.SOAP_12);
                return doReturnWith(request.createClientResponse(m));
            } catch (XMLStreamException e) {
                throw new WebServiceException("the reply body is not XML: " + e.getMessage(), e);
            }
        }

        /**
         * A reply whose body has long texts or arrays is judged by the operation's result type, as WCF's serializer
         * reads it: a {@code byte[]} result's base64 and a primitive array's items by {@code maxArrayLength}, any
         * other text by {@code maxStringContentLength}.
         */
        private void checkTypedQuotas(io.github.wcf4j.runtime.message.Message reply, String action) {
            Optional<TypedBodyQuotas> found = reply.properties().get(TypedBodyQuotas.class);
            if (found.isEmpty() || reply.isFault()) {
                return;
            }
            Optional<OperationDescription> op = contract.operationForAction(action);
            Optional<OperationDescription.Part> result = op.flatMap(OperationDescription::result);
            Set<String> base64 = result.filter(r -> r.type() == byte[].class).map(r -> Set.of(r.name()))
                    .orElse(Set.of());
            Set<String> arrays = result.filter(r -> OperationDescription.isPrimitiveArray(r.type()))
                    .map(r -> Set.of(r.name())).orElse(Set.of());
            QName wrapper = op.map(OperationDescription::replyElement).orElse(new QName(""));
            found.get().refusal(wrapper, base64, arrays).ifPresent(quota -> {
                throw new QuotaExceededException(quota);
            });
        }

        private static String payload(Message m) {
            StringWriter out = new StringWriter(256);
            try {
                XMLStreamWriter w = PayloadXml.writer(out);
                m.writePayloadTo(w);
                w.flush();
            } catch (XMLStreamException e) {
                throw new WebServiceException("cannot write the request body: " + e.getMessage(), e);
            }
            return out.toString();
        }

        @Override
        public NextAction processResponse(Packet response) {
            return doReturnWith(response);
        }

        @Override
        public NextAction processException(Throwable t) {
            return doThrow(t);
        }

        @Override
        public void preDestroy() {
        }

        @Override
        public PayloadTube copy(TubeCloner cloner) {
            return new PayloadTube(this, cloner);
        }
    }
}
