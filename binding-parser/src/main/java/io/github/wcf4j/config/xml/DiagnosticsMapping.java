package io.github.wcf4j.config.xml;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.description.MessageLoggingSettings;
import io.github.wcf4j.config.read.ChildXml;
import io.github.wcf4j.config.read.ConfigContext;
import io.github.wcf4j.config.xml.DiagnosticsXml.MessageLoggingXml;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code <diagnostics>} → {@link MessageLoggingSettings}, with {@code MessageLoggingElement}'s validators; what wcf4j
 * does not do with the section is said at its line: WMI, performance counters, ETW and end-to-end tracing are Windows'
 * (nothing an endpoint runs changes), XPath {@code <filters>} are not applied (so nothing is logged rather than more
 * than they let through), and {@code logKnownPii} needs {@code machine.config}'s consent, which a JVM has not.
 */
final class DiagnosticsMapping {

    private DiagnosticsMapping() {
    }

    static MessageLoggingSettings read(List<DiagnosticsXml> sections, ConfigContext ctx) {
        if (sections.isEmpty()) {
            return MessageLoggingSettings.defaults();
        }
        DiagnosticsXml x = sections.get(0);
        for (String windowsOnly : List.of(DiagnosticsXml.WMI_PROVIDER_ENABLED, DiagnosticsXml.PERFORMANCE_COUNTERS,
                DiagnosticsXml.ETW_PROVIDER_ID)) {
            if (x.attribute(windowsOnly) != null) {
                ctx.warning(x, "<diagnostics " + windowsOnly + "> is Windows instrumentation (WMI, performance"
                        + " counters, ETW) that a JVM does not have; wcf4j ignores it, which changes nothing an"
                        + " endpoint runs.");
            }
        }
        MessageLoggingSettings settings = MessageLoggingSettings.defaults();
        Set<String> seen = new HashSet<>();
        for (ChildXml c : x.children()) {
            if (c.value().isEmpty()) {
                ctx.error(c.location(), WcfText.Config_base_unrecognized_element_name, c.name());
            } else if (!seen.add(c.name())) {
                ctx.error(c.location(), WcfText.Config_base_element_cannot_have_multiple_child_elements, c.name());
            } else if (c.value().get() instanceof MessageLoggingXml logging) {
                settings = messageLogging(logging, ctx);
            } else {
                ctx.warning(c.location(), "<diagnostics><" + c.name() + "> (activity tracing across services) is not"
                        + " supported by wcf4j and is ignored; it changes nothing an endpoint runs.");
            }
        }
        return settings;
    }

    private static MessageLoggingSettings messageLogging(MessageLoggingXml x, ConfigContext ctx) {
        MessageLoggingSettings d = MessageLoggingSettings.defaults();
        boolean filtered = false;
        for (ChildXml c : x.children()) {
            if (c.value().isEmpty()) {
                ctx.error(c.location(), WcfText.Config_base_unrecognized_element_name, c.name());
            } else {
                filtered = true;
            }
        }
        MessageLoggingSettings read = new MessageLoggingSettings(
                bool(x, MessageLoggingXml.LOG_ENTIRE_MESSAGE, d.logEntireMessage(), ctx),
                bool(x, MessageLoggingXml.LOG_KNOWN_PII, d.logKnownPii(), ctx),
                bool(x, MessageLoggingXml.LOG_MALFORMED_MESSAGES, d.logMalformedMessages(), ctx),
                bool(x, MessageLoggingXml.LOG_MESSAGES_AT_SERVICE_LEVEL, d.logMessagesAtServiceLevel(), ctx),
                bool(x, MessageLoggingXml.LOG_MESSAGES_AT_TRANSPORT_LEVEL, d.logMessagesAtTransportLevel(), ctx),
                ctx.int32(x, MessageLoggingXml.MAX_MESSAGES_TO_LOG, x.attribute(MessageLoggingXml.MAX_MESSAGES_TO_LOG),
                        MessageLoggingSettings.UNLIMITED, Integer.MAX_VALUE, d.maxMessagesToLog()),
                ctx.int32(x, MessageLoggingXml.MAX_SIZE_OF_MESSAGE_TO_LOG,
                        x.attribute(MessageLoggingXml.MAX_SIZE_OF_MESSAGE_TO_LOG), MessageLoggingSettings.UNLIMITED,
                        Integer.MAX_VALUE, d.maxSizeOfMessageToLog()),
                filtered);
        if (filtered && read.logsAnything()) {
            ctx.warning(x, "<messageLogging><filters>: wcf4j does not apply XPath message filters, so it logs no"
                    + " message at all rather than more than the filters let through.");
        }
        if (read.logKnownPii()) {
            ctx.warning(x, "logKnownPii=\"true\" takes effect in WCF only where machine.config allows it"
                    + " (<machineSettings enableLoggingKnownPii=\"true\"/>), which a JVM does not have: wcf4j leaves the"
                    + " known personal information (security headers, token requests and responses) out of the log.");
        }
        return read;
    }

    private static boolean bool(MessageLoggingXml x, String name, boolean fallback, ConfigContext ctx) {
        return ctx.bool(x, name, x.attribute(name), fallback);
    }
}
