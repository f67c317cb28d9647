package io.github.wcf4j.peers.metro;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import com.sun.xml.ws.api.fastinfoset.FastInfosetFeature;
import com.sun.xml.wss.SubjectAccessor;
import com.sun.xml.wss.impl.callback.PasswordValidationCallback;
import io.github.wcf4j.peers.BoundedCalls;
import io.github.wcf4j.peers.CalculatorService;
import io.github.wcf4j.peers.Cli;
import io.github.wcf4j.peers.ICalculator;
import io.github.wcf4j.peers.Load;
import jakarta.annotation.Resource;
import jakarta.jws.WebService;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.Endpoint;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.soap.SOAPBinding;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.security.auth.Subject;
import javax.xml.namespace.QName;
import javax.xml.transform.stream.StreamSource;

/**
 * Eclipse Metro (WSIT) with WS-Security as WCF's message security asks for it, for wcf4j interop tests. Metro is
 * driven by the WS-SecurityPolicy in a WSDL, never by code: the server publishes the WSDL wcf4j exports for the same
 * binding (fetched from {@code --wsdl}, its address rewritten, Metro's own key-store and validator assertions added
 * to the endpoint policy); the client is built from the service's {@code ?wsdl} alone, plus a
 * {@code META-INF/wsit-client.xml} that says only where the service's certificate is (Metro's client configuration,
 * merged with the WSDL's policy by port). Run as its own JVM:
 * <pre>
 * server --wsdl URL (wcf4j's ?singleWsdl) --service {ns}name --port {ns}name --address http://127.0.0.1:PORT/path
 *        --keystore P12 --password PW [--user NAME --pass PW (the one accepted user)]
 *        [--truststore P12 (the client certificates it trusts, the certificate modes)] [--ssl-trust P12] [--dump]
 * client --wsdl URL --service {ns}name --port {ns}name --service-cert P12 --password PW --calls "Add 1 2;..."
 *        [--user NAME --pass PW] [--keystore P12 (the client's key pair, the certificate modes)] [--no-close]
 *        [--ssl-trust P12] [--dump]
 * bench  (server's options) --service-cert P12 [--client-keystore P12] --sessions N [--warmup-ms N] [--window-ms N]
 *        [--rounds N]   (then GO URL on stdin)
 * </pre>
 * {@code bench}: the benchmarks' process protocol ({@link Load}): the server as {@code server} publishes it (a
 * calculator that prints no caller), then {@code --sessions} clients in the same JVM built from its {@code ?wsdl}
 * (each proxy its own security session, and its own reliable sequence when the policy asks for one), calling as
 * {@code --client-keystore}'s certificate (the certificate modes) or as {@code --user}.
 * With {@code --krb5 FILE --principal P --keytab FILE} (and the client's {@code --spn}), Metro's
 * {@code sc:KerberosConfig} runs WCF's Kerberos token profile against the test's KDC; then no key store is needed.
 * An {@code https} server address serves over TLS with the {@code --keystore} key pair; {@code --ssl-trust} is the
 * PKCS#12 trust store of this JVM's TLS (the WSDL's fetch, the client's calls).
 * The server prints {@code CALLER n names} on the protocol stream for every invocation (n counts them; names are the
 * principals of the requester's subject as Metro established it, {@code anonymous} when none).
 */
public final class MetroSecurityPeer {
    private static final String SERVER_CONFIG = "http://schemas.sun.com/2006/03/wss/server";
    private static final String CLIENT_CONFIG = "http://schemas.sun.com/2006/03/wss/client";
    private static final String WSPP = "http://java.sun.com/xml/ns/wsit/policy";

    private static volatile String acceptedUser;
    private static volatile String acceptedPassword;
    private static volatile PrintStream protocol;

    private MetroSecurityPeer() {
    }

