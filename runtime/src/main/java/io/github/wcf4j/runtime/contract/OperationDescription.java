package io.github.wcf4j.runtime.contract;

import java.lang.reflect.Method;
import javax.xml.namespace.QName;

/**
 * One operation of a contract as it appears on the wire.
 *
 * @param method         the contract interface's method
 * @param name           the operation name ({@code Add})
 * @param action         the request action ({@code ns/ICalculator/Add})
 * @param replyAction    the reply action ({@code ns/ICalculator/AddResponse}); unused when one-way
 * @param oneWay         whether the operation has no reply ({@code @Oneway}, WCF {@code IsOneWay})
 * @param requestElement the body element of the request ({@code {ns}Add})
 */
public record OperationDescription(Method method, String name, String action, String replyAction, boolean oneWay,
        QName requestElement) {
}
