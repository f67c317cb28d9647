package io.github.wcf4j.peers.cxf;

import io.github.wcf4j.peers.BoundedCalls;
import io.github.wcf4j.peers.CalculatorService;
import io.github.wcf4j.peers.Cli;
import io.github.wcf4j.peers.ICalculator;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.apache.cxf.ws.policy.WSPolicyFeature;
import org.w3c.dom.Element;

/**
 * Apache CXF with WS-Security as WCF's asymmetric binding asks for it ({@code MutualCertificate} under a WS-Security
 * 1.0 {@code messageSecurityVersion}), for wcf4j interop tests: the calculator over HTTP (SOAP 1.2, WS-Addressing 1.0)
 * with the WS-SecurityPolicy 1.1 policy WCF exports for it ({@code sp:AsymmetricBinding}: the initiator's
 * {@code X509Token} AlwaysToRecipient, the recipient's Never; Basic256, Strict, timestamp, encrypted signature;
 * {@code sp:Wss10} with key identifier and issuer-serial references), enforced by CXF's WSS4J interceptors. Each side's
 * PKCS#12 file holds its own key pair and the other's certificate (trusted). Run as its own JVM:
 * <pre>
 * server --address http://127.0.0.1:PORT/path --keystore P12 --password PW [--dump]
 * client --address URL --keystore P12 --password PW --service-alias ALIAS --calls "Add 1 2;..." [--dump]
 * </pre>
 * The server encrypts each reply to the certificate that signed the request (WSS4J's {@code useReqSigCert}), as WCF
 * does, and prints {@code CALLER n name} for every invocation (name: the principal WSS4J established).
 */
public final class CxfAsymmetricSecurityPeer {
    private static final String SP = "http://schemas.xmlsoap.org/ws/2005/07/securitypolicy";
    private static final String WSP = "http://schemas.xmlsoap.org/ws/2004/09/policy";

    private CxfAsymmetricSecurityPeer() {
    }

    public static void main(String[] args) {
        int rc = Cli.main(args, Set.of("dump"), (cli, out) -> switch (cli.mode()) {
            case "server" -> server(cli, out);
            case "client" -> client(cli, out);
            default -> throw new IllegalArgumentException("unknown mode " + cli.mode() + " (expected server, client)");
        });
        Runtime.getRuntime().halt(rc);
    }

    /** The endpoint policy WCF exports for MutualCertificate under WS-Security 1.0 (SP 1.1), parts folded in. */
    static Element policy() throws Exception {
        String wsa = "http://www.w3.org/2005/08/addressing";
        StringBuilder headers = new StringBuilder();
        for (String h : List.of("To", "From", "FaultTo", "ReplyTo", "MessageID", "RelatesTo", "Action")) {
            headers.append("<sp:Header Name=\"").append(h).append("\" Namespace=\"").append(wsa).append("\"/>");
        }
        String xml = "<wsp:Policy xmlns:wsp=\"" + WSP + "\" xmlns:sp=\"" + SP + "\"><wsp:ExactlyOne><wsp:All>"
                + "<sp:AsymmetricBinding><wsp:Policy>"
                + "<sp:InitiatorToken><wsp:Policy><sp:X509Token sp:IncludeToken=\"" + SP
                + "/IncludeToken/AlwaysToRecipient\"><wsp:Policy><sp:WssX509V3Token10/></wsp:Policy></sp:X509Token>"
                + "</wsp:Policy></sp:InitiatorToken>"
                + "<sp:RecipientToken><wsp:Policy><sp:X509Token sp:IncludeToken=\"" + SP
                + "/IncludeToken/Never\"><wsp:Policy><sp:WssX509V3Token10/></wsp:Policy></sp:X509Token>"
                + "</wsp:Policy></sp:RecipientToken>"
                + "<sp:AlgorithmSuite><wsp:Policy><sp:Basic256/></wsp:Policy></sp:AlgorithmSuite>"
                + "<sp:Layout><wsp:Policy><sp:Strict/></wsp:Policy></sp:Layout><sp:IncludeTimestamp/>"
                + "<sp:EncryptSignature/><sp:OnlySignEntireHeadersAndBody/>"
                + "</wsp:Policy></sp:AsymmetricBinding>"
                + "<sp:Wss10><wsp:Policy><sp:MustSupportRefKeyIdentifier/><sp:MustSupportRefIssuerSerial/>"
                + "</wsp:Policy></sp:Wss10>"
                + "<sp:SignedParts><sp:Body/>" + headers + "</sp:SignedParts>"
                + "<sp:EncryptedParts><sp:Body/></sp:EncryptedParts>"
                + "</wsp:All></wsp:ExactlyOne></wsp:Policy>";
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }

