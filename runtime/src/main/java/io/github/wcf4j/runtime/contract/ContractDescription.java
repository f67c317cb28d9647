package io.github.wcf4j.runtime.contract;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.stack.ContractShape;
import io.github.wcf4j.binding.stack.SessionMode;
import jakarta.jws.Oneway;
import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.xml.ws.Action;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.namespace.QName;

/**
 * A service contract as WCF sees it, read from a Jakarta {@code @WebService} interface with WCF's defaults where the
 * interface says nothing (WCF {@code ContractDescription}):
 *
 * <ul>
 *   <li>name: {@code @WebService(name)}, else the interface's simple name; namespace: {@code targetNamespace}, else
 *       {@code http://tempuri.org/};</li>
 *   <li>operation: {@code @WebMethod(operationName)}, else the method name with its first letter upper-cased
 *       ({@code add} → {@code Add}, the .NET convention);</li>
 *   <li>actions: {@code @Action(input/output)} or {@code @WebMethod(action)}, else {@code ns/Contract/Op} and
 *       {@code ns/Contract/OpResponse}; one-way: {@code @Oneway};</li>
 *   <li>configuration name and session mode: {@link ServiceContract}, else the Java type name and {@code Allowed};</li>
 *   <li>callback contract: {@link ServiceContract#callbackContract()}, whose operations take this contract's name and
 *       namespace ({@link #callback()}).</li>
 * </ul>
 *
 * <p>The same rules make Metro produce WCF's wire format (parameters {@code n1}, result {@code AddResult}, all
 * qualified by the contract namespace), so the description and the messages cannot disagree.
 */
public final class ContractDescription {
    /** WCF's namespace for contracts that name none. */
    public static final String DEFAULT_NAMESPACE = "http://tempuri.org/";

    private static final Map<Class<?>, ContractDescription> CACHE = new ConcurrentHashMap<>();

    private final Class<?> type;
    private final String name;
    private final String namespace;
    private final String configurationName;
    private final SessionMode sessionMode;
    private final Map<String, OperationDescription> byAction;
    private final ContractDescription callback;

    private ContractDescription(Class<?> type, String name, String namespace, String configurationName,
            SessionMode sessionMode, Class<?> callbackType) {
        this.type = type;
        this.name = name;
        this.namespace = namespace;
        this.configurationName = configurationName;
        this.sessionMode = sessionMode;
        this.byAction = operationsOf(type);
        this.callback = callbackType == null ? null : new ContractDescription(callbackType, name, namespace,
                callbackType.getName(), sessionMode, null);
    }

    /** Reads the contract interface {@code type} (annotated with {@code @WebService}). */
    private static ContractDescription read(Class<?> type) {
        WebService ws = type.getAnnotation(WebService.class);
        String name = ws.name().isEmpty() ? type.getSimpleName() : ws.name();
        String namespace = ws.targetNamespace().isEmpty() ? DEFAULT_NAMESPACE : ws.targetNamespace();
        ServiceContract sc = type.getAnnotation(ServiceContract.class);
        String configurationName = sc == null || sc.configurationName().isEmpty() ? type.getName()
                : sc.configurationName();
        SessionMode sessionMode = sc == null ? SessionMode.Allowed : sc.sessionMode();
        Class<?> callbackType = sc == null || sc.callbackContract() == void.class ? null : sc.callbackContract();
        if (callbackType != null && !callbackType.isInterface()) {
            throw new IllegalArgumentException(WcfText.SFxInvalidCallbackContractType.format(callbackType.getName()));
        }
        return new ContractDescription(type, name, namespace, configurationName, sessionMode, callbackType);
    }

    /** The operations {@code from} declares, by action, in declaration order. */
    private Map<String, OperationDescription> operationsOf(Class<?> from) {
        Map<String, OperationDescription> ops = new LinkedHashMap<>();
        List<Method> methods = new ArrayList<>(List.of(from.getMethods()));
        methods.sort(declarationOrder(from));
        for (Method m : methods) {
            if (Modifier.isStatic(m.getModifiers()) || m.isDefault() || m.getDeclaringClass() == Object.class) {
                continue;
            }
            WebMethod wm = m.getAnnotation(WebMethod.class);
            if (wm != null && wm.exclude()) {
                continue;
            }
            OperationDescription op = operation(m);
            if (ops.put(op.action(), op) != null) {
                throw new IllegalArgumentException("Two operations of contract '" + name + "' have the action '"
                        + op.action() + "'; give one of them @WebMethod(operationName = ...)");
            }
        }
        return Collections.unmodifiableMap(ops);
    }

    /**
     * The contract {@code type} stands for: a {@code @WebService} interface, or an implementation class, whose
     * contract is its {@code endpointInterface} or the {@code @WebService} interface it implements.
     *
     * @throws IllegalArgumentException when {@code type} has no such contract
     */
    public static ContractDescription of(Class<?> type) {
        return CACHE.computeIfAbsent(contractInterface(type), ContractDescription::read);
    }

    /** The {@code @WebService} interface {@code type} is or implements. */
    public static Class<?> contractInterface(Class<?> type) {
        if (type.isInterface()) {
            if (!type.isAnnotationPresent(WebService.class)) {
                throw new IllegalArgumentException(type.getName() + " is not a service contract: annotate it with"
                        + " @jakarta.jws.WebService");
            }
            return type;
        }
        WebService ws = type.getAnnotation(WebService.class);
        if (ws != null && !ws.endpointInterface().isEmpty()) {
            try {
                return contractInterface(Class.forName(ws.endpointInterface(), false, type.getClassLoader()));
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException(type.getName() + " names the endpointInterface '"
                        + ws.endpointInterface() + "', which cannot be loaded", e);
            }
        }
        for (Class<?> i : type.getInterfaces()) {
            if (i.isAnnotationPresent(WebService.class)) {
                return i;
            }
        }
        throw new IllegalArgumentException(type.getName() + " implements no service contract: it needs an interface"
                + " annotated with @jakarta.jws.WebService");
    }

