package io.github.wcf4j.samples;

import io.github.wcf4j.runtime.contract.ServiceBehavior;

/**
 * Microsoft's {@code CalculatorService}, ported: plain Java, no Jakarta annotations needed. Its configuration name is the
 * .NET type name, so {@code <service name="Microsoft.ServiceModel.Samples.CalculatorService">} finds it.
 */
@ServiceBehavior(configurationName = "Microsoft.ServiceModel.Samples.CalculatorService")
public class CalculatorService implements ICalculator {

    @Override
    public double add(double n1, double n2) {
        return n1 + n2;
    }

    @Override
    public double subtract(double n1, double n2) {
        return n1 - n2;
    }

    @Override
    public double multiply(double n1, double n2) {
        return n1 * n2;
    }

    @Override
    public double divide(double n1, double n2) {
        return n1 / n2;
    }
}
