package io.github.wcf4j.runtime.diagnostics;

import io.github.wcf4j.binding.Binding;
import io.github.wcf4j.binding.description.MessageLoggingSettings;
import io.github.wcf4j.binding.encoding.TextMessageEncodingBindingElement;
import io.github.wcf4j.runtime.encoding.TextMessageEncoder;
import io.github.wcf4j.runtime.message.EnvelopeProtection;
import io.github.wcf4j.runtime.message.Message;
import io.github.wcf4j.runtime.transport.WireTap;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WCF's message logging ({@code <diagnostics><messageLogging>}, {@link MessageLoggingSettings}) to the SLF4J logger
 * {@value MessageLoggingSettings#LOGGER}, at INFO (malformed messages at WARN), one record per message:
 * {@code <Source> <envelope>}, the sources named as WCF's {@code MessageLoggingSource}s.
 *
 * <ul>
 *   <li>transport level: every envelope a transport sends or receives, as bytes on the wire ({@link #tap});</li>
 *   <li>service level: as the service model receives and sends them, after message security has verified and
 *       decrypted them ({@link #serviceLevel});</li>
 *   <li>malformed: what a transport could not read, as text ({@link #malformed}).</li>
 * </ul>
 *
 * <p>As WCF's {@code MessageLogger} does unless {@code machine.config} allows known PII: the {@code Security} and
 * {@code IssuedTokens} headers are left out, and so are the bodies of WS-Trust token requests and responses (which carry
 * keys and credentials). Without {@code logEntireMessage} every body is left out. A record longer than
 * {@code maxSizeOfMessageToLog} characters is not logged; after {@code maxMessagesToLog} records nothing is. With XPath
 * {@code <filters>}, which wcf4j does not apply, nothing is logged (the reader said so). Thread-safe; the work is done
 * only when the logger is enabled.
 */
public final class MessageLog {
    /** Where a message was logged (WCF's {@code MessageLoggingSource} names). */
    public enum Source {
        TransportReceive, TransportSend, ServiceLevelReceiveRequest, ServiceLevelSendReply, ServiceLevelSendRequest,
        ServiceLevelReceiveReply, ServiceLevelReceiveDatagram, ServiceLevelSendDatagram, Malformed
    }

    private static final MessageLog NONE = new MessageLog(MessageLoggingSettings.defaults(),
            LoggerFactory.getLogger(MessageLoggingSettings.LOGGER));

    private final MessageLoggingSettings settings;
    private final Logger logger;
    private final AtomicInteger remaining;
    private final AtomicBoolean limitReported = new AtomicBoolean();

    MessageLog(MessageLoggingSettings settings, Logger logger) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.logger = Objects.requireNonNull(logger, "logger");
        this.remaining = new AtomicInteger(settings.maxMessagesToLog());
    }

    /** The log {@code settings} ask for ({@link #none()} when they log nothing, or are filtered). */
    public static MessageLog of(MessageLoggingSettings settings) {
        return settings.logsAnything() && !settings.filtered()
                ? new MessageLog(settings, LoggerFactory.getLogger(MessageLoggingSettings.LOGGER)) : NONE;
    }

    /** The log {@code settings} ask for, written to {@code logger} (a binding parameter overrides the default). */
    public static MessageLog of(MessageLoggingSettings settings, Logger logger) {
        return settings.logsAnything() && !settings.filtered() ? new MessageLog(settings, logger) : NONE;
    }

    /** Logs nothing. */
    public static MessageLog none() {
        return NONE;
    }

    /** The encoder service-level records are written with: {@code binding}'s text encoding, else the default. */
    public static TextMessageEncoder encoderFor(Binding binding) {
        try {
            return binding.createBindingElements().stream()
                    .filter(TextMessageEncodingBindingElement.class::isInstance)
                    .map(e -> new TextMessageEncoder((TextMessageEncodingBindingElement) e)).findFirst()
                    .orElseGet(TextMessageEncoder::defaultEncoder);
        } catch (RuntimeException invalid) {
            return TextMessageEncoder.defaultEncoder();
        }
    }

    /** Whether transport-level records are written ({@link #tap} is worth installing). */
    public boolean atTransportLevel() {
        return settings.logMessagesAtTransportLevel() || settings.logMalformedMessages();
    }

    /**
     * A wire tap that logs at transport level and passes every envelope on to {@code next} ({@code null}: none).
     */
    public WireTap tap(WireTap next) {
        return new WireTap() {
            @Override
            public void record(Direction direction, byte[] envelope, String contentType) {
                if (settings.logMessagesAtTransportLevel()) {
                    log(direction == Direction.SENT ? Source.TransportSend : Source.TransportReceive,
                            new String(envelope, StandardCharsets.UTF_8));
                }
                if (next != null) {
                    next.record(direction, envelope, contentType);
                }
            }

            @Override
            public void malformed(byte[] envelope, String contentType) {
                MessageLog.this.malformed(envelope);
                if (next != null) {
                    next.malformed(envelope, contentType);
                }
            }
        };
    }

    /** A message the service model received or is sending, as {@code encoder}'s version writes it. */
    public void serviceLevel(Source source, Message message, TextMessageEncoder encoder) {
        if (!settings.logMessagesAtServiceLevel() || message == null || encoder == null || !enabled()) {
            return;
        }
        log(source, envelope(message, encoder));
    }

    /** What a transport received and could not read. */
    public void malformed(byte[] received) {
        if (!settings.logMalformedMessages() || !logger.isWarnEnabled() || !take()) {
            return;
        }
        String text = new String(received, StandardCharsets.UTF_8);
        if (fits(text)) {
            logger.warn("{} {}", Source.Malformed, text);
        }
        counted();
    }

    private void log(Source source, String envelope) {
        if (!enabled()) {
            return;
        }
        String record = LoggedEnvelope.of(envelope, settings.logEntireMessage());
        if (fits(record) && take()) {
            logger.info("{} {}", source, record);
            counted();
        }
    }

    /** After the last record {@code maxMessagesToLog} allows: says that logging stops here, once. */
    private void counted() {
        if (settings.maxMessagesToLog() != MessageLoggingSettings.UNLIMITED && remaining.get() == 0
                && limitReported.compareAndSet(false, true)) {
            logger.info("Message logging has reached its limit: maxMessagesToLog is {}; no further message is"
                    + " logged.", settings.maxMessagesToLog());
        }
    }

    private boolean enabled() {
        return logger.isInfoEnabled() && (settings.maxMessagesToLog() == MessageLoggingSettings.UNLIMITED
                || remaining.get() > 0);
    }

    private boolean fits(String record) {
        boolean fits = settings.maxSizeOfMessageToLog() == MessageLoggingSettings.UNLIMITED
                || record.length() <= settings.maxSizeOfMessageToLog();
        if (!fits) {
            logger.debug("a message of {} characters was not logged: maxSizeOfMessageToLog is {}", record.length(),
                    settings.maxSizeOfMessageToLog());
        }
        return fits;
    }

    /** Counts one record against {@code maxMessagesToLog}; false when the limit is reached. */
    private boolean take() {
        if (settings.maxMessagesToLog() == MessageLoggingSettings.UNLIMITED) {
            return true;
        }
        return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    /** The envelope as the service model sees it; a body written as it is sent, or streamed, is not read for it. */
    private static String envelope(Message message, TextMessageEncoder encoder) {
        if (message.bodyWriter().isPresent() || message.streamedBody().isPresent()) {
            return LoggedEnvelope.streamed(message.headers().action());
        }
        Message copy = message.copy();
        copy.properties().remove(EnvelopeProtection.class);
        return new String(encoder.write(copy), StandardCharsets.UTF_8);
    }
}
