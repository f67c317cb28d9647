package io.github.wcf4j.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hosts the services of a WCF configuration for the tests of a class: opened before its first test, closed after its
 * last (a {@code @Nested} class with an annotation of its own gets its own hosts; one without uses its enclosing
 * class's). Test methods (and constructors, {@code @BeforeEach}, ...) take what they call as parameters:
 *
 * <pre>{@code
 * @Wcf4jTest(config = "classpath:App.config")
 * class CalculatorTest {
 *     @Test
 *     void adds(@Wcf4jClient("WSHttpBinding_ICalculator") ICalculator calc) {   // a <client> endpoint by name
 *         assertEquals(115.99, calc.add(100, 15.99));
 *     }
 *
 *     @Test
 *     void divides(ICalculator calc, ServiceHost host) {   // by contract type; the host itself
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>Each {@code <service>} is hosted as {@code wcf4j host} hosts it: its implementation found by its .NET name
 * (a {@code ServiceTypeRegistration} on the class path, {@link #types()}, {@link #typeNames()}), WCF 4's default
 * endpoints when it lists none. Its addresses are moved to a free port (its {@code <host><baseAddresses>} and absolute
 * endpoint addresses, port 0 each), or onto the in-memory transport ({@link Wcf4jTransport#IN_MEMORY}), the
 * configuration file itself unchanged. A client endpoint calls the hosted endpoint of its contract and scheme, whatever
 * address its file names. Proxies live for one test: their channels are closed after it.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(Wcf4jExtension.class)
public @interface Wcf4jTest {
    /**
     * The configuration whose {@code <service>}s are hosted: {@code classpath:path/App.config} or a file path
     * (relative to the working directory: the module's folder under Maven).
     */
    String config();

    /**
     * The configuration the clients' {@code <client>} endpoints come from (a client's app.config); default:
     * {@link #config()}.
     */
    String clientConfig() default "";

    /**
     * The base addresses to host at instead (one per scheme, as {@code wcf4j host --base-address}); port 0 is a free
     * port. Default: each service's own, at a free port.
     */
    String[] baseAddresses() default {};

    /** Sockets on free ports (default) or the in-memory transport. */
    Wcf4jTransport transport() default Wcf4jTransport.SOCKETS;

    /** Only these {@code <service name>}s; default: every service of the configuration. */
    String[] services() default {};

    /**
     * Service implementations and contracts to register by their configuration names
     * ({@code @ServiceBehavior}/{@code @ServiceContract(configurationName)}), besides the discovered registrations.
     */
    Class<?>[] types() default {};

    /** Explicit .NET name to Java class mappings (as {@code --type NAME=CLASS}): services, contracts, validators. */
    Wcf4jType[] typeNames() default {};

    /**
     * What the hosts and clients need that a configuration does not hold (a Kerberos identity, certificate stores,
     * TLS settings), applied in order.
     */
    Class<? extends Wcf4jParameters>[] parameters() default {};
}