    private static WSPolicyFeature policyFeature() throws Exception {
        WSPolicyFeature feature = new WSPolicyFeature();
        feature.setPolicyElements(List.of(policy()));
        return feature;
    }

    /** Signing with the own key, verifying and encrypting with the certificates of the same file. */
    private static Map<String, Object> properties(Cli cli, String ownAlias, String encryptTo) {
        String keystore = cli.require("keystore");
        String password = cli.require("password");
        Properties crypto = CxfSecurityPeer.merlin(keystore, password, true);
        Map<String, Object> props = new HashMap<>();
        props.put("security.signature.properties", crypto);
        props.put("security.encryption.properties", crypto);
        props.put("security.signature.username", ownAlias);
        props.put("security.encryption.username", encryptTo);
        props.put("security.callback-handler", CxfSecurityPeer.passwords(Map.of(ownAlias, password)));
        return props;
    }

    private static String ownAlias(Cli cli) throws Exception {
        var ks = CxfSecurityPeer.load(cli.require("keystore"), cli.require("password").toCharArray());
        for (var aliases = ks.aliases(); aliases.hasMoreElements(); ) {
            String alias = aliases.nextElement();
            if (ks.isKeyEntry(alias)) {
                return alias;
            }
        }
        throw new IllegalArgumentException("the key store holds no key pair");
    }

    private static int server(Cli cli, PrintStream out) throws Exception {
        String address = CxfPeer.withPort(cli.require("address"));
        Bus bus = CxfPeer.newBus(cli, 0);
        JaxWsServerFactoryBean sf = new JaxWsServerFactoryBean();
        sf.setBus(bus);
        sf.setServiceClass(CalculatorService.class);
        sf.setServiceBean(new CalculatorService());
        sf.setServiceName(CxfPeer.SERVICE);
        sf.setEndpointName(CxfPeer.PORT);
        sf.setAddress(address);
        sf.setBindingConfig(CxfPeer.soap12());
        sf.setFeatures(List.of(new WSAddressingFeature(), policyFeature()));
        sf.setProperties(properties(cli, ownAlias(cli), "useReqSigCert"));
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
        Bus bus = CxfPeer.newBus(cli, 30_000);
        JaxWsProxyFactoryBean pf = new JaxWsProxyFactoryBean();
        pf.setBus(bus);
        pf.setServiceClass(ICalculator.class);
        pf.setServiceName(CxfPeer.SERVICE);
        pf.setEndpointName(CxfPeer.PORT);
        pf.setAddress(cli.require("address"));
        pf.setBindingConfig(CxfPeer.soap12());
        pf.setFeatures(List.of(new WSAddressingFeature(), policyFeature()));
        pf.setProperties(properties(cli, ownAlias(cli), cli.require("service-alias")));
        ICalculator calc = (ICalculator) pf.create();
        new BoundedCalls("cxf-asymmetric-client-call", 30_000).run(calc, Cli.parseCalls(cli.require("calls")), out);
        bus.shutdown(true);
        out.println("DONE");
        return 0;
    }
}
