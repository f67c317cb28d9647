package io.github.wcf4j.cli;

import com.sun.tools.ws.wscompile.WsimportTool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wcf4j contract WSDL -d DIR}: the Java contract interfaces and data classes of a WCF service, generated from
 * its WSDL ({@code http://host/Service.svc?wsdl}, its metadata exchange endpoint ({@link MetadataExchangeDocuments}), or a
 * saved file) by Metro's wsimport, with the names WCF uses: each
 * WCF namespace in the package a porting team expects ({@link NamespacePackages}), operations and messages as the WSDL
 * names them, each interface annotated with the configuration name {@code <endpoint contract>} uses, and a
 * {@code ServiceTypeRegistration} listing them ({@link GeneratedContracts}), so the contract hosts and calls with the
 * app.config unchanged.
 */
@Command(name = "contract", mixinStandardHelpOptions = true,
        description = "Generate Java contracts (interfaces and data classes) from a WCF service's WSDL (wsimport).")
final class ContractCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WSDL",
            description = "the service's WSDL: its ?wsdl address (e.g. http://localhost:8000/Service.svc?wsdl),"
                    + " its mexHttpBinding endpoint (an address ending in /mex), or a file")
    String source;

    @Option(names = {"-d", "--directory"}, paramLabel = "DIR", required = true,
            description = "where the Java sources go (e.g. src/main/java)")
    Path sources;

    @Option(names = "--resources", paramLabel = "DIR",
            description = "where META-INF/services goes (e.g. src/main/resources); default: the -d directory")
    Path resources;

    @Option(names = "--package", paramLabel = "NAMESPACE=PACKAGE",
            description = "the Java package of a WSDL or schema namespace, instead of the one wcf4j derives")
    List<String> packageMappings = new ArrayList<>();

    @Option(names = "--configuration-name", paramLabel = "PORTTYPE=NAME",
            description = "the name <endpoint contract> uses for a port type (default: the .NET namespace the WSDL"
                    + " namespace names, e.g. http://Microsoft.ServiceModel.Samples, plus the port type's name; else"
                    + " the port type's name alone, as svcutil names it)")
    List<String> configurationNames = new ArrayList<>();

    @Option(names = "--registration", paramLabel = "CLASS",
            description = "the generated ServiceTypeRegistration (default: WcfContracts in the first contract's"
                    + " package)")
    String registration;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path work = Files.createTempDirectory("wcf4j-contract");
        try {
            URI wsdl = location(work);
            WsdlDocuments docs = WsdlDocuments.read(wsdl);
            if (docs.portTypes().isEmpty()) {
                throw new LoadedConfig.InvalidInputException(wsdl + " describes no port type (contract)");
            }
            Map<String, String> packages = packages(docs);
            Files.createDirectories(sources);
            wsimport(wsdl, ContractCustomization.write(docs, packages, work), work);
            List<GeneratedContracts.Contract> contracts = GeneratedContracts.annotate(sources,
                    pairs(configurationNames, "--configuration-name", "PORTTYPE=NAME"));
            if (contracts.isEmpty()) {
                throw new LoadedConfig.InvalidInputException("wsimport generated no service endpoint interface");
            }
            String first = contracts.get(0).javaName();
            String registrationClass = registration != null ? registration
                    : (first.contains(".") ? first.substring(0, first.lastIndexOf('.') + 1) : "") + "WcfContracts";
            GeneratedContracts.register(registrationClass, contracts, source, sources,
                    resources != null ? resources : sources);
            for (GeneratedContracts.Contract c : contracts) {
                out.println("contract: " + c.configurationName() + " = " + c.javaName());
            }
            packages.forEach((ns, pkg) -> {
                if (Files.isDirectory(sources.resolve(pkg.replace('.', '/')))) {
                    out.println("package: " + ns + " = " + pkg);
                }
            });
            out.println("registration: " + registrationClass + " (META-INF/services/"
                    + GeneratedContracts.REGISTRATION + ")");
            return ExitCodes.OK;
        } finally {
            try (Stream<Path> s = Files.walk(work)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The WSDL to read: the address or file given, or the documents a mex endpoint answers, saved in {@code work}. */
    private URI location(Path work) throws IOException {
        if (source.startsWith("http://") || source.startsWith("https://")) {
            URI uri = URI.create(source);
            return MetadataExchangeDocuments.isMex(uri) ? MetadataExchangeDocuments.fetch(uri,
                    Files.createDirectories(work.resolve("mex"))) : uri;
        }
        if (source.startsWith("net.tcp://")) {
            throw new LoadedConfig.InvalidInputException(source + ": wcf4j contract asks HTTP(S) metadata endpoints"
                    + " (?wsdl or a mexHttpBinding/mexHttpsBinding endpoint); mexTcpBinding is not implemented here");
        }
        Path file = Path.of(source);
        if (!Files.isRegularFile(file)) {
            throw new LoadedConfig.InvalidInputException("no WSDL file " + file);
        }
        return file.toAbsolutePath().toUri();
    }

    /** Derived packages, overridden by {@code --package}. */
    private Map<String, String> packages(WsdlDocuments docs) {
        Map<String, String> packages = new LinkedHashMap<>();
        List<String> namespaces = new ArrayList<>(docs.wsdlNamespaces().values());
        namespaces.addAll(docs.schemaNamespaces());
        Map<String, String> given = pairs(packageMappings, "--package", "NAMESPACE=PACKAGE");
        for (String ns : namespaces) {
            String pkg = given.containsKey(ns) ? given.get(ns) : NamespacePackages.of(ns).orElse(null);
            if (pkg != null) {
                packages.put(ns, pkg);
            }
        }
        return packages;
    }

    private void wsimport(URI wsdl, List<Path> customizations, Path work) throws IOException {
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-keep", "-Xnocompile", "-extension", "-encoding", "UTF-8",
                "-s", sources.toString(), "-d", classes.toString()));
        for (Path c : customizations) {
            args.add("-b");
            args.add(c.toUri().toString());
        }
        args.add(wsdl.toString());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        boolean ok = new WsimportTool(log).run(args.toArray(String[]::new));
        if (!ok) {
            spec.commandLine().getErr().print(log.toString(StandardCharsets.UTF_8));
            throw new LoadedConfig.InvalidInputException("wsimport could not generate the contract from " + wsdl
                    + " (its messages above)");
        }
    }

    private static Map<String, String> pairs(List<String> values, String option, String form) {
        Map<String, String> map = new HashMap<>();
        for (String v : values) {
            int eq = v.lastIndexOf('=');
            if (eq <= 0 || eq == v.length() - 1) {
                throw new LoadedConfig.InvalidInputException(option + " takes " + form + "; got '" + v + "'");
            }
            map.put(v.substring(0, eq), v.substring(eq + 1));
        }
        return map;
    }
}
