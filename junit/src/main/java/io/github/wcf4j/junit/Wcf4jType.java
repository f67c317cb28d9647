package io.github.wcf4j.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A .NET type name of the configuration mapped to a Java class ({@code --type NAME=CLASS}), in {@link Wcf4jTest}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Wcf4jType {
    /** The name as the configuration writes it, e.g. {@code Contoso.Security.PasswordValidator}. */
    String name();

    /** The Java class that stands for it. */
    Class<?> type();
}
