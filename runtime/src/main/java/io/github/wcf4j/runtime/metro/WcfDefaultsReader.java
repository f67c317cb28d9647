package io.github.wcf4j.runtime.metro;

import com.sun.xml.ws.api.databinding.MetadataReader;
import com.sun.xml.ws.model.ReflectAnnotationReader;
import io.github.wcf4j.runtime.contract.ContractDescription;
import io.github.wcf4j.runtime.contract.OperationDescription;
import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.xml.ws.Action;
import jakarta.xml.ws.FaultAction;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shows Metro a contract interface as if it carried the annotations WCF's defaults amount to, so that a plain
 * {@code @WebService} interface puts WCF's wire format on the wire: operation and action names from
 * {@link ContractDescription} (one set of rules for both), parameters named as the Java parameters (compiled with
 * {@code -parameters}) and result {@code OpResult}, all qualified by the contract namespace. Explicit annotations win.
 * Only {@code @WebService} interfaces are rewritten.
 */
final class WcfDefaultsReader implements MetadataReader {
    private static final Annotation ABSENT = SyntheticAnnotations.of(Deprecated.class, Map.of());

    private final MetadataReader reflect = new ReflectAnnotationReader();
    private final Class<?> implementation;
    private final ContractDescription described;
    private final Map<Method, Map<Class<?>, Annotation>> methodCache = new ConcurrentHashMap<>();
    private final Map<Method, Annotation[][]> parameterCache = new ConcurrentHashMap<>();

    /** A reader for proxies and contract-only models of {@code contract}. */
    WcfDefaultsReader(ContractDescription contract) {
        this(null, contract);
    }

    /**
     * A reader for one endpoint: {@code implementation} (which need not carry {@code @WebService}) serves
     * {@code contract}, so a class implementing several contracts can be hosted once per contract. The contract may be
     * a callback contract ({@link ContractDescription#callback()}), whose interface needs no annotation and whose
     * names are its service contract's.
     */
    WcfDefaultsReader(Class<?> implementation, ContractDescription contract) {
        this.implementation = implementation;
        this.described = contract;
    }

    /** A {@code @WebService} interface, or the described contract's interface (a callback contract) or a parent. */
    private boolean isContract(Class<?> c) {
        return c.isInterface() && (c.isAnnotationPresent(WebService.class) || c.isAssignableFrom(described.type()));
    }

    /** The description of a contract interface: the described one for its interface (and parents), else its own. */
    private ContractDescription describe(Class<?> c) {
        return c.isAssignableFrom(described.type()) ? described : ContractDescription.of(c);
    }

    @Override
    public <A extends Annotation> A getAnnotation(Class<A> type, Class<?> c) {
        if (type == WebService.class && isContract(c)) {
            ContractDescription d = describe(c);
            return type.cast(SyntheticAnnotations.copy(c.getAnnotation(WebService.class), WebService.class,
                    Map.of("name", d.name(), "targetNamespace", d.namespace())));
        }
        if (type == WebService.class && c == implementation) {
            ContractDescription d = described;
            return type.cast(SyntheticAnnotations.copy(c.getAnnotation(WebService.class), WebService.class,
                    Map.of("endpointInterface", d.type().getName(), "targetNamespace", d.namespace(),
                            "serviceName", c.getSimpleName(), "portName", d.name() + "Port", "name", "")));
        }
        return reflect.getAnnotation(type, c);
    }

    @Override
    public <A extends Annotation> A getAnnotation(Class<A> type, Method m) {
        if (!isContract(m.getDeclaringClass())) {
            return reflect.getAnnotation(type, m);
        }
        Annotation a = methodCache.computeIfAbsent(m, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(type, t -> Optional.<Annotation>ofNullable(synthesize(t, m)).orElse(ABSENT));
        return a == ABSENT ? null : type.cast(a);
    }

    private Annotation synthesize(Class<?> type, Method m) {
        ContractDescription contract = describe(m.getDeclaringClass());
        Optional<OperationDescription> op = contract.operations().stream().filter(o -> o.method().equals(m))
                .findFirst();
        if (op.isEmpty()) {
            return m.getAnnotation(type.asSubclass(Annotation.class));
        }
        OperationDescription o = op.get();
        if (type == WebMethod.class) {
            // a stream operation is WCF's StreamFormatter's (StreamedInvocation, StreamedProxyCalls), never Metro's:
            // JAXB cannot bind an InputStream
            return SyntheticAnnotations.copy(m.getAnnotation(WebMethod.class), WebMethod.class,
                    Map.of("operationName", o.name(), "action", o.action(), "exclude", o.isStreamed()));
        }
        if (type == WebResult.class) {
            WebResult wr = m.getAnnotation(WebResult.class);
            if (m.getReturnType() == void.class) {
                return wr;
            }
            Map<String, Object> v = new HashMap<>();
            if (wr == null || wr.name().isEmpty()) {
                v.put("name", o.result().orElseThrow().name());
            }
            if (wr == null || wr.targetNamespace().isEmpty()) {
                v.put("targetNamespace", contract.namespace());
            }
            return SyntheticAnnotations.copy(wr, WebResult.class, v);
        }
        if (type == Action.class) {
            Action a = m.getAnnotation(Action.class);
            Map<String, Object> v = new HashMap<>();
            v.put("input", o.action());
            v.put("output", o.replyAction());
            if (a == null) {
                v.put("fault", new FaultAction[0]);
            }
            return SyntheticAnnotations.copy(a, Action.class, v);
        }
        return m.getAnnotation(type.asSubclass(Annotation.class));
    }

    @Override
    public Annotation[][] getParameterAnnotations(Method m) {
        if (!isContract(m.getDeclaringClass())) {
            return reflect.getParameterAnnotations(m);
        }
        return parameterCache.computeIfAbsent(m, k -> {
            ContractDescription contract = describe(m.getDeclaringClass());
            String ns = contract.namespace();
            List<OperationDescription.Part> parts = contract.operations().stream().filter(o -> o.method().equals(m))
                    .findFirst().orElseThrow().parameters();
            Annotation[][] real = m.getParameterAnnotations();
            Parameter[] ps = m.getParameters();
            Annotation[][] out = new Annotation[ps.length][];
            for (int i = 0; i < ps.length; i++) {
                WebParam wp = ps[i].getAnnotation(WebParam.class);
                Map<String, Object> v = new HashMap<>();
                if (wp == null || wp.name().isEmpty()) {
                    v.put("name", parts.get(i).name());
                }
                if (wp == null || wp.targetNamespace().isEmpty()) {
                    v.put("targetNamespace", ns);
                }
                out[i] = SyntheticAnnotations.replacing(real[i], SyntheticAnnotations.copy(wp, WebParam.class, v));
            }
            return out;
        });
    }

    @Override
    public Annotation[] getAnnotations(Method m) {
        return reflect.getAnnotations(m);
    }

    @Override
    public Annotation[] getAnnotations(Class<?> c) {
        return reflect.getAnnotations(c);
    }

    @Override
    public void getProperties(Map<String, Object> prop, Class<?> cls) {
    }

    @Override
    public void getProperties(Map<String, Object> prop, Method method) {
    }

    @Override
    public void getProperties(Map<String, Object> prop, Method method, int pos) {
    }
}
