package io.github.wcf4j.runtime.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * WCF's {@code [CallbackBehavior]} on a client's callback class (the instance a duplex client's callbacks run on):
 * whether its callbacks may overlap. By default ({@link ConcurrencyMode#Single}) they run one at a time, and a
 * request/reply call a callback makes to the service on the channel it arrived on is refused, as WCF's in-order rule
 * says; {@link ConcurrencyMode#Reentrant} allows it (the callback object is unlocked while it waits), as does
 * {@link ConcurrencyMode#Multiple}.
 *
 * <pre>{@code
 * @CallbackBehavior(concurrencyMode = ConcurrencyMode.Reentrant)
 * class Member implements IChatCallback { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CallbackBehavior {
    ConcurrencyMode concurrencyMode() default ConcurrencyMode.Single;
}
