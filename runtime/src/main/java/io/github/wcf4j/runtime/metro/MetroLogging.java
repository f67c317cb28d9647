package io.github.wcf4j.runtime.metro;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Quiets Metro's java.util.logging output: an INFO line per endpoint about monitoring, and a SEVERE stack trace per
 * service exception (wcf4j reports service exceptions itself, through SLF4J). Applied once, before the first endpoint or
 * proxy. JUL holds loggers weakly, so the configured loggers are kept here.
 */
final class MetroLogging {
    private static final Logger METRO = Logger.getLogger("com.sun.xml.ws");
    private static final Logger TIE_HANDLER = Logger.getLogger("com.sun.xml.ws.server.sei.TieHandler");
    private static volatile boolean applied;

    private MetroLogging() {
    }

    static void quiet() {
        if (applied) {
            return;
        }
        synchronized (MetroLogging.class) {
            if (applied) {
                return;
            }
            if (System.getProperty("com.sun.xml.ws.monitoring.endpoint") == null) {
                System.setProperty("com.sun.xml.ws.monitoring.endpoint", "false");
            }
            if (System.getProperty("com.sun.xml.ws.monitoring.client") == null) {
                System.setProperty("com.sun.xml.ws.monitoring.client", "false");
            }
            METRO.setLevel(Level.WARNING);
            TIE_HANDLER.setLevel(Level.OFF);
            applied = true;
        }
    }
}
