package io.github.wcf4j.samples;

import io.github.wcf4j.runtime.contract.ServiceContract;
import jakarta.jws.WebService;

/**
 * Microsoft's calculator contract, ported from
 * <pre>
 * [ServiceContract(Namespace="http://Microsoft.ServiceModel.Samples")]
 * public interface ICalculator {
 *     [OperationContract] double Add(double n1, double n2); ...
 * }
 * </pre>
 * The wire names are WCF's defaults ({@code Add}, {@code n1}, {@code AddResult}, actions
 * {@code http://Microsoft.ServiceModel.Samples/ICalculator/Add} and {@code .../AddResponse}); the configuration name is
 * the .NET type name the seed configurations use.
 */
@WebService(name = "ICalculator", targetNamespace = "http://Microsoft.ServiceModel.Samples")
@ServiceContract(configurationName = "Microsoft.ServiceModel.Samples.ICalculator")
public interface ICalculator {
    double add(double n1, double n2);

    double subtract(double n1, double n2);

    double multiply(double n1, double n2);

    double divide(double n1, double n2);
}
