package io.github.wcf4j.peers.cxf;

import io.github.wcf4j.peers.BoundedCalls;
import io.github.wcf4j.peers.CalculatorService;
import io.github.wcf4j.peers.Cli;
import io.github.wcf4j.peers.ICalculator;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.security.SecurityContext;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.apache.cxf.ws.policy.WSPolicyFeature;
import org.w3c.dom.Element;

/**
 * Apache CXF with WS-Security as WCF's symmetric X.509 modes ask for it, for wcf4j interop tests: the calculator over
 * HTTP (SOAP 1.2, WS-Addressing 1.0) with the WS-SecurityPolicy 1.1 policy WCF exports for
 * {@code AnonymousForCertificate} and {@code UserNameForCertificate} under its default {@code messageSecurityVersion}
 * ({@code sp:SymmetricBinding} with the service's {@code X509Token}, never included, thumbprint-referenced, derived
 * keys; Basic256, Strict, timestamp, encrypted signature; {@code sp:Wss11} with signature confirmation for
 * AnonymousForCertificate; the caller's {@code UsernameToken} as a signed supporting token for
 * UserNameForCertificate), enforced by CXF's WSS4J interceptors. Run as its own JVM:
 * <pre>
 * server --auth anonymous|username --address http://127.0.0.1:PORT/path --keystore P12 --password PW
 *        [--user NAME --pass PW (the one accepted user)] [--no-bsp] [--dump]
 * client --auth anonymous|username --address URL --service-cert P12 --password PW --calls "Add 1 2;..."
 *        [--user NAME --pass PW] [--no-bsp] [--dump]
 * </pre>
 * The server prints {@code CALLER n name} on the protocol stream for every invocation (n counts them; name is the
 * principal WSS4J established, {@code anonymous} when none).
 */
public final class CxfSymmetricSecurityPeer {
    private static final String SP = "http://schemas.xmlsoap.org/ws/2005/07/securitypolicy";
    private static final String WSP = "http://schemas.xmlsoap.org/ws/2004/09/policy";

    private CxfSymmetricSecurityPeer() {
    }

    public static void main(String[] args) {
        int rc = Cli.main(args, Set.of("dump", "no-bsp"), (cli, out) -> switch (cli.mode()) {
            case "server" -> server(cli, out);
            case "client" -> client(cli, out);
            default -> throw new IllegalArgumentException("unknown mode " + cli.mode() + " (expected server, client)");
        });
        Runtime.getRuntime().halt(rc);
    }

    /**
     * The endpoint policy WCF exports for the mode (WS-SecurityPolicy 1.1, WCF's default messageSecurityVersion),
     * with the operations' SignedParts and EncryptedParts folded in (the same on input and output): the body and
     * WS-Addressing's headers signed, the body encrypted. SP 1.1 has no {@code SignedEncryptedSupportingTokens}: WCF
     * exports the UsernameToken, which it signs and encrypts, as a {@code SignedSupportingTokens} token.
     */
    static Element policy(String auth) throws Exception {
        boolean anonymous = mode(auth);
        String wsa = "http://www.w3.org/2005/08/addressing";
        StringBuilder headers = new StringBuilder();
        for (String h : List.of("To", "From", "FaultTo", "ReplyTo", "MessageID", "RelatesTo", "Action")) {
            headers.append("<sp:Header Name=\"").append(h).append("\" Namespace=\"").append(wsa).append("\"/>");
        }
        String supporting = anonymous ? ""
                : "<sp:SignedSupportingTokens><wsp:Policy><sp:UsernameToken sp:IncludeToken=\"" + SP
                        + "/IncludeToken/AlwaysToRecipient\"><wsp:Policy><sp:WssUsernameToken10/></wsp:Policy>"
                        + "</sp:UsernameToken></wsp:Policy></sp:SignedSupportingTokens>";
        String xml = "<wsp:Policy xmlns:wsp=\"" + WSP + "\" xmlns:sp=\"" + SP + "\"><wsp:ExactlyOne><wsp:All>"
                + "<sp:SymmetricBinding><wsp:Policy><sp:ProtectionToken><wsp:Policy>"
                + "<sp:X509Token sp:IncludeToken=\"" + SP + "/IncludeToken/Never\"><wsp:Policy>"
                + "<sp:RequireDerivedKeys/><sp:RequireThumbprintReference/><sp:WssX509V3Token10/>"
                + "</wsp:Policy></sp:X509Token></wsp:Policy></sp:ProtectionToken>"
                + "<sp:AlgorithmSuite><wsp:Policy><sp:Basic256/></wsp:Policy></sp:AlgorithmSuite>"
                + "<sp:Layout><wsp:Policy><sp:Strict/></wsp:Policy></sp:Layout><sp:IncludeTimestamp/>"
                + "<sp:EncryptSignature/><sp:OnlySignEntireHeadersAndBody/>"
                + "</wsp:Policy></sp:SymmetricBinding>" + supporting
                + "<sp:Wss11><wsp:Policy><sp:MustSupportRefKeyIdentifier/><sp:MustSupportRefIssuerSerial/>"
                + "<sp:MustSupportRefThumbprint/><sp:MustSupportRefEncryptedKey/>"
                + (anonymous ? "<sp:RequireSignatureConfirmation/>" : "") + "</wsp:Policy></sp:Wss11>"
                + "<sp:Trust10><wsp:Policy><sp:MustSupportIssuedTokens/><sp:RequireClientEntropy/>"
                + "<sp:RequireServerEntropy/></wsp:Policy></sp:Trust10>"
                + "<sp:SignedParts><sp:Body/>" + headers + "</sp:SignedParts>"
                + "<sp:EncryptedParts><sp:Body/></sp:EncryptedParts>"
                + "</wsp:All></wsp:ExactlyOne></wsp:Policy>";
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }

