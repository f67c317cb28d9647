package io.github.wcf4j.cli;

import io.github.wcf4j.binding.description.ClientEndpoint;
import io.github.wcf4j.binding.description.MessageLoggingSettings;
import io.github.wcf4j.binding.description.ServiceModelConfiguration;
import io.github.wcf4j.runtime.client.ClientFactory;
import io.github.wcf4j.runtime.client.DotNetNumbers;
import io.github.wcf4j.runtime.contract.ContractDescription;
import io.github.wcf4j.runtime.contract.OperationDescription;
import io.github.wcf4j.runtime.security.message.ClientCredentials;
import io.github.wcf4j.runtime.transport.http.TlsSettings;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wcf4j call CONFIG --endpoint NAME OPERATION ARGS...}: calls one operation through a configured client endpoint
 * (its contract resolved by .NET name) and prints the result as .NET would.
 */
@Command(name = "call", mixinStandardHelpOptions = true,
        description = "Call an operation through a client endpoint of a configuration file and print the result.")
final class CallCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "an app.config with a <client> section")
    Path config;

    @Parameters(index = "1", paramLabel = "OPERATION", description = "the operation, e.g. Add")
    String operation;

    @Parameters(index = "2..*", paramLabel = "ARGS", description = "its arguments, e.g. 100 15.99")
    List<String> args = List.of();

    @Option(names = "--endpoint", paramLabel = "NAME", defaultValue = "",
            description = "the <client><endpoint name> (default: the unnamed one)")
    String endpointName;

    @Option(names = "--type", paramLabel = "NAME=CLASS",
            description = "map a .NET contract name of the configuration to a Java interface")
    List<String> types;

    @Option(names = "--truststore", paramLabel = "FILE", description = "trusted certificates for httpsTransport")
    Path trustStore;

    @Option(names = "--truststore-password", paramLabel = "PASSWORD", defaultValue = "")
    String trustStorePassword;

    @Option(names = "--username", paramLabel = "NAME", defaultValue = "${env:WCF4J_USERNAME}",
            description = "the user name for an endpoint whose security sends one (WCF's ClientCredentials.UserName,"
                    + " which configuration never holds); default: the environment variable WCF4J_USERNAME")
    String userName;

    @Option(names = "--password", paramLabel = "PASSWORD", defaultValue = "${env:WCF4J_PASSWORD}",
            description = "its password; default: the environment variable WCF4J_PASSWORD")
    String password;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ServiceModelConfiguration c = LoadedConfig.load(config, spec.commandLine().getErr());
        ClientEndpoint endpoint = c.clientEndpoint(endpointName).orElseThrow(() ->
                new LoadedConfig.InvalidInputException("no <client><endpoint name=\"" + endpointName + "\"> in "
                        + config + "; the client endpoints are: " + c.clientEndpoints().stream()
                        .map(ClientEndpoint::displayName).collect(Collectors.joining(", "))));
        Class<?> contract = LoadedConfig.types(types).contract(endpoint.contract()).orElseThrow(() ->
                new LoadedConfig.InvalidInputException("no Java interface is registered for the contract '"
                        + endpoint.contract() + "'; map one with --type " + endpoint.contract() + "=CLASS"));
        OperationDescription op = find(ContractDescription.of(contract));
        Object[] values = convert(op.method(), args);
        Object result = invoke(endpoint, c.messageLogging(), contract, op.method(), values);
        if (op.method().getReturnType() != void.class) {
            out.println(format(result));
        }
        return ExitCodes.OK;
    }

    private OperationDescription find(ContractDescription contract) {
        return contract.operations().stream()
                .filter(o -> o.name().equalsIgnoreCase(operation) || o.method().getName().equals(operation))
                .findFirst().orElseThrow(() -> new LoadedConfig.InvalidInputException("the contract "
                        + contract.configurationName() + " has no operation '" + operation + "'; it has: "
                        + contract.operations().stream().map(OperationDescription::name)
                        .collect(Collectors.joining(", "))));
    }

    private static Object[] convert(Method m, List<String> args) {
        Class<?>[] types = m.getParameterTypes();
        if (types.length != args.size()) {
            throw new LoadedConfig.InvalidInputException(ContractDescription.operationName(m) + " takes "
                    + types.length + " argument" + (types.length == 1 ? "" : "s") + " ("
                    + Arrays.stream(m.getParameters()).map(p -> p.getType().getSimpleName() + " "
                            + p.getName()).collect(Collectors.joining(", ")) + "); got " + args.size());
        }
        Object[] values = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            values[i] = parse(types[i], args.get(i), m.getParameters()[i].getName());
        }
        return values;
    }

    private static Object parse(Class<?> type, String text, String name) {
        try {
            if (type == double.class || type == Double.class) {
                return Double.parseDouble(text);
            }
            if (type == float.class || type == Float.class) {
                return Float.parseFloat(text);
            }
            if (type == int.class || type == Integer.class) {
                return Integer.parseInt(text);
            }
            if (type == long.class || type == Long.class) {
                return Long.parseLong(text);
            }
            if (type == boolean.class || type == Boolean.class) {
                if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                    throw new NumberFormatException(text);
                }
                return Boolean.parseBoolean(text.toLowerCase(Locale.ROOT));
            }
            if (type == String.class) {
                return text;
            }
        } catch (NumberFormatException e) {
            throw new LoadedConfig.InvalidInputException("'" + text + "' is not a " + type.getSimpleName() + " (for "
                    + name + ")");
        }
        throw new LoadedConfig.InvalidInputException("call cannot pass a " + type.getName() + " (parameter " + name
                + ") from the command line");
    }

    private Object invoke(ClientEndpoint endpoint, MessageLoggingSettings logging, Class<?> contract, Method m,
            Object[] values) throws Exception {
        ClientFactory.Builder<?> b = ClientFactory.builder(endpoint, contract).messageLogging(logging);
        if (trustStore != null) {
            b.parameter(TlsSettings.class, TlsSettings.keyStore(trustStore, trustStorePassword.toCharArray()));
        }
        if (userName != null) {
            b.credentials(ClientCredentials.userName(userName, password == null ? "" : password));
        }
        try (ClientFactory<?> factory = b.build()) {
            Object proxy = factory.createChannel();
            try {
                return m.invoke(proxy, values);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof SOAPFaultException fault) {
                    throw new ServiceFaultException(fault.getFault().getFaultString());
                }
                throw cause instanceof Exception exception ? exception : e;
            }
        }
    }

    private static String format(Object result) {
        if (result instanceof Double d) {
            return DotNetNumbers.format(d);
        }
        if (result instanceof Float f) {
            return DotNetNumbers.format(f.doubleValue());
        }
        return String.valueOf(result);
    }

    /** The service answered with a fault. */
    static final class ServiceFaultException extends RuntimeException {
        ServiceFaultException(String reason) {
            super("the service returned a fault: " + reason);
        }
    }
}
