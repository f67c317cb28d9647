package io.github.wcf4j.junit;

import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceDescription;
import io.github.wcf4j.runtime.stack.BindingParameters;

/**
 * What a {@link Wcf4jTest}'s hosts and clients need beyond the configuration, as code gives it to a
 * {@code ServiceHost.Builder} or {@code ClientFactory.Builder}: a Kerberos identity, certificate stores, TLS settings,
 * credentials. Named by {@link Wcf4jTest#parameters()}; made once per test class with its public parameterless
 * constructor.
 *
 * <pre>{@code
 * public final class CorpRealm implements Wcf4jParameters {
 *     public void host(ServiceDescription service, BindingParameters p) {
 *         p.put(KerberosCredentials.class, KerberosCredentials.keytab("host/build01@CORP.EXAMPLE.COM",
 *                 Path.of("/etc/wcf4j/build01.keytab"), Optional.empty()));
 *     }
 *     public void client(ClientEndpoint endpoint, BindingParameters p) { ... the test user's ... }
 * }
 * }</pre>
 */
public interface Wcf4jParameters {
    /** Adds to the binding parameters of the host of {@code service} (as configured, before addresses are moved). */
    default void host(ServiceDescription service, BindingParameters parameters) {
    }

    /** Adds to the binding parameters of a client of {@code endpoint}. */
    default void client(ClientEndpoint endpoint, BindingParameters parameters) {
    }
}
