package io.github.wcf4j.peers.cxf;

import io.github.wcf4j.peers.BoundedCalls;
import io.github.wcf4j.peers.CalculatorService;
import io.github.wcf4j.peers.Cli;
import io.github.wcf4j.peers.ICalculator;
import io.github.wcf4j.peers.Load;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.cxf.Bus;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.configuration.jsse.TLSServerParameters;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.apache.cxf.ws.policy.WSPolicyFeature;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.w3c.dom.Element;

/**
 * Apache CXF with WS-Security as WCF's {@code TransportSecurityBindingElement} asks for it, for wcf4j interop tests:
 * the calculator over HTTPS (SOAP 1.2, WS-Addressing 1.0) with the WS-SecurityPolicy 1.1 policy WCF exports for
 * {@code UserNameOverTransport} ({@code sp:TransportBinding} + {@code sp:SignedSupportingTokens/UsernameToken}) or
 * {@code CertificateOverTransport} ({@code sp:EndorsingSupportingTokens/X509Token} with {@code sp:SignedParts/To}),
 * enforced by CXF's WSS4J
 * interceptors. Run as its own JVM:
 * <pre>
 * server --auth username|certificate --address https://127.0.0.1:PORT/path --keystore P12 --password PW
 *        [--trust P12 (client certificates trusted)] [--user NAME --pass PW (the one accepted user)]
 *        [--no-bsp (accept references without the Basic Security Profile's ValueType, as WCF's non-BSP
 *        messageSecurityVersions write them; WSS4J enforces BSP by default)]
 * client --auth username|certificate --address URL --trust P12 --password PW --calls "Add 1 2;..."
 *        [--user NAME --pass PW | --keystore P12 (client certificate)] [--dump]
 * bench  --auth username|none --address https://127.0.0.1:0/path --keystore P12 --password PW
 *        --sessions N [--warmup-ms N] [--window-ms N] [--rounds N]   (then GO URL on stdin)
 * </pre>
 * {@code bench}: the server and {@code --sessions} client proxies on one bus under {@link Load}'s load (the
 * benchmarks' process protocol); the one user is {@value #BENCH_USER} with the key store's password, the clients
 * trust the key store's certificate; {@code --auth none} is plain HTTPS, without WS-Security.
 */
public final class CxfSecurityPeer {
    private static final String SP = "http://schemas.xmlsoap.org/ws/2005/07/securitypolicy";
    private static final String WSP = "http://schemas.xmlsoap.org/ws/2004/09/policy";
    static final String BENCH_USER = "bench";

    private CxfSecurityPeer() {
    }

    public static void main(String[] args) {
        int rc = Cli.main(args, Set.of("dump", "no-bsp"), (cli, out) -> switch (cli.mode()) {
            case "server" -> server(cli, out);
            case "client" -> client(cli, out);
            case "bench" -> bench(cli, out);
            default -> throw new IllegalArgumentException("unknown mode " + cli.mode()
                    + " (expected server, client, bench)");
        });
        Runtime.getRuntime().halt(rc);
    }

    /** The endpoint policy WCF exports for the mode (WS-SecurityPolicy 1.1, WCF's default messageSecurityVersion). */
    static Element policy(String auth) throws Exception {
        String supporting = auth.equals("certificate")
                ? "<sp:EndorsingSupportingTokens><wsp:Policy><sp:X509Token sp:IncludeToken=\"" + SP
                        + "/IncludeToken/AlwaysToRecipient\"><wsp:Policy><sp:RequireThumbprintReference/>"
                        + "<sp:WssX509V3Token10/></wsp:Policy></sp:X509Token>"
                        // WCF's endorsing signature over a transport covers the To header too (ShouldSignToHeader)
                        + "<sp:SignedParts><sp:Header Name=\"To\" Namespace=\"http://www.w3.org/2005/08/addressing\"/>"
                        + "</sp:SignedParts></wsp:Policy></sp:EndorsingSupportingTokens>"
                : "<sp:SignedSupportingTokens><wsp:Policy><sp:UsernameToken sp:IncludeToken=\"" + SP
                        + "/IncludeToken/AlwaysToRecipient\"><wsp:Policy><sp:WssUsernameToken10/></wsp:Policy>"
                        + "</sp:UsernameToken></wsp:Policy></sp:SignedSupportingTokens>";
        String xml = "<wsp:Policy xmlns:wsp=\"" + WSP + "\" xmlns:sp=\"" + SP + "\"><wsp:ExactlyOne><wsp:All>"
                + "<sp:TransportBinding><wsp:Policy><sp:TransportToken><wsp:Policy>"
                + "<sp:HttpsToken RequireClientCertificate=\"false\"/></wsp:Policy></sp:TransportToken>"
                + "<sp:AlgorithmSuite><wsp:Policy><sp:Basic256/></wsp:Policy></sp:AlgorithmSuite>"
                + "<sp:Layout><wsp:Policy><sp:Strict/></wsp:Policy></sp:Layout><sp:IncludeTimestamp/>"
                + "</wsp:Policy></sp:TransportBinding>" + supporting
                + "<sp:Wss11><wsp:Policy><sp:MustSupportRefKeyIdentifier/><sp:MustSupportRefIssuerSerial/>"
                + "<sp:MustSupportRefThumbprint/><sp:MustSupportRefEncryptedKey/></wsp:Policy></sp:Wss11>"
                + "</wsp:All></wsp:ExactlyOne></wsp:Policy>";
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }

