package io.github.wcf4j.spring.calculator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The calculator as a Spring Boot application: {@code application.properties} names the unchanged WCF configuration
 * ({@code wcf4j.config}); {@link SpringCalculator}, a bean named by the service's .NET name, is hosted at the base
 * address {@code wcf4j.base-addresses} gives; the configuration's {@code <client>} is an injectable
 * {@code ICalculator}; Actuator serves {@code /actuator/health/wcf4j} and {@code /actuator/prometheus}.
 */
@SpringBootApplication
public class CalculatorApplication {
    public static void main(String[] args) {
        SpringApplication.run(CalculatorApplication.class, args);
    }
}
