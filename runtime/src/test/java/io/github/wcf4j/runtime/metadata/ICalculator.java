package io.github.wcf4j.runtime.metadata;

import jakarta.jws.WebService;

/** Microsoft's calculator contract as the samples declare it (the operations in .NET's declaration order). */
@WebService(name = "ICalculator", targetNamespace = "http://Microsoft.ServiceModel.Samples")
public interface ICalculator {
    double add(double n1, double n2);

    double subtract(double n1, double n2);

    double multiply(double n1, double n2);

    double divide(double n1, double n2);
}
