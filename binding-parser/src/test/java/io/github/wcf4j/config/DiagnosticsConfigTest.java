package io.github.wcf4j.config;

import static io.github.wcf4j.config.ConfigFixture.assertNoErrors;
import static io.github.wcf4j.config.ConfigFixture.serviceModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.wcf4j.binding.description.MessageLoggingSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code <diagnostics>}: {@code <messageLogging>} read with WCF's defaults and validators; the rest said. */
class DiagnosticsConfigTest {

    private static MessageLoggingSettings loggingOf(ConfigReadResult r) {
        return r.configuration().orElseThrow().messageLogging();
    }

    @Test
    void withoutTheSectionNothingIsLogged() {
        assertEquals(MessageLoggingSettings.defaults(), loggingOf(serviceModel("<client/>")));
        assertEquals(MessageLoggingSettings.defaults(), loggingOf(serviceModel("<diagnostics/>")));
    }

    @Test
    void everyAttributeIsRead() {
        ConfigReadResult r = serviceModel("<diagnostics><messageLogging logEntireMessage=\"true\""
                + " logMalformedMessages=\"true\" logMessagesAtServiceLevel=\"true\""
                + " logMessagesAtTransportLevel=\"true\" maxMessagesToLog=\"-1\" maxSizeOfMessageToLog=\"1000\"/>"
                + "</diagnostics>");
        assertNoErrors(r);
        assertEquals(List.of(), r.diagnostics());
        assertEquals(new MessageLoggingSettings(true, false, true, true, true, -1, 1000, false), loggingOf(r));
    }

    @Test
    void wcfsValidatorsApply() {
        ConfigReadResult r = serviceModel("<diagnostics>\n<messageLogging maxMessagesToLog=\"-2\""
                + " logEntireMessage=\"yes\" unknown=\"1\"/></diagnostics>");
        assertEquals(3, r.errors().size(), r.diagnostics().toString());
        int diagnosticsLine = r.errors().get(0).location().line();
        assertTrue(r.errors().stream().allMatch(d -> d.location().line() == diagnosticsLine), "all at"
                + " <messageLogging>: " + r.errors());
    }

    @Test
    void whatWcf4jDoesNotDoWithTheSectionIsSaidAtItsLine() {
        ConfigReadResult r = serviceModel("<diagnostics wmiProviderEnabled=\"true\" performanceCounters=\"All\">\n"
                + "<messageLogging logKnownPii=\"true\" logMessagesAtServiceLevel=\"true\">\n<filters>"
                + "<add nodeQuota=\"10\">/s12:Envelope</add></filters></messageLogging>\n"
                + "<endToEndTracing propagateActivity=\"true\"/></diagnostics>");
        assertNoErrors(r);
        List<String> warnings = r.diagnostics().stream().map(Diagnostic::message).toList();
        assertEquals(5, warnings.size(), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("<diagnostics wmiProviderEnabled> is Windows")));
        assertTrue(warnings.stream().anyMatch(w -> w.contains("does not apply XPath message filters, so it logs no"
                + " message at all")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("logKnownPii=\"true\" takes effect in WCF only")));
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("<diagnostics><endToEndTracing>")));
        assertTrue(loggingOf(r).filtered());
    }

    @Test
    void anUnknownChildIsWcfsError() {
        ConfigReadResult r = serviceModel("<diagnostics><messageLoging/></diagnostics>");
        assertEquals(1, r.errors().size(), r.diagnostics().toString());
        assertTrue(r.errors().get(0).message().contains("messageLoging"), r.errors().get(0).message());
    }
}
