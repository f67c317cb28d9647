package io.github.wcf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.config.ServiceModelConfigReader;
import io.github.wcf4j.junit.Wcf4jTest;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.contract.ServiceTypeRegistration;
import io.github.wcf4j.runtime.contract.ServiceTypes;
import io.github.wcf4j.runtime.service.HostedEndpoint;
import io.github.wcf4j.runtime.service.ServiceHost;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wcf4j contract} against the calculator hosted by wcf4j from an unchanged app.config: the contract generated
 * from its {@code ?wsdl} compiles, registers itself by the configuration's contract name, calls the hosted service
 * through the configuration's own client endpoint, and hosts an implementation of it from the same configuration.
 */
@Wcf4jTest(config = "classpath:calculator/basic-http-metadata.config")
class ContractCommandTest {
    private static final String CONTRACT = "Microsoft.ServiceModel.Samples.ICalculator";
    private static final String SERVICE = "Microsoft.ServiceModel.Samples.CalculatorService";
    /** What a porting team writes: its service, on the generated contract. */
    private static final String PORTED_SERVICE = """
            package ported;

            import io.github.wcf4j.runtime.contract.ServiceBehavior;
            import microsoft.servicemodel.samples.ICalculator;

            @ServiceBehavior(configurationName = "Microsoft.ServiceModel.Samples.CalculatorService")
            public class CalculatorService implements ICalculator {
                public Double add(Double n1, Double n2) { return n1 + n2; }
                public Double subtract(Double n1, Double n2) { return n1 - n2; }
                public Double multiply(Double n1, Double n2) { return n1 * n2; }
                public Double divide(Double n1, Double n2) { return n1 / n2; }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void theContractGeneratedFromTheServicesWsdlCallsItAndHostsWithTheConfigurationUnchanged(ServiceHost host)
            throws Exception {
        URI at = host.endpoints().stream().map(HostedEndpoint::address).filter(a -> !a.getPath().endsWith("/mex"))
                .findFirst().orElseThrow();
        Path src = dir.resolve("src");
        CliRun r = CliRun.of("contract", at + "?wsdl", "-d", src.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals("contract: " + CONTRACT + " = microsoft.servicemodel.samples.ICalculator\n"
                + "package: http://Microsoft.ServiceModel.Samples = microsoft.servicemodel.samples\n"
                + "registration: microsoft.servicemodel.samples.WcfContracts (META-INF/services/"
                + ServiceTypeRegistration.class.getName() + ")\n", r.out().replace("\r\n", "\n"));
        String sei = Files.readString(src.resolve("microsoft/servicemodel/samples/ICalculator.java"));
        assertTrue(sei.contains("@WebMethod(operationName = \"Add\", action = \"http://Microsoft.ServiceModel.Samples/"
                + "ICalculator/Add\")"), sei);
        assertTrue(sei.contains("@WebResult(name = \"AddResult\""), sei);
        assertFalse(Files.exists(src.resolve("org/tempuri")), "no JAX-WS Service class: wcf4j clients come from"
                + " the configuration");
        Files.createDirectories(src.resolve("ported"));
        Files.writeString(src.resolve("ported/CalculatorService.java"), PORTED_SERVICE);
        Path classes = compile(src);

        ServiceModelConfiguration config = ServiceModelConfigReader.create().read(
                HostCallDemoTest.resource("calculator/basic-http-metadata.config")).orThrow();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL(), src.toUri().toURL()},
                getClass().getClassLoader())) {
            Class<?> contract = loader.loadClass("microsoft.servicemodel.samples.ICalculator");
            ServiceTypes types = ServiceTypes.empty().register(loader.loadClass("ported.CalculatorService"));
            ServiceLoader.load(ServiceTypeRegistration.class, loader).stream()
                    .filter(p -> p.type().getClassLoader() == loader)
                    .forEach(p -> p.get().types().forEach(types::register));
            assertEquals(contract, types.contract(CONTRACT).orElseThrow(), "registered by its configuration name");
            ClientEndpoint endpoint = config.clientEndpoint("BasicHttpBinding_ICalculator").orElseThrow();
            assertEquals(115.99, call(contract, endpoint.withAddress(at), "add", 100.0, 15.99), 1e-9);
            assertEquals(3.14285714285714, call(contract, endpoint.withAddress(at), "divide", 22.0, 7.0), 1e-14);
            // Metro's service model loads the contract by name, through the context class loader: an application has
            // the generated classes on its class path; this test has them in its own loader
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(loader);
            try (ServiceHost ported = ServiceHost.builder(config, SERVICE).types(types)
                    .baseAddress(URI.create("http://localhost:0/ported")).build()) {
                ported.open();
                assertEquals("ported.CalculatorService", ported.implementation().getName());
                URI portedAt = ported.endpoints().get(0).address();
                assertEquals(731.25, call(contract, endpoint.withAddress(portedAt), "multiply", 9.0, 81.25));
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        }
    }

    @Test
    void aSavedWsdlFileGivesTheContractOfflineInThePackageAndUnderTheNameGiven() throws Exception {
        CliRun wsdl = CliRun.of("wsdl", HostCallDemoTest.resource("calculator/basic-http-metadata.config").toString(),
                "--query", "singleWsdl");
        assertEquals(0, wsdl.exitCode(), wsdl.err());
        Path file = Files.writeString(dir.resolve("calculator.wsdl"), wsdl.out());
        Path src = dir.resolve("src");
        CliRun r = CliRun.of("contract", file.toString(), "-d", src.toString(), "--package",
                "http://Microsoft.ServiceModel.Samples=com.contoso.calculator", "--configuration-name",
                "ICalculator=Contoso.ICalculator", "--registration", "com.contoso.CalculatorContracts");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals("contract: Contoso.ICalculator = com.contoso.calculator.ICalculator\n"
                + "package: http://Microsoft.ServiceModel.Samples = com.contoso.calculator\n"
                + "registration: com.contoso.CalculatorContracts (META-INF/services/"
                + ServiceTypeRegistration.class.getName() + ")\n", r.out().replace("\r\n", "\n"));
        assertTrue(Files.readString(src.resolve("com/contoso/calculator/ICalculator.java"))
                .contains("@io.github.wcf4j.runtime.contract.ServiceContract(configurationName ="
                        + " \"Contoso.ICalculator\")"));
        assertEquals(List.of("com.contoso.CalculatorContracts"), Files.readAllLines(src.resolve("META-INF/services/"
                + ServiceTypeRegistration.class.getName())));
    }

    @Test
    void theMexEndpointsMetadataGivesTheSameContract(ServiceHost host) throws Exception {
        URI mex = host.endpoints().stream().map(HostedEndpoint::address).filter(a -> a.getPath().endsWith("/mex"))
                .findFirst().orElseThrow();
        Path src = dir.resolve("src");
        CliRun r = CliRun.of("contract", mex.toString(), "-d", src.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().startsWith("contract: " + CONTRACT + " = microsoft.servicemodel.samples.ICalculator\n"
                + "package: http://Microsoft.ServiceModel.Samples = microsoft.servicemodel.samples\n"), r.out());
        String sei = Files.readString(src.resolve("microsoft/servicemodel/samples/ICalculator.java"));
        assertTrue(sei.contains("@WebMethod(operationName = \"Divide\", action = \"http://Microsoft.ServiceModel"
                + ".Samples/ICalculator/Divide\")"), sei);
        assertTrue(sei.contains("configurationName = \"" + CONTRACT + "\""), sei);
    }

    @Test
    void aNetTcpMetadataAddressIsRefusedByName() {
        CliRun r = CliRun.of("contract", "net.tcp://localhost:8001/ServiceModelSamples/Service/mex", "-d",
                dir.toString());
        assertEquals(ExitCodes.INVALID, r.exitCode());
        assertTrue(r.err().contains("mexTcpBinding is not implemented here"), r.err());
    }

    private static double call(Class<?> contract, ClientEndpoint endpoint, String operation, Double n1, Double n2)
            throws Exception {
        try (ClientFactory<?> f = ClientFactory.builder(endpoint, contract).build()) {
            Method m = contract.getMethod(operation, Double.class, Double.class);
            return (Double) m.invoke(f.createChannel(), n1, n2);
        }
    }

    /** Compiles every source under {@code src} against the test's class path, as a porting team's build would. */
    private Path compile(Path src) throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<Path> sources;
        try (Stream<Path> s = Files.walk(src)) {
            sources = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(null, files, diagnostics, List.of("-d", classes.toString(), "-classpath",
                    System.getProperty("java.class.path"), "-proc:none"), null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            assertTrue(ok, diagnostics.getDiagnostics().stream().map(Object::toString)
                    .collect(Collectors.joining("\n")));
        }
        return classes;
    }
}
