package io.github.wcf4j.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A contract proxy for a {@code <client><endpoint name>} of the {@link Wcf4jTest}'s client configuration, calling the
 * hosted endpoint of its contract: {@code @Wcf4jClient("calc") ICalculator calc}. Without this annotation a contract
 * parameter gets the only client endpoint of its contract, else a client of the hosted endpoint's own binding.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Wcf4jClient {
    /** The endpoint's name ({@code ""}: the unnamed one). */
    String value();
}