    private static WSPolicyFeature policyFeature(String auth) throws Exception {
        WSPolicyFeature feature = new WSPolicyFeature();
        feature.setPolicyElements(List.of(policy(auth)));
        return feature;
    }

    static KeyStore load(String file, char[] password) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            ks.load(in, password);
        }
        return ks;
    }

    /** WSS4J's Merlin crypto over a PKCS#12 file, as a key store or a trust store. */
    static Properties merlin(String file, String password, boolean keyStore) {
        Properties p = new Properties();
        p.put("org.apache.wss4j.crypto.provider", "org.apache.wss4j.common.crypto.Merlin");
        String kind = keyStore ? "keystore" : "truststore";
        p.put("org.apache.wss4j.crypto.merlin." + kind + ".file", file);
        p.put("org.apache.wss4j.crypto.merlin." + kind + ".password", password);
        p.put("org.apache.wss4j.crypto.merlin." + kind + ".type", "PKCS12");
        return p;
    }

    static CallbackHandler passwords(Map<String, String> known) {
        return callbacks -> {
            for (Callback c : callbacks) {
                if (c instanceof WSPasswordCallback pc) {
                    pc.setPassword(known.get(pc.getIdentifier()));
                }
            }
        };
    }

    private static int server(Cli cli, PrintStream out) throws Exception {
        String address = CxfPeer.withPort(cli.require("address"));
        Bus bus = CxfPeer.newBus(cli, 0);
        boolean users = cli.require("auth").equals("username");
        Server server = serve(cli, bus, address, users ? cli.require("user") : null,
                users ? cli.require("pass") : null);
        out.println("READY " + address);
        out.flush();
        Cli.awaitStop();
        server.stop();
        server.destroy();
        bus.shutdown(true);
        return 0;
    }

    /** The calculator at {@code address} on {@code bus}, secured by {@code --auth} (or only HTTPS for none). */
    private static Server serve(Cli cli, Bus bus, String address, String user, String pass) throws Exception {
        String auth = cli.require("auth");
        char[] password = cli.require("password").toCharArray();
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(cli.require("keystore"), password), password);
        TLSServerParameters tls = new TLSServerParameters();
        tls.setKeyManagers(kmf.getKeyManagers());
        bus.getExtension(JettyHTTPServerEngineFactory.class)
                .setTLSServerParametersForPort(URI.create(address).getPort(), tls);

        JaxWsServerFactoryBean sf = new JaxWsServerFactoryBean();
        sf.setBus(bus);
        sf.setServiceClass(CalculatorService.class);
        sf.setServiceBean(new CalculatorService());
        sf.setServiceName(CxfPeer.SERVICE);
        sf.setEndpointName(CxfPeer.PORT);
        sf.setAddress(address);
        sf.setBindingConfig(CxfPeer.soap12());
        sf.setFeatures(auth.equals("none") ? List.of(new WSAddressingFeature())
                : List.of(new WSAddressingFeature(), policyFeature(auth)));
        Map<String, Object> props = new HashMap<>();
        if (auth.equals("certificate")) {
            props.put("security.signature.properties", merlin(cli.require("trust"), cli.require("password"), false));
        } else if (auth.equals("username")) {
            props.put("security.callback-handler", passwords(Map.of(user, pass)));
        }
        if (cli.flag("no-bsp")) {
            // CXF's name, and the WSS4J configuration name its in-interceptor reads
            props.put("security.is-bsp-compliant", "false");
            props.put("isBSPCompliant", "false");
        }
        sf.setProperties(props);
        return sf.create();
    }

    private static int bench(Cli cli, PrintStream out) throws Exception {
        String password = cli.require("password");
        String address = CxfPeer.withPort(cli.require("address"));
        Bus bus = CxfPeer.newBus(cli, 30_000);
        Server server = serve(cli, bus, address, BENCH_USER, password);
        out.println("READY " + address);
        out.flush();
        String target = Load.awaitGo();
        Load.Plan plan = Load.Plan.of(cli);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load(cli.require("keystore"), password.toCharArray()));
        List<Load.Call> clients = new ArrayList<>();
        for (int i = 0; i < plan.sessions(); i++) {
            ICalculator calc = benchClient(cli.require("auth"), bus, target, password, tmf);
            clients.add(() -> calc.add(100, 15.99));
        }
        Load.run(plan, clients, out);
        server.stop();
        return 0;
    }

    /** A proxy as {@code client} makes one, with the bench user (or none) and trusting {@code tmf}'s certificates. */
    private static ICalculator benchClient(String auth, Bus bus, String address, String password,
            TrustManagerFactory tmf) throws Exception {
        JaxWsProxyFactoryBean pf = new JaxWsProxyFactoryBean();
        pf.setBus(bus);
        pf.setServiceClass(ICalculator.class);
        pf.setServiceName(CxfPeer.SERVICE);
        pf.setEndpointName(CxfPeer.PORT);
        pf.setAddress(address);
        pf.setBindingConfig(CxfPeer.soap12());
        if (auth.equals("username")) {
            pf.setFeatures(List.of(new WSAddressingFeature(), policyFeature(auth)));
            pf.setProperties(new HashMap<>(Map.of("security.username", BENCH_USER, "security.password", password)));
        } else {
            pf.setFeatures(List.of(new WSAddressingFeature()));
        }
        ICalculator calc = (ICalculator) pf.create();
        TLSClientParameters tls = new TLSClientParameters();
        tls.setTrustManagers(tmf.getTrustManagers());
        tls.setDisableCNCheck(true);
        ((HTTPConduit) ClientProxy.getClient(calc).getConduit()).setTlsClientParameters(tls);
        return calc;
    }

    private static int client(Cli cli, PrintStream out) throws Exception {
        String auth = cli.require("auth");
        String password = cli.require("password");
        Bus bus = CxfPeer.newBus(cli, 30_000);
        JaxWsProxyFactoryBean pf = new JaxWsProxyFactoryBean();
        pf.setBus(bus);
        pf.setServiceClass(ICalculator.class);
        pf.setServiceName(CxfPeer.SERVICE);
        pf.setEndpointName(CxfPeer.PORT);
        pf.setAddress(cli.require("address"));
        pf.setBindingConfig(CxfPeer.soap12());
        pf.setFeatures(List.of(new WSAddressingFeature(), policyFeature(auth)));
        Map<String, Object> props = new HashMap<>();
        if (auth.equals("certificate")) {
            String keystore = cli.require("keystore");
            KeyStore ks = load(keystore, password.toCharArray());
            String alias = ks.aliases().nextElement();
            props.put("security.signature.properties", merlin(keystore, password, true));
            props.put("security.signature.username", alias);
            props.put("security.callback-handler", passwords(Map.of(alias, password)));
        } else {
            props.put("security.username", cli.require("user"));
            props.put("security.password", cli.require("pass"));
        }
        pf.setProperties(props);
        ICalculator calc = (ICalculator) pf.create();
        Client client = ClientProxy.getClient(calc);
        HTTPConduit conduit = (HTTPConduit) client.getConduit();
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load(cli.require("trust"), password.toCharArray()));
        TLSClientParameters tls = new TLSClientParameters();
        tls.setTrustManagers(tmf.getTrustManagers());
        tls.setDisableCNCheck(true);
        conduit.setTlsClientParameters(tls);
        new BoundedCalls("cxf-security-client-call", 30_000).run(calc, Cli.parseCalls(cli.require("calls")), out);
        bus.shutdown(true);
        out.println("DONE");
        return 0;
    }
}
