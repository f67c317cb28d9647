package io.github.wcf4j.config;

import java.util.Locale;

/** How bad a diagnostic is. */
public enum Severity {
    /** WCF would refuse the configuration (at load time, or when the host or channel factory opens). */
    ERROR,
    /** Accepted by WCF, but something wcf4j does not honour or a likely mistake. */
    WARNING;

    /** {@code error} / {@code warning}, as printed in {@code file:line:col: error: message}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
