package io.github.wcf4j.config;

import io.github.wcf4j.binding.WcfText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One finding about a configuration file, worded as WCF words it, at a file position.
 *
 * @param severity error, warning, or unsupported (WCF accepts it, wcf4j cannot run it)
 * @param location where: {@code file:line:column}
 * @param message  the text, WCF's own where WCF has one
 * @param key      the WCF resource the text reproduces, when it does
 */
public record Diagnostic(Severity severity, SourceLocation location, String message, Optional<WcfText> key) {

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        key = key == null ? Optional.empty() : key;
    }

    public static Diagnostic error(SourceLocation at, WcfText key, Object... args) {
        return new Diagnostic(Severity.ERROR, at, key.format(args), Optional.of(key));
    }

    public static Diagnostic error(SourceLocation at, String message) {
        return new Diagnostic(Severity.ERROR, at, message, Optional.empty());
    }

    public static Diagnostic warning(SourceLocation at, String message) {
        return new Diagnostic(Severity.WARNING, at, message, Optional.empty());
    }

    /** Something WCF accepts that wcf4j cannot run ({@link Severity#UNSUPPORTED}). */
    public static Diagnostic unsupported(SourceLocation at, String message) {
        return new Diagnostic(Severity.UNSUPPORTED, at, message, Optional.empty());
    }

    /** The same diagnostic with another text (for a WCF exception whose message is already formatted). */
    public Diagnostic withMessage(String text) {
        return new Diagnostic(severity, location, text, key);
    }

    /**
     * {@code diagnostics} in document order: those of the configuration file {@code mainSource} first, then those of
     * the files its sections' {@code configSource} name, each file by line and column.
     */
    public static List<Diagnostic> inDocumentOrder(String mainSource, List<Diagnostic> diagnostics) {
        List<Diagnostic> out = new ArrayList<>(diagnostics);
        out.sort(Comparator.comparing((Diagnostic d) -> !d.location().source().equals(mainSource))
                .thenComparing(d -> d.location().source())
                .thenComparingInt(d -> d.location().line())
                .thenComparingInt(d -> d.location().column()));
        return out;
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:col: error|warning|unsupported: message}, the line {@code wcf4j validate} prints. */
    @Override
    public String toString() {
        return location + ": " + severity.label() + ": " + message;
    }
}
