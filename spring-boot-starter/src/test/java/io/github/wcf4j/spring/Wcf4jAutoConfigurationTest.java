package io.github.wcf4j.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.config.ConfigurationErrorsException;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.samples.CalculatorService;
import io.github.wcf4j.samples.ICalculator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** What the auto-configuration makes of {@code wcf4j.*} without a running application around it. */
class Wcf4jAutoConfigurationTest {
    static final String SERVICE = "Microsoft.ServiceModel.Samples.CalculatorService";

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(Wcf4jAutoConfiguration.class, Wcf4jHealthAutoConfiguration.class));

    @Test
    void withoutAConfigurationNothingIsConfigured() {
        runner.run(context -> {
            assertFalse(context.containsBean("wcf4jServiceHosts"));
            assertEquals(0, context.getBeanNamesForType(ClientFactory.class).length);
        });
    }

    @Test
    void aServiceNoBeanImplementsIsNotHostedAndTheClientEndpointIsABeanOfItsContract() {
        runner.withPropertyValues("wcf4j.config=classpath:calculator/App.config").run(context -> {
            ServiceHosts hosts = context.getBean(ServiceHosts.class);
            assertTrue(hosts.hosts().isEmpty());
            assertEquals(List.of(SERVICE), hosts.skipped());
            assertEquals(List.of("CalculatorEndpoint"), List.of(context.getBeanNamesForType(ICalculator.class)));
            assertTrue(context.containsBean("CalculatorEndpoint.factory"));
        });
    }

    @Test
    void aDisabledServiceIsNotHosted() {
        runner.withPropertyValues("wcf4j.config=classpath:calculator/App.config",
                "wcf4j.services.[" + SERVICE + "].enabled=false")
                .withBean(SERVICE, CalculatorService.class)
                .run(context -> {
                    assertTrue(context.getBean(ServiceHosts.class).hosts().isEmpty());
                    assertEquals(List.of(SERVICE), context.getBean(ServiceHosts.class).skipped());
                });
    }

    @Test
    void aConfigurationWithErrorsStopsTheApplicationWithWcfsDiagnostic() {
        runner.withPropertyValues("wcf4j.config=classpath:broken.config").run(context -> {
            Throwable failure = context.getStartupFailure();
            while (failure != null && !(failure instanceof ConfigurationErrorsException)) {
                failure = failure.getCause();
            }
            assertTrue(failure instanceof ConfigurationErrorsException, String.valueOf(context.getStartupFailure()));
            assertTrue(failure.getMessage().contains("broken.config"), failure.getMessage());
            assertTrue(failure.getMessage().contains("acknowledgementInterval"), failure.getMessage());
        });
    }
}