    public static void main(String[] args) {
        int rc = Cli.main(args, Set.of("dump", "no-close"), (cli, out) -> {
            if (cli.flag("dump")) {
                MetroPeer.enableDump();
            }
            String sslTrust = cli.get("ssl-trust", null);
            if (sslTrust != null) {
                // HTTPS: the certificates this JVM's TLS trusts (the WSDL's fetch, the client's calls)
                System.setProperty("javax.net.ssl.trustStore", sslTrust);
                System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
                System.setProperty("javax.net.ssl.trustStorePassword", cli.require("password"));
            }
            return switch (cli.mode()) {
                case "server" -> server(cli, out);
                case "client" -> client(cli, out);
                case "bench" -> bench(cli, out);
                default -> throw new IllegalArgumentException("unknown mode " + cli.mode()
                        + " (expected server, client, bench)");
            };
        });
        Runtime.getRuntime().halt(rc);
    }

    static final String JAAS_ENTRY = "wcf4j";

    /**
     * With {@code --krb5 FILE --principal P --keytab FILE}: the test KDC's configuration and a JAAS entry
     * ({@value #JAAS_ENTRY}) logging {@code P} in from its keytab, for Metro's {@code sc:KerberosConfig}.
     */
    private static boolean kerberosLogin(Cli cli, boolean initiator) {
        String krb5 = cli.get("krb5", null);
        if (krb5 == null) {
            return false;
        }
        System.setProperty("java.security.krb5.conf", krb5);
        System.setProperty("javax.security.auth.useSubjectCredsOnly", "true");
        Map<String, String> options = new java.util.HashMap<>();
        options.put("useKeyTab", "true");
        options.put("keyTab", cli.require("keytab"));
        options.put("principal", cli.require("principal"));
        options.put("storeKey", "true");
        options.put("doNotPrompt", "true");
        options.put("isInitiator", Boolean.toString(initiator));
        javax.security.auth.login.AppConfigurationEntry entry = new javax.security.auth.login.AppConfigurationEntry(
                "com.sun.security.auth.module.Krb5LoginModule",
                javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options);
        javax.security.auth.login.Configuration.setConfiguration(new javax.security.auth.login.Configuration() {
            @Override
            public javax.security.auth.login.AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new javax.security.auth.login.AppConfigurationEntry[] {entry};
            }
        });
        return true;
    }

    // ------------------------------------------------------------------ server

    /** A published calculator: its real address, and how to stop it. */
    private record Published(String address, Runnable stop) {
    }

    private static int server(Cli cli, PrintStream out) throws Exception {
        Published p = publish(cli, out, new SecuredCalculator());
        out.println("READY " + p.address());
        out.flush();
        Cli.awaitStop();
        p.stop().run();
        return 0;
    }

    /** Publishes {@code implementor} as {@code server} describes it. */
    private static Published publish(Cli cli, PrintStream out, Object implementor) throws Exception {
        protocol = out;
        acceptedUser = cli.get("user", null);
        acceptedPassword = cli.get("pass", null);
        QName service = QName.valueOf(cli.require("service"));
        QName port = QName.valueOf(cli.require("port"));
        URI uri = URI.create(cli.require("address"));
        boolean kerberos = kerberosLogin(cli, false);
        String keystore = kerberos ? cli.get("keystore", null) : cli.require("keystore");
        String password = cli.get("password", "");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        String alias = null;
        if (keystore != null) {
            try (InputStream in = Files.newInputStream(Path.of(keystore))) {
                ks.load(in, password.toCharArray());
            }
            alias = ks.aliases().nextElement();
        }

        InetSocketAddress bind = new InetSocketAddress(uri.getHost(), Math.max(uri.getPort(), 0));
        HttpServer http;
        if ("https".equals(uri.getScheme())) {
            // TLS with the service's key pair (the transport modes: UserNameOverTransport, CertificateOverTransport)
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password.toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(kmf.getKeyManagers(), null, null);
            HttpsServer https = HttpsServer.create(bind, 64);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            http = https;
        } else {
            http = HttpServer.create(bind, 64);
        }
        String address = new URI(uri.getScheme(), null, uri.getHost(), http.getAddress().getPort(), uri.getPath(),
                null, null).toString();
        String wsdl = fetch(cli.require("wsdl"));
        wsdl = rewriteAddress(wsdl, address);
        String config = (keystore == null ? "" : "<sc:KeyStore xmlns:sc=\"" + SERVER_CONFIG + "\" xmlns:wspp=\"" + WSPP
                + "\" wspp:visibility=\"private\" location=\"" + keystore + "\" type=\"PKCS12\" storepass=\""
                + password + "\" alias=\"" + alias + "\"/>")
                + (kerberos ? "<sc:KerberosConfig xmlns:sc=\"" + SERVER_CONFIG + "\" xmlns:wspp=\"" + WSPP
                        + "\" wspp:visibility=\"private\" loginModule=\"" + JAAS_ENTRY + "\"/>" : "")
                + "<sc:ValidatorConfiguration xmlns:sc=\"" + SERVER_CONFIG + "\" xmlns:wspp=\"" + WSPP
                + "\" wspp:visibility=\"private\"><sc:Validator name=\"usernameValidator\" classname=\""
                + Passwords.class.getName() + "\"/></sc:ValidatorConfiguration>";
        String truststore = cli.get("truststore", null);
        if (truststore != null) {
            config += "<sc:TrustStore xmlns:sc=\"" + SERVER_CONFIG + "\" xmlns:wspp=\"" + WSPP
                    + "\" wspp:visibility=\"private\" location=\"" + truststore + "\" type=\"PKCS12\" storepass=\""
                    + password + "\"/>";
        }
        wsdl = addToEndpointPolicy(wsdl, port.getLocalPart(), config);
        System.err.println("# metro security server WSDL:\n" + wsdl);

        Endpoint ep = Endpoint.create(implementor, new FastInfosetFeature(false));
        ep.setMetadata(List.of(new StreamSource(new StringReader(wsdl), "http://wcf4j.invalid/calculator.wsdl")));
        ep.setProperties(Map.of(Endpoint.WSDL_SERVICE, service, Endpoint.WSDL_PORT, port));
        ExecutorService pool = Executors.newCachedThreadPool();
        http.setExecutor(pool);
        ep.publish(http.createContext(uri.getPath().isEmpty() ? "/" : uri.getPath()));
        http.start();
        return new Published(address, () -> {
            ep.stop();
            http.stop(0);
            pool.shutdownNow();
        });
    }

    // ------------------------------------------------------------------ bench

    private static int bench(Cli cli, PrintStream out) throws Exception {
        Published p = publish(cli, out, new CalculatorService());
        out.println("READY " + p.address());
        out.flush();
        String target = Load.awaitGo();
        QName service = QName.valueOf(cli.require("service"));
        QName port = QName.valueOf(cli.require("port"));
        String password = cli.get("password", "");
        String serviceCert = cli.require("service-cert");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(serviceCert))) {
            ks.load(in, password.toCharArray());
        }
        String clientKeys = "";
        String keystore = cli.get("client-keystore", null);
        if (keystore != null) {
            KeyStore own = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(Path.of(keystore))) {
                own.load(in, password.toCharArray());
            }
            clientKeys = "    <sc:KeyStore wspp:visibility=\"private\" location=\"" + keystore + "\" type=\"PKCS12\""
                    + " storepass=\"" + password + "\" alias=\"" + own.aliases().nextElement() + "\"/>\n";
        }
        Path dir = Files.createTempDirectory("metro-bench-client");
        Files.createDirectories(dir.resolve("META-INF"));
        Files.writeString(dir.resolve("META-INF/wsit-client.xml"), clientConfig(service, port, serviceCert, password,
                ks.aliases().nextElement(), clientKeys));
        Files.writeString(dir.resolve("META-INF/wsit-client-contract.xml"), contract());
        Thread.currentThread().setContextClassLoader(new URLClassLoader(new URL[] {dir.toUri().toURL()},
                MetroSecurityPeer.class.getClassLoader()));
        Load.Plan plan = Load.Plan.of(cli);
        Service s = Service.create(new URL(p.address() + "?wsdl"), service);
        List<Load.Call> clients = new ArrayList<>();
        for (int i = 0; i < plan.sessions(); i++) {
            ICalculator calc = s.getPort(port, ICalculator.class, new FastInfosetFeature(false));
            Map<String, Object> rc = ((BindingProvider) calc).getRequestContext();
            rc.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, target);
            String user = cli.get("user", null);
            if (user != null) {
                rc.put(BindingProvider.USERNAME_PROPERTY, user);
                rc.put(BindingProvider.PASSWORD_PROPERTY, cli.require("pass"));
            }
            rc.put("com.sun.xml.ws.request.timeout", 30_000);
            rc.put("com.sun.xml.ws.connect.timeout", 30_000);
            clients.add(() -> calc.add(100, 15.99));
        }
        Load.run(plan, clients, out);
        int open = Integer.parseInt(cli.get("open-sessions", "0"));
        if (open > 0) {
            openCost(s, port, target, open, out);
        }
        p.stop().run();
        return 0;
    }

    /**
     * As the wcf4j system's {@code --open-sessions}: {@code channels} new proxies one after another, each one's first
     * call (which opens its security session, and its sequence) and three later calls timed, the proxy left open;
     * prints {@code OPEN {json}} with the medians in microseconds.
     */
    private static void openCost(Service s, QName port, String target, int channels, PrintStream out)
            throws Exception {
        double[] first = new double[channels];
        double[] later = new double[channels];
        double[] open = new double[channels];
        for (int i = 0; i < channels; i++) {
            ICalculator calc = s.getPort(port, ICalculator.class, new FastInfosetFeature(false));
            ((BindingProvider) calc).getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, target);
            first[i] = timed(calc);
            double[] l = {timed(calc), timed(calc), timed(calc)};
            java.util.Arrays.sort(l);
            later[i] = l[1];
            open[i] = first[i] - later[i];
            // left open: closing a reliable proxy waits for Metro RM's 3 s timeouts (WSRM1157, WSRM1112) each time
        }
        out.println(String.format(java.util.Locale.ROOT, "OPEN {\"channels\":%d,\"firstMicros\":%.1f,"
                + "\"laterMicros\":%.1f,\"openMicros\":%.1f}", channels, median(first), median(later), median(open)));
        out.flush();
    }

    private static double timed(ICalculator calc) {
        long start = System.nanoTime();
        calc.add(100, 15.99);
        return (System.nanoTime() - start) / 1e3;
    }

    private static double median(double[] xs) {
        double[] c = xs.clone();
        java.util.Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }

    private static String fetch(String url) throws Exception {
        try (InputStream in = new URL(url).openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Every {@code location}/{@code wsa:Address} of the WSDL's ports becomes the Metro service's own address. */
    static String rewriteAddress(String wsdl, String address) {
        String s = wsdl.replaceAll("(<soap12:address location=\")[^\"]*\"", "$1" + Matcher.quoteReplacement(address)
                + "\"");
        return s.replaceAll("(<wsa10:Address>)[^<]*(</wsa10:Address>)", "$1" + Matcher.quoteReplacement(address)
                + "$2");
    }

    /** Adds {@code assertions} to the endpoint policy ({@code <port>_policy}) of the WSDL. */
    static String addToEndpointPolicy(String wsdl, String port, String assertions) {
        Matcher m = Pattern.compile("<wsp:Policy wsu:Id=\"" + Pattern.quote(port) + "_policy\">\\s*<wsp:ExactlyOne>"
                + "\\s*<wsp:All>").matcher(wsdl);
        if (!m.find()) {
            throw new IllegalArgumentException("no endpoint policy " + port + "_policy in the WSDL:\n" + wsdl);
        }
        return wsdl.substring(0, m.end()) + assertions + wsdl.substring(m.end());
    }

    /** The calculator, printing who called each operation as Metro's security established it. */
    @WebService(endpointInterface = "io.github.wcf4j.peers.ICalculator", targetNamespace = ICalculator.NS,
            serviceName = "CalculatorService", portName = "CustomBinding_ICalculator")
    @BindingType(SOAPBinding.SOAP12HTTP_BINDING)
    public static class SecuredCalculator extends CalculatorService {
        private static final AtomicInteger INVOCATIONS = new AtomicInteger();
        @Resource
        private WebServiceContext context;

        private double caller(double result) {
            Set<String> names = new TreeSet<>();
            try {
                Subject subject = SubjectAccessor.getRequesterSubject(context);
                if (subject != null) {
                    for (Principal p : subject.getPrincipals()) {
                        names.add(p.getName());
                    }
                }
            } catch (Exception e) {
                names.add("unknown(" + e + ")");
            }
            protocol.println("CALLER " + INVOCATIONS.incrementAndGet() + " "
                    + (names.isEmpty() ? "anonymous" : String.join(",", names)));
            protocol.flush();
            return result;
        }

        @Override
        public double add(double n1, double n2) {
            return caller(super.add(n1, n2));
        }

        @Override
        public double subtract(double n1, double n2) {
            return caller(super.subtract(n1, n2));
        }

        @Override
        public double multiply(double n1, double n2) {
            return caller(super.multiply(n1, n2));
        }

        @Override
        public double divide(double n1, double n2) {
            return caller(super.divide(n1, n2));
        }
    }

    /** Metro's user-name validator: accepts the one user the server was given. */
    public static final class Passwords implements PasswordValidationCallback.PasswordValidator {
        @Override
        public boolean validate(PasswordValidationCallback.Request request) {
            if (!(request instanceof PasswordValidationCallback.PlainTextPasswordRequest plain)) {
                return false;
            }
            boolean ok = plain.getUsername().equals(acceptedUser) && plain.getPassword().equals(acceptedPassword);
            System.err.println("# validated " + plain.getUsername() + ": " + ok);
            return ok;
        }
    }

    // ------------------------------------------------------------------ client

    private static int client(Cli cli, PrintStream out) throws Exception {
        QName service = QName.valueOf(cli.require("service"));
        QName port = QName.valueOf(cli.require("port"));
        boolean kerberos = kerberosLogin(cli, true);
        String serviceCert = kerberos ? cli.get("service-cert", null) : cli.require("service-cert");
        String password = cli.get("password", "");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        String serviceAlias = null;
        if (serviceCert != null) {
            try (InputStream in = Files.newInputStream(Path.of(serviceCert))) {
                ks.load(in, password.toCharArray());
            }
            serviceAlias = ks.aliases().nextElement();
        }
        // Metro's client configuration: where the service's certificate is, nothing about security itself
        Path dir = Files.createTempDirectory("metro-client");
        Files.createDirectories(dir.resolve("META-INF"));
        String keystore = cli.get("keystore", null);
        String clientKeys = "";
        if (keystore != null) {
            KeyStore own = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(Path.of(keystore))) {
                own.load(in, password.toCharArray());
            }
            clientKeys = "    <sc:KeyStore wspp:visibility=\"private\" location=\"" + keystore + "\" type=\"PKCS12\""
                    + " storepass=\"" + password + "\" alias=\"" + own.aliases().nextElement() + "\"/>\n";
        }
        if (kerberos) {
            clientKeys += "    <sc:KerberosConfig wspp:visibility=\"private\" loginModule=\"" + JAAS_ENTRY
                    + "\" servicePrincipal=\"" + cli.require("spn") + "\"/>\n";
        }
        Files.writeString(dir.resolve("META-INF/wsit-client.xml"), clientConfig(service, port, serviceCert, password,
                serviceAlias, clientKeys));
        Files.writeString(dir.resolve("META-INF/wsit-client-contract.xml"), contract());
        ClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                MetroSecurityPeer.class.getClassLoader());
        Thread.currentThread().setContextClassLoader(loader);

        if (cli.flag("dump")) {
            System.err.println("# the service's WSDL:\n" + fetch(cli.require("wsdl")));
        }
        Service s = Service.create(new URL(cli.require("wsdl")), service);
        ICalculator calc = s.getPort(port, ICalculator.class, new FastInfosetFeature(false));
        Map<String, Object> rc = ((BindingProvider) calc).getRequestContext();
        String user = cli.get("user", null);
        if (user != null) {
            rc.put(BindingProvider.USERNAME_PROPERTY, user);
            rc.put(BindingProvider.PASSWORD_PROPERTY, cli.require("pass"));
        }
        rc.put("com.sun.xml.ws.request.timeout", 30_000);
        rc.put("com.sun.xml.ws.connect.timeout", 30_000);
        BoundedCalls calling = new BoundedCalls("metro-security-client-call", 60_000);
        calling.run(calc, Cli.parseCalls(cli.require("calls")), out);
        if (!cli.flag("no-close")) {
            // a security session's proxy cancels its context token when closed
            calling.closing(() -> {
                ((com.sun.xml.ws.Closeable) calc).close();
                return null;
            }, "close");
        }
        out.println("DONE");
        return 0;
    }

    /** The port type the client configuration's binding names (its own document: another namespace). */
    static String contract() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<wsdl:definitions targetNamespace=\"" + ICalculator.NS + "\""
                + " xmlns:wsdl=\"http://schemas.xmlsoap.org/wsdl/\">\n"
                + "  <wsdl:portType name=\"ICalculator\"/>\n"
                + "</wsdl:definitions>\n";
    }

    /**
     * Metro's {@code wsit-client.xml}: a WSDL whose port, named as the service's, carries the private client
     * assertions (Metro merges them with the service WSDL's policy for that port).
     */
    static String clientConfig(QName service, QName port, String trustStore, String password, String alias,
            String clientKeys) {
        String ns = service.getNamespaceURI();
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<wsdl:definitions targetNamespace=\"" + ns + "\" xmlns:tns=\"" + ns + "\""
                + " xmlns:wsdl=\"http://schemas.xmlsoap.org/wsdl/\""
                + " xmlns:soap12=\"http://schemas.xmlsoap.org/wsdl/soap12/\""
                + " xmlns:wsp=\"http://schemas.xmlsoap.org/ws/2004/09/policy\""
                + " xmlns:wsu=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd\""
                + " xmlns:sc=\"" + CLIENT_CONFIG + "\" xmlns:wspp=\"" + WSPP + "\""
                + " xmlns:i=\"" + ICalculator.NS + "\">\n"
                + "  <wsdl:import namespace=\"" + ICalculator.NS + "\" location=\"wsit-client-contract.xml\"/>\n"
                + "  <wsp:Policy wsu:Id=\"ClientKeystorePolicy\"><wsp:ExactlyOne><wsp:All>\n"
                + (trustStore == null ? "" : "    <sc:TrustStore wspp:visibility=\"private\" location=\"" + trustStore
                        + "\" type=\"PKCS12\" storepass=\"" + password + "\" peeralias=\"" + alias + "\"/>\n")
                + clientKeys
                + "  </wsp:All></wsp:ExactlyOne></wsp:Policy>\n"
                + "  <wsdl:binding name=\"" + port.getLocalPart() + "\" type=\"i:ICalculator\">\n"
                + "    <wsp:PolicyReference URI=\"#ClientKeystorePolicy\"/>\n"
                + "    <soap12:binding transport=\"http://schemas.xmlsoap.org/soap/http\"/>\n"
                + "  </wsdl:binding>\n"
                + "  <wsdl:service name=\"" + service.getLocalPart() + "\">\n"
                + "    <wsdl:port name=\"" + port.getLocalPart() + "\" binding=\"tns:" + port.getLocalPart() + "\">\n"
                + "      <soap12:address location=\"http://wcf4j.invalid/\"/>\n"
                + "    </wsdl:port>\n"
                + "  </wsdl:service>\n"
                + "</wsdl:definitions>\n";
    }
}
