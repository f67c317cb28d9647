package io.github.wcf4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code <extendedProtectionPolicy>} is never ignored silently: {@code Always} (a channel binding wcf4j neither sends
 * nor checks) is refused by name, {@code WhenSupported} runs and says that nothing is checked, {@code Never} is WCF's
 * default and is what wcf4j does; in netTcpBinding's {@code <transport>}, {@code <tcpTransport>}, the HTTP bindings'
 * {@code <transport>} and {@code <httpsTransport>}.
 */
class ExtendedProtectionPolicyConfigTest {
    private static final List<String> PLACES = List.of(
            "<netTcpBinding><binding name=\"b\"><security mode=\"Transport\"><transport clientCredentialType=\"Windows\">"
                    + "%s</transport></security></binding></netTcpBinding>",
            "<customBinding><binding name=\"b\"><binaryMessageEncoding/><windowsStreamSecurity/><tcpTransport>%s"
                    + "</tcpTransport></binding></customBinding>",
            "<basicHttpBinding><binding name=\"b\"><security mode=\"TransportCredentialOnly\"><transport"
                    + " clientCredentialType=\"Windows\">%s</transport></security></binding></basicHttpBinding>",
            "<customBinding><binding name=\"b\"><textMessageEncoding/><httpsTransport authenticationScheme=\"Negotiate\">"
                    + "%s</httpsTransport></binding></customBinding>");

    private static ConfigReadResult read(String bindings) {
        return ServiceModelConfigReader.create().read("app.config", "<configuration><system.serviceModel><bindings>"
                + bindings + "</bindings></system.serviceModel></configuration>");
    }

    private static String policy(String enforcement) {
        return "<extendedProtectionPolicy policyEnforcement=\"" + enforcement + "\" protectionScenario="
                + "\"TransportSelected\"><customServiceNames><add name=\"HTTP/contoso.example\"/></customServiceNames>"
                + "</extendedProtectionPolicy>";
    }

    @Test
    void alwaysIsRefusedByNameWherever() {
        for (String place : PLACES) {
            ConfigReadResult r = read(place.formatted(policy("Always")));
            List<Diagnostic> errors = r.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
            assertEquals(1, errors.size(), place + ": " + r.diagnostics());
            assertTrue(errors.get(0).message().contains("extendedProtectionPolicy policyEnforcement=\"Always\"")
                    && errors.get(0).message().contains("wcf4j sends no channel binding token and checks none"),
                    errors.get(0).message());
            assertTrue(r.hasErrors(), "a refused configuration has errors, so orThrow() refuses it");
        }
    }

    @Test
    void whenSupportedRunsAndSaysNothingIsChecked() {
        for (String place : PLACES) {
            ConfigReadResult r = read(place.formatted(policy("WhenSupported")));
            assertTrue(r.configuration().isPresent(), place + ": " + r.diagnostics());
            List<Diagnostic> notes = r.diagnostics().stream()
                    .filter(d -> d.message().contains("extendedProtectionPolicy")).toList();
            assertEquals(1, notes.size(), place + ": " + r.diagnostics());
            assertEquals(Severity.WARNING, notes.get(0).severity());
            assertTrue(notes.get(0).message().contains("runs as with \"Never\", without extended protection"),
                    notes.get(0).message());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"<extendedProtectionPolicy policyEnforcement=\"Never\"/>", "<extendedProtectionPolicy/>"})
    void neverIsWhatWcf4jDoesAndNeedsNoWord(String never) {
        for (String place : PLACES) {
            ConfigReadResult r = read(place.formatted(never));
            assertTrue(r.configuration().isPresent(), place + ": " + r.diagnostics());
            assertTrue(r.diagnostics().stream().noneMatch(d -> d.message().contains("extendedProtectionPolicy")),
                    r.diagnostics().toString());
        }
    }

    @Test
    void anUnknownEnforcementIsAValueError() {
        ConfigReadResult r = read(PLACES.get(0).formatted(policy("Sometimes")));
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR
                && d.message().contains("'policyEnforcement'")), r.diagnostics().toString());
    }
}
