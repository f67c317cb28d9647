package io.github.wcf4j.samples.duplex;

import jakarta.jws.Oneway;
import jakarta.jws.WebMethod;

/**
 * The sample's callback contract, ported:
 * <pre>
 * public interface ICalculatorDuplexCallback {
 *     [OperationContract(IsOneWay = true)] void Equals(double result);
 *     [OperationContract(IsOneWay = true)] void Equation(string eqn);
 * }
 * </pre>
 * As in WCF, its operations carry the service contract's name and namespace on the wire
 * ({@code http://Microsoft.ServiceModel.Samples/ICalculatorDuplex/Equals}). The .NET {@code Equals} keeps its wire name
 * through {@code @WebMethod}: a Java method named {@code equals} would read as {@code Object.equals}.
 */
public interface ICalculatorDuplexCallback {
    @Oneway
    @WebMethod(operationName = "Equals")
    void equalsResult(double result);

    @Oneway
    void equation(String eqn);
}
