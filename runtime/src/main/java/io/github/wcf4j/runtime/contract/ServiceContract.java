package io.github.wcf4j.runtime.contract;

import io.github.wcf4j.binding.stack.SessionMode;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * WCF's {@code [ServiceContract]} settings that Jakarta's {@code @WebService} has no room for, on a contract
 * interface: the name configuration files use for it and its session mode. Optional: without it the configuration
 * name is the Java type's name and sessions are {@code Allowed}, as in WCF.
 *
 * <pre>{@code
 * @WebService(name = "ICalculator", targetNamespace = "http://Microsoft.ServiceModel.Samples")
 * @ServiceContract(configurationName = "Microsoft.ServiceModel.Samples.ICalculator")
 * public interface Calculator { double add(double n1, double n2); ... }
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
}