    /** Whether {@code auth} names AnonymousForCertificate (else UserNameForCertificate). */
    private static boolean mode(String auth) {
        return switch (auth) {
            case "anonymous" -> true;
            case "username" -> false;
            default -> throw new IllegalArgumentException("--auth must be anonymous or username, not " + auth);
        };
    }

    private static WSPolicyFeature policyFeature(String auth) throws Exception {
        WSPolicyFeature feature = new WSPolicyFeature();
        feature.setPolicyElements(List.of(policy(auth)));
        return feature;
    }

    private static int server(Cli cli, PrintStream out) throws Exception {
        String auth = cli.require("auth");
        boolean anonymous = mode(auth);
        String address = CxfPeer.withPort(cli.require("address"));
        String keystore = cli.require("keystore");
        String password = cli.require("password");
        Bus bus = CxfPeer.newBus(cli, 0);
        JaxWsServerFactoryBean sf = new JaxWsServerFactoryBean();
        sf.setBus(bus);
        sf.setServiceClass(CalculatorService.class);
        sf.setServiceBean(new CalculatorService());
        sf.setServiceName(CxfPeer.SERVICE);
        sf.setEndpointName(CxfPeer.PORT);
        sf.setAddress(address);
        sf.setBindingConfig(CxfPeer.soap12());
        sf.setFeatures(List.of(new WSAddressingFeature(), policyFeature(auth)));
        String alias = CxfSecurityPeer.load(keystore, password.toCharArray()).aliases().nextElement();
        // the service's key pair unwraps the request's key (the "decryption" crypto of the symmetric binding)
        Properties crypto = CxfSecurityPeer.merlin(keystore, password, true);
        Map<String, String> known = new HashMap<>(Map.of(alias, password));
        if (!anonymous) {
            known.put(cli.require("user"), cli.require("pass"));
        }
        Map<String, Object> props = new HashMap<>();
        props.put("security.signature.properties", crypto);
        props.put("security.encryption.properties", crypto);
        props.put("security.signature.username", alias);
        props.put("security.callback-handler", CxfSecurityPeer.passwords(known));
        noBsp(cli, props);
        sf.setProperties(props);
        sf.getInInterceptors().add(new CallerInterceptor(out));
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
        String auth = cli.require("auth");
        String serviceCert = cli.require("service-cert");
        String password = cli.require("password");
        KeyStore ks = CxfSecurityPeer.load(serviceCert, password.toCharArray());
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
        // the service's certificate (no private key): the request's key is wrapped to it
        props.put("security.encryption.properties", CxfSecurityPeer.merlin(serviceCert, password, true));
        props.put("security.encryption.username", ks.aliases().nextElement());
        if (!mode(auth)) {
            props.put("security.username", cli.require("user"));
            props.put("security.password", cli.require("pass"));
        }
        noBsp(cli, props);
        pf.setProperties(props);
        ICalculator calc = (ICalculator) pf.create();
        new BoundedCalls("cxf-symmetric-client-call", 30_000).run(calc, Cli.parseCalls(cli.require("calls")), out);
        bus.shutdown(true);
        out.println("DONE");
        return 0;
    }

    /**
     * With {@code --no-bsp}: accepts what WCF's non-BSP messageSecurityVersions write (references without the Basic
     * Security Profile's ValueType and EncodingType); WSS4J enforces the profile by default.
     */
    private static void noBsp(Cli cli, Map<String, Object> props) {
        if (cli.flag("no-bsp")) {
            // CXF's name, and the WSS4J configuration name its in-interceptor reads
            props.put("security.is-bsp-compliant", "false");
            props.put("isBSPCompliant", "false");
        }
    }

    /** Prints who WSS4J says called, once per invocation, before the operation runs. */
    static final class CallerInterceptor extends AbstractPhaseInterceptor<Message> {
        private final PrintStream out;
        private final AtomicInteger invocations = new AtomicInteger();

        CallerInterceptor(PrintStream out) {
            super(Phase.PRE_INVOKE);
            this.out = out;
        }

        @Override
        public void handleMessage(Message message) {
            SecurityContext sc = message.get(SecurityContext.class);
            Principal p = sc == null ? null : sc.getUserPrincipal();
            out.println("CALLER " + invocations.incrementAndGet() + " " + (p == null ? "anonymous" : p.getName()));
            out.flush();
        }
    }
}
