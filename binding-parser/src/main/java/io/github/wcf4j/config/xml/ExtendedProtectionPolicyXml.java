package io.github.wcf4j.config.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import io.github.wcf4j.config.read.ConfigContext;
import io.github.wcf4j.config.read.LocatedXml;
import java.util.List;

/**
 * {@code <extendedProtectionPolicy>} (System.Configuration's {@code ExtendedProtectionPolicyElement}) under
 * {@code tcpTransport}, {@code httpTransport}/{@code httpsTransport} and the standard bindings' {@code <transport>}:
 * whether a service demands that Windows authentication be bound to its channel (a channel binding token of the TLS
 * channel) or to its service name. wcf4j's clients send no channel binding token and its services check none, so:
 *
 * <ul>
 * <li>{@code Never} (the default): no extended protection, as WCF; nothing to report;</li>
 * <li>{@code WhenSupported}: WCF's service checks a binding only when the client sends one and accepts clients that
 * send none, which is what wcf4j's are and what its services do with every client; the endpoint runs, and a warning
 * says that no binding is checked (nor the {@code customServiceNames});</li>
 * <li>{@code Always}: refused by name, an error, rather than run without the protection the configuration
 * demands.</li>
 * </ul>
 */
public class ExtendedProtectionPolicyXml extends LocatedXml {
    static final List<String> POLICY_ENFORCEMENT = List.of("Never", "WhenSupported", "Always");
    static final List<String> PROTECTION_SCENARIO = List.of("TransportSelected", "TrustedProxy");

    @JacksonXmlProperty(isAttribute = true) public String policyEnforcement;
    @JacksonXmlProperty(isAttribute = true) public String protectionScenario;
    public OpaqueXml customServiceNames;

    /** Reports what {@code x} (under {@code parent}, for the message) does in wcf4j; nothing when absent. */
    static void report(ExtendedProtectionPolicyXml x, ConfigContext ctx, String parent) {
        if (x == null) {
            return;
        }
        String enforcement = ctx.enumName(x, "policyEnforcement", x.policyEnforcement, POLICY_ENFORCEMENT, "Never");
        String scenario = ctx.enumName(x, "protectionScenario", x.protectionScenario, PROTECTION_SCENARIO,
                "TransportSelected");
        String where = parent + " extendedProtectionPolicy policyEnforcement=\"" + enforcement + "\"";
        if (enforcement.equals("Always")) {
            ctx.error(x.location(), where + " demands that every caller's Windows authentication be bound to this"
                    + " channel (a channel binding token) or to the service's name (protectionScenario=\"" + scenario
                    + "\"): wcf4j sends no channel binding token and checks none, so it cannot enforce this policy,"
                    + " and the binding is refused rather than run without the protection it asks for. Use"
                    + " \"WhenSupported\" (WCF then accepts callers that send no binding) or \"Never\".");
        } else if (enforcement.equals("WhenSupported")) {
            ctx.warning(x, where + ": WCF checks a caller's channel binding token only when the caller sends one;"
                    + " wcf4j's clients send none and its services check none (nor the customServiceNames), so"
                    + " this endpoint runs as with \"Never\", without extended protection.");
        }
    }
}
