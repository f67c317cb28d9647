package io.github.wcf4j.peers;

import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.xml.ws.Action;
import jakarta.xml.ws.RequestWrapper;
import jakarta.xml.ws.ResponseWrapper;

/**
 * Microsoft's calculator sample contract with WCF's exact wire names: portType {@code ICalculator} in
 * {@code http://Microsoft.ServiceModel.Samples}, document/literal wrapped, qualified children,
 * actions {@code ns/ICalculator/Op} and {@code ns/ICalculator/OpResponse}.
 */
@WebService(name = "ICalculator", targetNamespace = ICalculator.NS)
public interface ICalculator {

    String NS = "http://Microsoft.ServiceModel.Samples";

    @WebMethod(operationName = "Add", action = NS + "/ICalculator/Add")
    @Action(input = NS + "/ICalculator/Add", output = NS + "/ICalculator/AddResponse")
    @RequestWrapper(localName = "Add", targetNamespace = NS)
    @ResponseWrapper(localName = "AddResponse", targetNamespace = NS)
    @WebResult(name = "AddResult", targetNamespace = NS)
    double add(@WebParam(name = "n1", targetNamespace = NS) double n1,
               @WebParam(name = "n2", targetNamespace = NS) double n2);

    @WebMethod(operationName = "Subtract", action = NS + "/ICalculator/Subtract")
    @Action(input = NS + "/ICalculator/Subtract", output = NS + "/ICalculator/SubtractResponse")
    @RequestWrapper(localName = "Subtract", targetNamespace = NS)
    @ResponseWrapper(localName = "SubtractResponse", targetNamespace = NS)
    @WebResult(name = "SubtractResult", targetNamespace = NS)
    double subtract(@WebParam(name = "n1", targetNamespace = NS) double n1,
                    @WebParam(name = "n2", targetNamespace = NS) double n2);

    @WebMethod(operationName = "Multiply", action = NS + "/ICalculator/Multiply")
    @Action(input = NS + "/ICalculator/Multiply", output = NS + "/ICalculator/MultiplyResponse")
    @RequestWrapper(localName = "Multiply", targetNamespace = NS)
    @ResponseWrapper(localName = "MultiplyResponse", targetNamespace = NS)
    @WebResult(name = "MultiplyResult", targetNamespace = NS)
    double multiply(@WebParam(name = "n1", targetNamespace = NS) double n1,
                    @WebParam(name = "n2", targetNamespace = NS) double n2);

    @WebMethod(operationName = "Divide", action = NS + "/ICalculator/Divide")
    @Action(input = NS + "/ICalculator/Divide", output = NS + "/ICalculator/DivideResponse")
    @RequestWrapper(localName = "Divide", targetNamespace = NS)
    @ResponseWrapper(localName = "DivideResponse", targetNamespace = NS)
    @WebResult(name = "DivideResult", targetNamespace = NS)
    double divide(@WebParam(name = "n1", targetNamespace = NS) double n1,
                  @WebParam(name = "n2", targetNamespace = NS) double n2);
}
