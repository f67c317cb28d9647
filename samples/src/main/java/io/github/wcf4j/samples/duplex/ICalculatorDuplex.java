package io.github.wcf4j.samples.duplex;

import io.github.wcf4j.binding.stack.SessionMode;
import io.github.wcf4j.runtime.contract.ServiceContract;
import jakarta.jws.Oneway;
import jakarta.jws.WebService;

/**
 * The duplex calculator contract of WCF's documentation ({@code s_duplexclients}, {@code service.cs}), ported:
 * <pre>
 * [ServiceContract(Namespace = "http://Microsoft.ServiceModel.Samples", SessionMode=SessionMode.Required,
 *                  CallbackContract=typeof(ICalculatorDuplexCallback))]
 * public interface ICalculatorDuplex {
 *     [OperationContract(IsOneWay=true)] void Clear();
 *     [OperationContract(IsOneWay = true)] void AddTo(double n); ...
 * }
 * </pre>
 * The wire names are WCF's defaults ({@code AddTo}, {@code n}, actions
 * {@code http://Microsoft.ServiceModel.Samples/ICalculatorDuplex/AddTo}); the configuration name is the .NET type name
 * the sample's service configuration uses.
 */
@WebService(name = "ICalculatorDuplex", targetNamespace = "http://Microsoft.ServiceModel.Samples")
@ServiceContract(configurationName = "Microsoft.ServiceModel.Samples.ICalculatorDuplex",
        sessionMode = SessionMode.Required, callbackContract = ICalculatorDuplexCallback.class)
public interface ICalculatorDuplex {
    @Oneway
    void clear();

    @Oneway
    void addTo(double n);

    @Oneway
    void subtractFrom(double n);

    @Oneway
    void multiplyBy(double n);

    @Oneway
    void divideBy(double n);
}
