package io.github.wcf4j.runtime.contract;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Resolves the type names in a configuration ({@code <service name>}, {@code <endpoint contract>}) to Java types, in
 * this order:
 *
 * <ol>
 *   <li>an explicit mapping ({@link #map}, or {@code --type NAME=CLASS} on the command line);</li>
 *   <li>a registered type ({@link ServiceTypeRegistration}) whose configuration name it is: a service's
 *       {@code @ServiceBehavior(configurationName)}, a contract's {@code @ServiceContract(configurationName)}, else the
 *       type's Java name;</li>
 *   <li>a class of that exact name on the class path (a ported type that kept its .NET name).</li>
 * </ol>
 *
 * <p>Not thread-safe while being built; read-only use afterwards is.
 */
public final class ServiceTypes {
    private final Map<String, Class<?>> explicit = new HashMap<>();
    private final Map<String, Class<?>> services = new HashMap<>();
    private final Map<String, Class<?>> contracts = new HashMap<>();
    private final ClassLoader loader;

    private ServiceTypes(ClassLoader loader) {
        this.loader = loader;
    }

    /** No registrations: explicit mappings and class names only. */
    public static ServiceTypes empty() {
        return new ServiceTypes(Thread.currentThread().getContextClassLoader());
    }

    /** Every {@link ServiceTypeRegistration} on the class path. */
    public static ServiceTypes discovered() {
        ServiceTypes t = empty();
        for (ServiceTypeRegistration r : ServiceLoader.load(ServiceTypeRegistration.class)) {
            r.types().forEach(t::register);
        }
        return t;
    }

    /** Registers a service implementation or contract under its configuration name. */
    public ServiceTypes register(Class<?> type) {
        if (type.isInterface()) {
            contracts.put(ContractDescription.of(type).configurationName(), type);
        } else {
            services.put(serviceConfigurationName(type), type);
        }
        return this;
    }

    /** Maps a configuration name to a Java type explicitly (it wins over registrations). */
    public ServiceTypes map(String configurationName, Class<?> type) {
        explicit.put(configurationName, type);
        return this;
    }

    /** The configuration name of a service implementation: {@code @ServiceBehavior}'s, else its Java name. */
    public static String serviceConfigurationName(Class<?> type) {
        ServiceBehavior b = type.getAnnotation(ServiceBehavior.class);
        return b == null || b.configurationName().isEmpty() ? type.getName() : b.configurationName();
    }

    /** The implementation class for {@code <service name="...">}. */
    public Optional<Class<?>> service(String configurationName) {
        return resolve(configurationName, services).filter(c -> !c.isInterface());
    }

    /** The contract interface for {@code <endpoint contract="...">}. */
    public Optional<Class<?>> contract(String configurationName) {
        return resolve(configurationName, contracts).filter(Class::isInterface);
    }

    private Optional<Class<?>> resolve(String name, Map<String, Class<?>> registered) {
        Class<?> c = explicit.get(name);
        if (c == null) {
            c = registered.get(name);
        }
        if (c == null) {
            try {
                c = Class.forName(name, false, loader != null ? loader : ServiceTypes.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                return Optional.empty();
            }
        }
        return Optional.of(c);
    }
}
