package io.github.wcf4j.samples;

import io.github.wcf4j.runtime.contract.ServiceTypeRegistration;
import java.util.Collection;
import java.util.List;

/** Registers the calculator's service and contract by their .NET names (see {@code META-INF/services}). */
public final class CalculatorTypes implements ServiceTypeRegistration {
    @Override
    public Collection<Class<?>> types() {
        return List.of(CalculatorService.class, ICalculator.class);
    }
}
