package io.github.wcf4j.config;

import java.util.Locale;

import java.util.Locale;

/** How bad a diagnostic is. */
public enum Severity {
    /** WCF would refuse the configuration (at load time, or when the host or channel factory opens). */
    ERROR,
    /** Accepted by WCF, but a likely mistake, or something wcf4j leaves out that changes nothing an endpoint runs. */
    WARNING,
    /**
     * Accepted by WCF, but wcf4j cannot run it: the host or client factory that needs it refuses to open (never runs
     * without it). Its own kind, neither WCF's error nor a warning.
     */
    UNSUPPORTED;

    /** {@code error} / {@code warning}, as printed in {@code file:line:col: error: message}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