    /** Declaration order (as WCF lists operations) where the class files tell it, then by name. */
    private static Comparator<Method> declarationOrder(Class<?> type) {
        Map<String, Integer> rank = new HashMap<>();
        List<Class<?>> types = new ArrayList<>();
        types.add(type);
        types.addAll(List.of(type.getInterfaces()));
        for (Class<?> t : types) {
            for (String key : DeclarationOrder.of(t)) {
                rank.putIfAbsent(t.getName() + "#" + key, rank.size());
            }
        }
        return Comparator.<Method>comparingInt(m -> rank.getOrDefault(
                m.getDeclaringClass().getName() + "#" + DeclarationOrder.key(m), Integer.MAX_VALUE))
                .thenComparing(Method::getName);
    }

    private OperationDescription operation(Method m) {
        String op = operationName(m);
        String base = (namespace.endsWith("/") ? namespace : namespace + "/") + name + "/" + op;
        WebMethod wm = m.getAnnotation(WebMethod.class);
        Action a = m.getAnnotation(Action.class);
        String action = a != null && !a.input().isEmpty() ? a.input()
                : wm != null && !wm.action().isEmpty() ? wm.action() : base;
        String reply = a != null && !a.output().isEmpty() ? a.output() : base + "Response";
        return new OperationDescription(m, op, action, reply, m.isAnnotationPresent(Oneway.class),
                new QName(namespace, op), parameters(m), m.getReturnType() == void.class ? Optional.empty()
                        : Optional.of(new OperationDescription.Part(resultName(m, op), m.getGenericReturnType())));
    }

    /** {@code @WebResult(name)}, else WCF's {@code {Op}Result}. */
    private static String resultName(Method m, String op) {
        WebResult wr = m.getAnnotation(WebResult.class);
        return wr != null && !wr.name().isEmpty() ? wr.name() : op + "Result";
    }

    /** {@code @WebParam(name)}, else the parameter's own name (contracts are compiled with -parameters). */
    private static List<OperationDescription.Part> parameters(Method m) {
        List<OperationDescription.Part> parts = new ArrayList<>();
        Parameter[] ps = m.getParameters();
        for (Parameter p : ps) {
            WebParam wp = p.getAnnotation(WebParam.class);
            String name;
            if (wp != null && !wp.name().isEmpty()) {
                name = wp.name();
            } else if (p.isNamePresent()) {
                name = p.getName();
            } else {
                throw new IllegalStateException("The parameter names of " + m + " are unknown: compile the"
                        + " contract with javac -parameters, or name each parameter with @WebParam(name = ...)");
            }
            parts.add(new OperationDescription.Part(name, p.getParameterizedType()));
        }
        return parts;
    }

    /** The operation name of {@code m}: {@code @WebMethod(operationName)}, else its name capitalized. */
    public static String operationName(Method m) {
        WebMethod wm = m.getAnnotation(WebMethod.class);
        if (wm != null && !wm.operationName().isEmpty()) {
            return wm.operationName();
        }
        String n = m.getName();
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    public Class<?> type() {
        return type;
    }

    public String name() {
        return name;
    }

    public String namespace() {
        return namespace;
    }

    public String configurationName() {
        return configurationName;
    }

    public SessionMode sessionMode() {
        return sessionMode;
    }

    public List<OperationDescription> operations() {
        return List.copyOf(byAction.values());
    }

    /** The operation a request with {@code action} invokes. */
    public Optional<OperationDescription> operationForAction(String action) {
        return Optional.ofNullable(action == null ? null : byAction.get(action));
    }

    /**
     * The operation whose request element is {@code element}: how a message without an action
     * ({@code messageVersion="None"}) finds its operation, as payload-based dispatch does in Metro.
     */
    public Optional<OperationDescription> operationForElement(QName element) {
        return byAction.values().stream().filter(o -> o.requestElement().equals(element)).findFirst();
    }

    /**
     * The callback contract ({@link ServiceContract#callbackContract()}), described as WCF describes it: its
     * operations carry this contract's name and namespace ({@code ns/IChat/Receive}, element {@code {ns}Receive}),
     * as WCF adds them to the same {@code ContractDescription} in the output direction; its {@link #type()} is the
     * callback interface. Empty when the contract has none.
     */
    public Optional<ContractDescription> callback() {
        return Optional.ofNullable(callback);
    }

    /** The callback contract's operations, in declaration order; empty without one. */
    public List<OperationDescription> callbackOperations() {
        return callback == null ? List.of() : callback.operations();
    }

    /**
     * Whether the contract is duplex: it has a callback contract with at least one operation (WCF's
     * {@code ChannelRequirements}: callback operations make a contract need duplex channels; a callback contract
     * without operations does not).
     */
    public boolean isDuplex() {
        return callback != null && !callback.byAction.isEmpty();
    }

    /** What the contract needs of a channel stack. */
    public ContractShape shape() {
        boolean oneWay = byAction.values().stream().anyMatch(OperationDescription::oneWay);
        boolean twoWay = byAction.values().stream().anyMatch(o -> !o.oneWay());
        return new ContractShape(name, oneWay, twoWay, isDuplex(), sessionMode);
    }

    @Override
    public String toString() {
        return "contract " + configurationName + " ({" + namespace + "}" + name + ")";
    }
}
