package io.github.wcf4j.peers;

import jakarta.jws.WebService;
import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.soap.SOAPBinding;

/**
 * Service implementation. Service and port names match the bundled WSDLs
 * ({@code CalculatorService} / {@code CustomBinding_ICalculator}). {@code @BindingType} is required:
 * {@code Endpoint.publish} takes the SOAP version from it, not from the WSDL (SOAP 1.1 otherwise, HTTP 415).
 */
@WebService(endpointInterface = "io.github.wcf4j.peers.ICalculator",
        targetNamespace = ICalculator.NS,
        serviceName = "CalculatorService",
        portName = "CustomBinding_ICalculator")
@BindingType(SOAPBinding.SOAP12HTTP_BINDING)
public class CalculatorService implements ICalculator {

    @Override
    public double add(double n1, double n2) {
        return log("Add", n1, n2, n1 + n2);
    }

    @Override
    public double subtract(double n1, double n2) {
        return log("Subtract", n1, n2, n1 - n2);
    }

    @Override
    public double multiply(double n1, double n2) {
        return log("Multiply", n1, n2, n1 * n2);
    }

    @Override
    public double divide(double n1, double n2) {
        return log("Divide", n1, n2, n1 / n2);
    }

    private static double log(String op, double n1, double n2, double result) {
        System.err.println("SERVICE " + op + "(" + n1 + ", " + n2 + ") = " + result);
        return result;
    }
}
