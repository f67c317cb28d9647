package io.github.wcf4j.spring;

import io.github.wcf4j.runtime.contract.ServiceTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Finds the Spring bean a {@code <service name>} runs on, in this order: the bean of that name (the .NET name as the
 * bean's name); the bean whose class's configuration name it is ({@code @ServiceBehavior(configurationName)}, else the
 * class's Java name); the one bean of the class wcf4j resolves the name to ({@link ServiceTypes}: explicit mappings,
 * {@code ServiceTypeRegistration}s, a class of that name), as {@code wcf4j host} resolves it.
 */
final class ServiceBeans {
    private final ListableBeanFactory beans;
    private final ServiceTypes types;

    ServiceBeans(ListableBeanFactory beans, ServiceTypes types) {
        this.beans = beans;
        this.types = types;
    }

    /** The bean {@code <service name="serviceName">} runs on, if any; several candidates are an error. */
    Optional<Object> find(String serviceName) {
        if (beans.containsBean(serviceName)) {
            return Optional.of(beans.getBean(serviceName));
        }
        List<String> named = new ArrayList<>();
        for (String name : beans.getBeanNamesForType(Object.class, true, false)) {
            Class<?> type = beans.getType(name, false);
            if (type != null && !type.isInterface()
                    && serviceName.equals(ServiceTypes.serviceConfigurationName(ClassUtils.getUserClass(type)))) {
                named.add(name);
            }
        }
        if (named.isEmpty()) {
            Optional<Class<?>> resolved = types.service(serviceName);
            if (resolved.isEmpty()) {
                return Optional.empty();
            }
            named = List.of(beans.getBeanNamesForType(resolved.get(), false, true));
        }
        if (named.size() > 1) {
            throw new IllegalStateException("Several beans implement the service '" + serviceName + "': " + named
                    + "; name the one to host '" + serviceName + "' (@Component(\"" + serviceName + "\")).");
        }
        return named.isEmpty() ? Optional.empty() : Optional.of(beans.getBean(named.get(0)));
    }
}
