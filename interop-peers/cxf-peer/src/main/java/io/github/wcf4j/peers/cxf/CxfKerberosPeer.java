package io.github.wcf4j.peers.cxf;

import io.github.wcf4j.peers.BoundedCalls;
import io.github.wcf4j.peers.CalculatorService;
import io.github.wcf4j.peers.Cli;
import io.github.wcf4j.peers.ICalculator;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.xml.namespace.QName;
import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.wss4j.dom.validate.KerberosTokenValidator;

/**
 * Apache CXF with WCF's Kerberos token profile ({@code authenticationMode="Kerberos"}: {@code sp:KerberosToken}
 * {@code WssGssKerberosV5ApReqToken11} as the protection token of a symmetric binding), configured by the policy of
 * a WSDL wcf4j exports, against the test's KDC: its {@code krb5.conf}, a principal and its keytab are given, and the
 * JAAS entry {@code wcf4j} logs in with them. Run as its own JVM:
 * <pre>
 * server --wsdl URL --service {ns}name --port {ns}name --address http://127.0.0.1:PORT/path
 *        --krb5 FILE --principal host/localhost@REALM --keytab FILE [--spn host@localhost (SPNEGO's acceptor)]
 *        [--no-bsp] [--dump]
 * client --wsdl URL --service {ns}name --port {ns}name --address URL --calls "Add 1 2;..."
 *        --krb5 FILE --principal alice@REALM --keytab FILE --spn host/localhost [--no-bsp] [--dump]
 * </pre>
 * The server prints {@code CALLER n name} for every invocation (the ticket's client principal).
 */
public final class CxfKerberosPeer {
    static final String JAAS_ENTRY = "wcf4j";

    private CxfKerberosPeer() {
    }

    public static void main(String[] args) {
        int rc = Cli.main(args, Set.of("dump", "no-bsp"), (cli, out) -> switch (cli.mode()) {
            case "server" -> server(cli, out);
            case "client" -> client(cli, out);
            default -> throw new IllegalArgumentException("unknown mode " + cli.mode() + " (expected server, client)");
        });
        Runtime.getRuntime().halt(rc);
    }

    /** The KDC's configuration and a JAAS entry logging {@code principal} in from {@code keytab}. */
    private static void login(Cli cli, boolean initiator) {
        System.setProperty("java.security.krb5.conf", cli.require("krb5"));
        System.setProperty("javax.security.auth.useSubjectCredsOnly", "true");
        Map<String, String> options = new HashMap<>();
        options.put("useKeyTab", "true");
        options.put("keyTab", cli.require("keytab"));
        options.put("principal", cli.require("principal"));
        options.put("storeKey", "true");
        options.put("doNotPrompt", "true");
        options.put("refreshKrb5Config", "true");
        options.put("isInitiator", Boolean.toString(initiator));
        AppConfigurationEntry entry = new AppConfigurationEntry("com.sun.security.auth.module.Krb5LoginModule",
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options);
        Configuration.setConfiguration(new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[] {entry};
            }
        });
    }

    private static int server(Cli cli, PrintStream out) throws Exception {
        login(cli, false);
        String address = CxfPeer.withPort(cli.require("address"));
        Bus bus = CxfPeer.newBus(cli, 0);
        JaxWsServerFactoryBean sf = new JaxWsServerFactoryBean();
        sf.setBus(bus);
        sf.setWsdlURL(cli.require("wsdl"));
        sf.setServiceClass(CalculatorService.class);
        sf.setServiceBean(new CalculatorService());
        sf.setServiceName(QName.valueOf(cli.require("service")));
        sf.setEndpointName(QName.valueOf(cli.require("port")));
        sf.setAddress(address);
        sf.setBindingConfig(CxfPeer.soap12());
        KerberosTokenValidator validator = new KerberosTokenValidator();
        validator.setContextName(JAAS_ENTRY);
        String principal = cli.require("principal");
        validator.setServiceName(principal.substring(0, principal.indexOf('@')));
        validator.setUsernameServiceNameForm(true);
        Map<String, Object> props = new HashMap<>();
        props.put("ws-security.bst.validator", validator);
        // a SpnegoContextToken bootstrap (CXF's SpnegoContextTokenInInterceptor) accepts with the same login
        props.put("ws-security.kerberos.jaas.context", JAAS_ENTRY);
        String spn = cli.get("spn", null);
        if (spn != null) {
            props.put("ws-security.kerberos.spn", spn);
        }
        noBsp(cli, props, bus);
        sf.setProperties(props);
        sf.getInInterceptors().add(new CxfSymmetricSecurityPeer.CallerInterceptor(out));
        Server server = sf.create();
        out.println("READY " + address);
        out.flush();
        Cli.awaitStop();
        server.stop();
        server.destroy();
        bus.shutdown(true);
        return 0;
    }

    private static int client(Cli cli, PrintStream out) throws Exception {
        login(cli, true);
        Bus bus = CxfPeer.newBus(cli, 30_000);
        JaxWsProxyFactoryBean pf = new JaxWsProxyFactoryBean();
        pf.setBus(bus);
        pf.setWsdlURL(cli.require("wsdl"));
        pf.setServiceClass(ICalculator.class);
        pf.setServiceName(QName.valueOf(cli.require("service")));
        pf.setEndpointName(QName.valueOf(cli.require("port")));
        pf.setAddress(cli.require("address"));
        pf.setBindingConfig(CxfPeer.soap12());
        Map<String, Object> props = new HashMap<>();
        props.put("ws-security.kerberos.jaas.context", JAAS_ENTRY);
        props.put("ws-security.kerberos.spn", cli.require("spn"));
        props.put("ws-security.kerberos.is.username.in.servicename.form", "true");
        noBsp(cli, props, bus);
        pf.setProperties(props);
        ICalculator calc = (ICalculator) pf.create();
        new BoundedCalls("cxf-kerberos-client-call", 30_000).run(calc, Cli.parseCalls(cli.require("calls")), out);
        bus.shutdown(true);
        out.println("DONE");
        return 0;
    }

    private static void noBsp(Cli cli, Map<String, Object> props, Bus bus) {
        if (cli.flag("no-bsp")) {
            props.put("security.is-bsp-compliant", "false");
            props.put("isBSPCompliant", "false");
            bus.setProperty("security.is-bsp-compliant", "false");
            bus.setProperty("isBSPCompliant", "false");
        }
    }
}
