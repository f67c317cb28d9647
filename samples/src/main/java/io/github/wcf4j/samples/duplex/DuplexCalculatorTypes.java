package io.github.wcf4j.samples.duplex;

import io.github.wcf4j.runtime.contract.ServiceTypeRegistration;
import java.util.Collection;
import java.util.List;

/**
 * Registers the duplex calculator's contract by its .NET name (see {@code META-INF/services}); its service shares the
 * calculator sample's .NET name and is mapped explicitly ({@link CalculatorService}).
 */
public final class DuplexCalculatorTypes implements ServiceTypeRegistration {
    @Override
    public Collection<Class<?>> types() {
        return List.of(ICalculatorDuplex.class);
    }
}
