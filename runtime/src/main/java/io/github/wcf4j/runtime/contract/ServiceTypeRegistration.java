package io.github.wcf4j.runtime.contract;

import java.util.Collection;

/**
 * Registers service implementations and contracts by the names configuration files use for them, through
 * {@code META-INF/services/io.github.wcf4j.runtime.contract.ServiceTypeRegistration}. A ported application lists its
 * types once; {@code <service name="Microsoft.ServiceModel.Samples.CalculatorService">} and
 * {@code contract="Microsoft.ServiceModel.Samples.ICalculator"} then resolve without naming a Java class anywhere.
 * Each type's configuration name comes from {@link ServiceBehavior} (services) or {@link ServiceContract} (contracts).
 */
public interface ServiceTypeRegistration {
    Collection<Class<?>> types();
}
