package io.github.wcf4j.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.runtime.metro.Calculator;
import io.github.wcf4j.runtime.metro.CalculatorService;
import io.github.wcf4j.runtime.service.ServiceHost;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * What {@code @Wcf4jTest} does around the tests, seen by running fixture classes through the JUnit Platform: one host
 * for every test of a class, closed after the last; proxies closed after their test; a configuration or a parameter it
 * cannot serve fails by name.
 */
class Wcf4jLifecycleTest {
    /** The outcome of running one class: the tests that passed, and every failure's exception. */
    private record Outcome(int passed, List<Throwable> failures) {
    }

    private static Outcome run(Class<?> fixture) {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        int[] passed = {0};
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(DiscoverySelectors.selectClass(fixture))
                .build(), new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                        if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL && id.isTest()) {
                            passed[0]++;
                        }
                        result.getThrowable().ifPresent(failures::add);
                    }
                });
        return new Outcome(passed[0], new ArrayList<>(failures));
    }

    @Wcf4jTest(config = "classpath:calculator/App.config", typeNames = {
        @Wcf4jType(name = Wcf4jExtensionTest.SERVICE, type = CalculatorService.class),
        @Wcf4jType(name = Wcf4jExtensionTest.CONTRACT, type = Calculator.class)})
    static class TwoTests {
        static final List<ServiceHost> HOSTS = new CopyOnWriteArrayList<>();
        static final List<Calculator> PROXIES = new CopyOnWriteArrayList<>();
        static volatile URI address;

        @Test
        void first(ServiceHost host, @Wcf4jClient("BasicHttpBinding_ICalculator") Calculator calc) {
            HOSTS.add(host);
            PROXIES.add(calc);
            address = host.endpoints().get(0).address();
            assertEquals(2.0, calc.add(1, 1));
        }

        @Test
        void second(ServiceHost host) {
            HOSTS.add(host);
        }
    }

    @Test
    void oneHostServesEveryTestOfTheClassAndNothingListensAfterIt() throws Exception {
        Outcome o = run(TwoTests.class);
        assertEquals(List.of(), o.failures());
        assertEquals(2, o.passed());
        assertSame(TwoTests.HOSTS.get(0), TwoTests.HOSTS.get(1));
        try (Socket s = new Socket()) {
            assertThrows(ConnectException.class, () -> s.connect(new InetSocketAddress("localhost",
                    TwoTests.address.getPort()), 2000));
        }
        assertThrows(RuntimeException.class, () -> TwoTests.PROXIES.get(0).add(1, 1),
                "the proxy's factory was closed after its test");
    }

    @Wcf4jTest(config = "classpath:no/such.config")
    static class MissingConfiguration {
        @Test
        void never() {
        }
    }

    @Test
    void aConfigurationThatIsNotThereFailsTheClassByName() {
        Outcome o = run(MissingConfiguration.class);
        assertEquals(0, o.passed());
        assertEquals(1, o.failures().size());
        assertEquals("@Wcf4jTest: no no/such.config on the class path", o.failures().get(0).getMessage());
    }

    @Wcf4jTest(config = "classpath:calculator/App.config", typeNames = {
        @Wcf4jType(name = Wcf4jExtensionTest.SERVICE, type = CalculatorService.class),
        @Wcf4jType(name = Wcf4jExtensionTest.CONTRACT, type = Calculator.class)})
    static class AmbiguousContract {
        @Test
        void calc(Calculator calc) {
            calc.add(1, 1);
        }
    }

    @Test
    void aContractWithSeveralClientEndpointsMustBeNamed() {
        Outcome o = run(AmbiguousContract.class);
        assertEquals(0, o.passed());
        assertEquals(1, o.failures().size());
        assertTrue(o.failures().get(0).getMessage().contains("the client configuration has 2 endpoints of the contract"
                + " io.github.wcf4j.runtime.metro.Calculator (BasicHttpBinding_ICalculator, WSHttpBinding_ICalculator):"
                + " choose one with @Wcf4jClient(\"name\")"), o.failures().get(0).getMessage());
    }
}
