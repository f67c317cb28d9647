package io.github.wcf4j.samples.duplex;

import io.github.wcf4j.runtime.client.DotNetNumbers;
import io.github.wcf4j.runtime.contract.InstanceContextMode;
import io.github.wcf4j.runtime.contract.ServiceBehavior;
import io.github.wcf4j.runtime.service.OperationContext;

/**
 * The sample's service, ported from {@code service.cs}: one object per duplex session keeps a running result and its
 * equation, and reports both back through the caller's callback channel, which it takes in its constructor as the C#
 * does ({@code OperationContext.Current.GetCallbackChannel<ICalculatorDuplexCallback>()}). Numbers are formatted as
 * .NET's {@code ToString()} formats them.
 *
 * <p>Its .NET name is the calculator sample's too ({@code Microsoft.ServiceModel.Samples.CalculatorService}), so it is
 * not registered by that name: map it ({@code ServiceTypes.map}, or {@code --type
 * Microsoft.ServiceModel.Samples.CalculatorService=io.github.wcf4j.samples.duplex.CalculatorService}).
 */
@ServiceBehavior(instanceContextMode = InstanceContextMode.PerSession)
public class CalculatorService implements ICalculatorDuplex {
    private double result;
    private String equation;
    private final ICalculatorDuplexCallback callback;

    public CalculatorService() {
        result = 0.0D;
        equation = DotNetNumbers.format(result);
        callback = OperationContext.current().callbackChannel(ICalculatorDuplexCallback.class);
    }

    @Override
    public void clear() {
        callback.equation(equation + " = " + DotNetNumbers.format(result));
        result = 0.0D;
        equation = DotNetNumbers.format(result);
    }

    @Override
    public void addTo(double n) {
        result += n;
        equation += " + " + DotNetNumbers.format(n);
        callback.equalsResult(result);
    }

    @Override
    public void subtractFrom(double n) {
        result -= n;
        equation += " - " + DotNetNumbers.format(n);
        callback.equalsResult(result);
    }

    @Override
    public void multiplyBy(double n) {
        result *= n;
        equation += " * " + DotNetNumbers.format(n);
        callback.equalsResult(result);
    }

    @Override
    public void divideBy(double n) {
        result /= n;
        equation += " / " + DotNetNumbers.format(n);
        callback.equalsResult(result);
    }
}
