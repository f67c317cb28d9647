package io.github.wcf4j.binding.description;

import io.github.wcf4j.binding.ArgumentChecks;

/**
 * {@code <diagnostics><messageLogging>} (WCF {@code MessageLoggingElement}): which messages are logged, and how much
 * of them, with WCF's defaults. WCF writes them to the {@code System.ServiceModel.MessageLogging} trace source; wcf4j
 * to the SLF4J logger {@value #LOGGER}.
 *
 * @param logEntireMessage             {@code false}: headers only, the body left out
 * @param logKnownPii                  {@code false}; WCF honours {@code true} only where {@code machine.config}
 *                                     allows it ({@code enableLoggingKnownPii}), which a JVM has not
 * @param logMalformedMessages         {@code false}: messages that cannot be read
 * @param logMessagesAtServiceLevel    {@code false}: as the service model receives and sends them (decrypted)
 * @param logMessagesAtTransportLevel  {@code false}: as the transport receives and sends them (on the wire)
 * @param maxMessagesToLog             {@code 10000}; {@code -1} for no limit
 * @param maxSizeOfMessageToLog        {@code 262144} characters; a larger message is not logged; {@code -1} for no
 *                                     limit
 * @param filtered                     whether {@code <filters>} (XPath message filters) are configured
 */
public record MessageLoggingSettings(boolean logEntireMessage, boolean logKnownPii, boolean logMalformedMessages,
        boolean logMessagesAtServiceLevel, boolean logMessagesAtTransportLevel, int maxMessagesToLog,
        int maxSizeOfMessageToLog, boolean filtered) {

    /** The SLF4J logger wcf4j logs messages to. */
    public static final String LOGGER = "io.github.wcf4j.MessageLogging";
    /** {@code maxMessagesToLog}: {@code 10000}. */
    public static final int DEFAULT_MAX_MESSAGES_TO_LOG = 10000;
    /** {@code maxSizeOfMessageToLog}: {@code 262144}. */
    public static final int DEFAULT_MAX_SIZE_OF_MESSAGE_TO_LOG = 262144;
    /** {@code -1}: no limit, for either maximum. */
    public static final int UNLIMITED = -1;

    public MessageLoggingSettings {
        ArgumentChecks.inRange(maxMessagesToLog, UNLIMITED, Integer.MAX_VALUE, "maxMessagesToLog");
        ArgumentChecks.inRange(maxSizeOfMessageToLog, UNLIMITED, Integer.MAX_VALUE, "maxSizeOfMessageToLog");
    }

    /** WCF's defaults: nothing is logged. */
    public static MessageLoggingSettings defaults() {
        return new MessageLoggingSettings(false, false, false, false, false, DEFAULT_MAX_MESSAGES_TO_LOG,
                DEFAULT_MAX_SIZE_OF_MESSAGE_TO_LOG, false);
    }

    /** Whether any message would be logged. */
    public boolean logsAnything() {
        return logMalformedMessages || logMessagesAtServiceLevel || logMessagesAtTransportLevel;
    }
}
