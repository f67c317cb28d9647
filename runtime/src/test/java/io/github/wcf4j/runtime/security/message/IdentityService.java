package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.runtime.service.OperationContext;
import java.util.concurrent.atomic.AtomicInteger;

/** Answers with {@code ServiceSecurityContext.PrimaryIdentity.Name}; counts every operation that ran. */
public class IdentityService implements Identity {
    public static final AtomicInteger CALLS = new AtomicInteger();

    /** How many operations ran so far (all instances). */
    public static int calls() {
        return CALLS.get();
    }

    @Override
    public String whoAmI() {
        CALLS.incrementAndGet();
        return OperationContext.current().serviceSecurityContext()
                .map(c -> c.authenticationType() + ":" + c.primaryIdentityName()).orElse("anonymous");
    }

    @Override
    public double add(double n1, double n2) {
        CALLS.incrementAndGet();
        return n1 + n2;
    }
}
