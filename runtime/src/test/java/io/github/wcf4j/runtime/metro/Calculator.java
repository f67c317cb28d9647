package io.github.wcf4j.runtime.metro;

import jakarta.jws.Oneway;
import jakarta.jws.WebService;

/** Microsoft's calculator contract, written as a plain interface: WCF's names come from the defaults. */
@WebService(name = "ICalculator", targetNamespace = "http://Microsoft.ServiceModel.Samples")
public interface Calculator {
    double add(double n1, double n2);

    double subtract(double n1, double n2);

    double divide(double n1, double n2);

    @Oneway
    void reset(int to);

    int instanceId();
}
