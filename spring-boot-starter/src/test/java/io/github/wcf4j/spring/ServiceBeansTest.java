package io.github.wcf4j.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.samples.CalculatorService;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/** How a {@code <service name>} finds the bean it runs on. */
class ServiceBeansTest {
    static final String SERVICE = "Microsoft.ServiceModel.Samples.CalculatorService";

    /** A port of the calculator that kept neither the .NET name nor an annotation. */
    static class PlainCalculator extends CalculatorService {
    }

    private final DefaultListableBeanFactory beans = new DefaultListableBeanFactory();

    @Test
    void theBeanNamedAfterTheServiceComesFirst() {
        Object named = new PlainCalculator();
        beans.registerSingleton(SERVICE, named);
        beans.registerSingleton("other", new CalculatorService());
        assertSame(named, new ServiceBeans(beans, ServiceTypes.empty()).find(SERVICE).orElseThrow());
    }

    @Test
    void aBeanWhoseClassHasTheConfigurationNameIsFound() {
        Object calc = new CalculatorService();
        beans.registerSingleton("calculator", calc);
        assertSame(calc, new ServiceBeans(beans, ServiceTypes.empty()).find(SERVICE).orElseThrow());
    }

    @Test
    void aBeanOfTheTypeTheNameResolvesToIsFound() {
        Object calc = new PlainCalculator();
        beans.registerSingleton("calculator", calc);
        ServiceTypes types = ServiceTypes.empty().map(SERVICE, PlainCalculator.class);
        assertSame(calc, new ServiceBeans(beans, types).find(SERVICE).orElseThrow());
    }

    @Test
    void aServiceNoBeanImplementsIsNotFound() {
        beans.registerSingleton("calculator", new PlainCalculator());
        assertEquals(Optional.empty(), new ServiceBeans(beans, ServiceTypes.empty()).find(SERVICE));
    }

    @Test
    void twoCandidatesAreRefusedByName() {
        beans.registerSingleton("one", new CalculatorService());
        beans.registerSingleton("two", new CalculatorService());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new ServiceBeans(beans, ServiceTypes.empty()).find(SERVICE));
        assertEquals("Several beans implement the service '" + SERVICE + "': [one, two]; name the one to host '"
                + SERVICE + "' (@Component(\"" + SERVICE + "\")).", e.getMessage());
    }
}
