package io.github.wcf4j.config.xml;

import io.github.wcf4j.config.read.LocatedXml;
import io.github.wcf4j.config.read.OrderedElementXml;
import java.util.Set;

/**
 * {@code <diagnostics>} ({@code DiagnosticSection}): its three attributes, {@code <messageLogging>} (read) and
 * {@code <endToEndTracing>} (kept opaque).
 */
public class DiagnosticsXml extends SectionXml {
    static final String WMI_PROVIDER_ENABLED = "wmiProviderEnabled";
    static final String PERFORMANCE_COUNTERS = "performanceCounters";
    static final String ETW_PROVIDER_ID = "etwProviderId";
    static final String MESSAGE_LOGGING = "messageLogging";
    static final String END_TO_END_TRACING = "endToEndTracing";

    @Override
    protected Set<String> sectionAttributes() {
        return Set.of(WMI_PROVIDER_ENABLED, PERFORMANCE_COUNTERS, ETW_PROVIDER_ID);
    }

    @Override
    protected Class<? extends LocatedXml> childType(String name) {
        return switch (name) {
            case MESSAGE_LOGGING -> MessageLoggingXml.class;
            case END_TO_END_TRACING -> OpaqueXml.class;
            default -> null;
        };
    }

    /** {@code <messageLogging>} ({@code MessageLoggingElement}): eight attributes and {@code <filters>}. */
    public static class MessageLoggingXml extends OrderedElementXml {
        static final String LOG_ENTIRE_MESSAGE = "logEntireMessage";
        static final String LOG_KNOWN_PII = "logKnownPii";
        static final String LOG_MALFORMED_MESSAGES = "logMalformedMessages";
        static final String LOG_MESSAGES_AT_SERVICE_LEVEL = "logMessagesAtServiceLevel";
        static final String LOG_MESSAGES_AT_TRANSPORT_LEVEL = "logMessagesAtTransportLevel";
        static final String MAX_MESSAGES_TO_LOG = "maxMessagesToLog";
        static final String MAX_SIZE_OF_MESSAGE_TO_LOG = "maxSizeOfMessageToLog";
        static final String FILTERS = "filters";

        @Override
        protected Set<String> attributeNames() {
            return Set.of(LOG_ENTIRE_MESSAGE, LOG_KNOWN_PII, LOG_MALFORMED_MESSAGES, LOG_MESSAGES_AT_SERVICE_LEVEL,
                    LOG_MESSAGES_AT_TRANSPORT_LEVEL, MAX_MESSAGES_TO_LOG, MAX_SIZE_OF_MESSAGE_TO_LOG);
        }

        @Override
        protected Class<? extends LocatedXml> childType(String name) {
            return FILTERS.equals(name) ? OpaqueXml.class : null;
        }
    }
}
