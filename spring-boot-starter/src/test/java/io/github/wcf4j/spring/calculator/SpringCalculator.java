package io.github.wcf4j.spring.calculator;

import io.github.wcf4j.samples.ICalculator;
import org.springframework.stereotype.Service;

/**
 * The calculator service as a Spring bean: the bean's name is the {@code <service name>} it runs, and it gets its
 * collaborators by injection ({@link CalculationLog}) like any bean.
 */
@Service("Microsoft.ServiceModel.Samples.CalculatorService")
public class SpringCalculator implements ICalculator {
    private final CalculationLog log;

    public SpringCalculator(CalculationLog log) {
        this.log = log;
    }

    @Override
    public double add(double n1, double n2) {
        return log.result("Add", n1 + n2);
    }

    @Override
    public double subtract(double n1, double n2) {
        return log.result("Subtract", n1 - n2);
    }

    @Override
    public double multiply(double n1, double n2) {
        return log.result("Multiply", n1 * n2);
    }

    @Override
    public double divide(double n1, double n2) {
        return log.result("Divide", n1 / n2);
    }
}
