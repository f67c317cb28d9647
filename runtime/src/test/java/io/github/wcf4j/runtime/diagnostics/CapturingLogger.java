package io.github.wcf4j.runtime.diagnostics;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** An SLF4J logger that keeps what is logged at INFO and above (DEBUG is off), for tests to read. */
final class CapturingLogger extends LegacyAbstractLogger {
    /** One logged line. */
    record Line(Level level, String text) {
    }

    private final List<Line> lines = new ArrayList<>();

    CapturingLogger() {
        this.name = "capture";
    }

    synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    /** The lines that start with {@code source}'s name. */
    synchronized List<String> of(MessageLog.Source source) {
        return lines.stream().map(Line::text).filter(t -> t.startsWith(source.name() + " ")).toList();
    }

    @Override
    public boolean isTraceEnabled() {
        return false;
    }

    @Override
    public boolean isDebugEnabled() {
        return false;
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected synchronized void handleNormalizedLoggingCall(Level level, Marker marker, String pattern,
            Object[] arguments, Throwable throwable) {
        lines.add(new Line(level, MessageFormatter.basicArrayFormat(pattern, arguments)));
    }
}
