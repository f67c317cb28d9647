package io.github.wcf4j.runtime.contract;

import jakarta.jws.WebService;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The service contracts a service class implements, as WCF's {@code ServiceHost} reflects them for its default
 * endpoints ({@code ServiceHost.AddDefaultEndpoints}): every {@code @WebService} interface the class or its superclasses
 * implement, directly or through other interfaces, in declaration order, except one that another of them extends
 * (WCF gives a default endpoint to the most derived contracts only). A class that names its
 * {@code @WebService(endpointInterface)} implements that contract alone, as Metro serves it.
 *
 * <pre>{@code
 * ImplementedContracts.of(CalculatorService.class); // [interface ...Calculator]
 * ImplementedContracts.configurationNames(CalculatorService.class); // ["Microsoft.ServiceModel.Samples.ICalculator"]
 * }</pre>
 */
public final class ImplementedContracts {
    private ImplementedContracts() {
    }

    /** The most derived contract interfaces of {@code serviceClass}, in declaration order. */
    public static List<Class<?>> of(Class<?> serviceClass) {
        List<Class<?>> all = all(serviceClass);
        List<Class<?>> mostDerived = new ArrayList<>();
        for (Class<?> contract : all) {
            if (all.stream().noneMatch(other -> other != contract && contract.isAssignableFrom(other))) {
                mostDerived.add(contract);
            }
        }
        return mostDerived;
    }

    /**
     * Every contract interface of {@code serviceClass}, the ones others extend included (WCF's reflected contracts, by
     * which an endpoint's {@code contract} is resolved), in declaration order.
     */
    public static List<Class<?>> all(Class<?> serviceClass) {
        WebService ws = serviceClass.getAnnotation(WebService.class);
        if (ws != null && !ws.endpointInterface().isEmpty()) {
            return List.of(ContractDescription.contractInterface(serviceClass));
        }
        Set<Class<?>> all = new LinkedHashSet<>();
        for (Class<?> c = serviceClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                collect(i, all);
            }
        }
        return List.copyOf(all);
    }

    /** The configuration names of {@link #of}: what {@code <endpoint contract>} would name them. */
    public static List<String> configurationNames(Class<?> serviceClass) {
        return of(serviceClass).stream().map(c -> ContractDescription.of(c).configurationName()).toList();
    }

    private static void collect(Class<?> type, Set<Class<?>> contracts) {
        if (type.isAnnotationPresent(WebService.class)) {
            contracts.add(type);
        }
        for (Class<?> parent : type.getInterfaces()) {
            collect(parent, contracts);
        }
    }
}
