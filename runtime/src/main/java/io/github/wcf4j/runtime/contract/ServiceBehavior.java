package io.github.wcf4j.runtime.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * WCF's {@code [ServiceBehavior]} on a service implementation class: the name {@code <service name="...">} uses for it,
 * its instancing, and whether faults carry exception details (also switchable by {@code <serviceDebug>}).
 *
 * <pre>{@code
 * @WebService(endpointInterface = "org.example.Calculator")
 * @ServiceBehavior(configurationName = "Microsoft.ServiceModel.Samples.CalculatorService",
 *                  instanceContextMode = InstanceContextMode.PerCall)
 * public class CalculatorService implements Calculator { ... }
 * }</pre>
 *
 * <p>As in WCF, calls to one service object are serialized unless {@link #concurrencyMode()} says otherwise.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ServiceBehavior {
    /** The name {@code <service name="...">} uses, e.g. the .NET type name; default: the Java type name. */
    String configurationName() default "";

    InstanceContextMode instanceContextMode() default InstanceContextMode.PerSession;

    /** Whether calls to one service object may overlap (WCF's {@code ConcurrencyMode}); default: one at a time. */
    ConcurrencyMode concurrencyMode() default ConcurrencyMode.Single;

    /**
     * The service's name in its metadata ({@code wsdl:service name}); default: the last segment of
     * {@link #configurationName()}, else the class's simple name (WCF: the CLR type name).
     */
    String name() default "";

    /** The namespace of the service's metadata document; default WCF's {@code http://tempuri.org/}. */
    String namespace() default "";

    /** Faults carry the exception's message, type and stack trace (WCF's {@code IncludeExceptionDetailInFaults}). */
    boolean includeExceptionDetailInFaults() default false;
}
