package io.github.wcf4j.peers.metro;

import io.github.wcf4j.peers.Cli;
import io.github.wcf4j.peers.ICalculator;
import io.github.wcf4j.peers.CalculatorService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The bundled WCF-style WSDLs ({@code /wsdl/calculator-{rm10,rm11,none}.wsdl}), rendered for one address.
 *
 * <p>The files are exactly what WCF exports for a custom binding of reliableSession + SOAP 1.2/WSA 1.0
 * text + HTTP. Ordering is adjusted here: Feb2005 policy cannot express "ordered", so for RM 1.0 with
 * {@code ordered} Metro's own {@code sunrm:Ordered} assertion is added; for RM 1.1 without
 * {@code ordered} the {@code wsrmp:InOrder} assertion is removed.
 */
final class Wsdls {

    static final String PLACEHOLDER = "@ADDRESS@";

    private Wsdls() {
    }

    static String render(String rm, String address, boolean ordered) {
        String name = "/wsdl/calculator-" + rmKey(rm) + ".wsdl";
        String text;
        try (InputStream in = Wsdls.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        text = text.replace(PLACEHOLDER, address);
        if (rmKey(rm).equals("rm10") && ordered) {
            text = text.replace("</wsrm:RMAssertion>",
                    "</wsrm:RMAssertion>\n        <sunrm:Ordered xmlns:sunrm=\"http://sun.com/2006/03/rm\"/>");
        }
        if (rmKey(rm).equals("rm11") && !ordered) {
            text = text.replaceAll("\\s*<wsrmp:InOrder/>", "");
        }
        return text;
    }

    /** {@code 10|11|none} (also accepts {@code rm10}, {@code 1.0}, {@code 1.1}). */
    static String rmKey(String rm) {
        return switch (rm.toLowerCase()) {
            case "10", "1.0", "rm10", "2005/02", "feb2005" -> "rm10";
            case "11", "1.1", "rm11", "200702" -> "rm11";
            case "none", "off", "0" -> "none";
            default -> throw new IllegalArgumentException("--rm must be 10, 11 or none, not " + rm);
        };
    }
}
