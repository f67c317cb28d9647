package io.github.wcf4j.runtime.contract;

import io.github.wcf4j.binding.stack.SessionMode;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * WCF's {@code [ServiceContract]} settings that Jakarta's {@code @WebService} has no room for, on a contract
 * interface: the name configuration files use for it, its session mode and its callback contract. Optional: without it
 * the configuration name is the Java type's name, sessions are {@code Allowed} and the contract has no callbacks, as in
 * WCF.
 *
 * <pre>{@code
 * @WebService(name = "ICalculator", targetNamespace = "http://Microsoft.ServiceModel.Samples")
 * @ServiceContract(configurationName = "Microsoft.ServiceModel.Samples.ICalculator")
 * public interface Calculator { double add(double n1, double n2); ... }
 *
 * @WebService(name = "IChat", targetNamespace = "http://example.org/chat")
 * @ServiceContract(callbackContract = IChatCallback.class, sessionMode = SessionMode.Required)
 * public interface IChat { @Oneway void say(String text); }
 *
 * public interface IChatCallback { @Oneway void receive(String text); }   // no annotation needed
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ServiceContract {
    /** The name {@code <endpoint contract="...">} uses, e.g. the .NET type name; default: the Java type name. */
    String configurationName() default "";

    /** Whether the contract requires, allows or forbids sessionful channels. */
    SessionMode sessionMode() default SessionMode.Allowed;

    /**
     * The callback contract (WCF {@code CallbackContract}): an interface of the operations the service calls on its
     * client, {@code @Oneway} or request/reply, written like a contract's ({@code @WebMethod}, {@code @WebParam},
     * {@code @WebResult}, {@code @Action} apply). As in WCF, its operations belong to this contract: their actions and
     * elements take this contract's name and namespace ({@code ns/IChat/Receive}), and a {@code @WebService} on the
     * callback interface, if any, names nothing. Default: none ({@code void.class}).
     */
    Class<?> callbackContract() default void.class;
}
