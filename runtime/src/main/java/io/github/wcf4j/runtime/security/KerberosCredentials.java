package io.github.wcf4j.runtime.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import javax.security.auth.Subject;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/**
 * The JVM's Kerberos identity, where Windows has the logged-on account: what SSPI negotiation ({@code SspiNegotiated},
 * SPNEGO) runs with, client and service. The app.config stays as it is; wcf4j takes the identity from one setting,
 * the system property {@value #SETTING} (else the environment variable {@value #ENVIRONMENT}) naming a properties file:
 *
 * <pre>
 * krb5.conf   = /etc/krb5.conf                  # optional: the Kerberos configuration (realm, KDCs); else the JDK's
 * principal   = svc-calculator@CORP.EXAMPLE.COM # the account (a service: its SPN's account, e.g. host/calc.corp...)
 * keytab      = /etc/wcf4j/calculator.keytab     # its keys (services; unattended clients)
 * ticketCache = /tmp/krb5cc_1000                 # or: a ticket cache (kinit); neither: the default cache
 * jaas.entry  = Wcf4jCalculator                  # or: an entry of java.security.auth.login.config
 * </pre>
 *
 * Code may give a {@code KerberosCredentials} to a host or client as a binding parameter instead; it wins over the
 * setting. The login happens once per role, when a host or client that needs it opens; a keytab login as the service
 * does not contact the KDC ({@code isInitiator=false}). Without either, a binding that needs Kerberos does not open
 * ({@link #notConfigured(String)}): wcf4j never falls back to an anonymous call.
 */
public final class KerberosCredentials {
    /** The system property naming the properties file. */
    public static final String SETTING = "wcf4j.kerberos";
    /** The environment variable read when the system property is not set. */
    public static final String ENVIRONMENT = "WCF4J_KERBEROS";

    private final Optional<String> principal;
    private final Optional<Path> keytab;
    private final Optional<Path> ticketCache;
    private final Optional<Path> krb5Conf;
    private final Optional<String> jaasEntry;
    private final Map<Boolean, Subject> subjects = new HashMap<>();

    private KerberosCredentials(Optional<String> principal, Optional<Path> keytab, Optional<Path> ticketCache,
            Optional<Path> krb5Conf, Optional<String> jaasEntry) {
        this.principal = principal;
        this.keytab = keytab;
        this.ticketCache = ticketCache;
        this.krb5Conf = krb5Conf;
        this.jaasEntry = jaasEntry;
    }

    /** {@code principal}'s keys from {@code keytab}, with the Kerberos configuration {@code krb5Conf} if given. */
    public static KerberosCredentials keytab(String principal, Path keytab, Optional<Path> krb5Conf) {
        return new KerberosCredentials(Optional.of(Objects.requireNonNull(principal, "principal")),
                Optional.of(Objects.requireNonNull(keytab, "keytab")), Optional.empty(), krb5Conf, Optional.empty());
    }

    /** The tickets of a ticket cache (the default one when {@code cache} is empty), as {@code kinit} left them. */
    public static KerberosCredentials ticketCache(Optional<String> principal, Optional<Path> cache,
            Optional<Path> krb5Conf) {
        return new KerberosCredentials(principal, Optional.empty(), cache, krb5Conf, Optional.empty());
    }

    /** The login of an entry of the JVM's JAAS login configuration. */
    public static KerberosCredentials jaasEntry(String entry, Optional<Path> krb5Conf) {
        return new KerberosCredentials(Optional.empty(), Optional.empty(), Optional.empty(), krb5Conf,
                Optional.of(entry));
    }

    /**
     * The credentials a properties file describes (keys {@code krb5.conf}, {@code principal}, {@code keytab},
     * {@code ticketCache}, {@code jaas.entry}); relative paths are resolved against the file's folder.
     *
     * @throws IllegalStateException when the file cannot be read or names neither a keytab, a ticket cache nor a JAAS
     *                               entry with what it needs
     */
    public static KerberosCredentials load(Path file) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("The Kerberos settings file '" + file + "' (" + SETTING + ") cannot be"
                    + " read: " + e.getMessage(), e);
        }
        Path base = file.toAbsolutePath().getParent();
        Optional<Path> conf = path(p, "krb5.conf", base);
        Optional<String> principal = Optional.ofNullable(p.getProperty("principal")).map(String::strip)
                .filter(s -> !s.isEmpty());
        Optional<String> entry = Optional.ofNullable(p.getProperty("jaas.entry")).map(String::strip)
                .filter(s -> !s.isEmpty());
        if (entry.isPresent()) {
            return jaasEntry(entry.get(), conf);
        }
        Optional<Path> keytab = path(p, "keytab", base);
        if (keytab.isPresent()) {
            return keytab(principal.orElseThrow(() -> new IllegalStateException("The Kerberos settings file '" + file
                    + "' names a keytab but no principal.")), keytab.get(), conf);
        }
        return ticketCache(principal, path(p, "ticketCache", base), conf);
    }

    private static Optional<Path> path(Properties p, String key, Path base) {
        return Optional.ofNullable(p.getProperty(key)).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> base == null ? Path.of(s) : base.resolve(s));
    }

    /** The credentials the {@value #SETTING} setting names, if it is set. */
    public static Optional<KerberosCredentials> fromSetting() {
        String value = System.getProperty(SETTING);
        if (value == null || value.isBlank()) {
            value = System.getenv(ENVIRONMENT);
        }
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(load(Path.of(value.strip())));
    }

    /**
     * The error of a {@code role} ("client" or "service") whose binding needs Kerberos when none is configured.
     */
    public static IllegalStateException notConfigured(String role) {
        return new IllegalStateException("This " + role + "'s binding authenticates with Windows credentials"
                + " (SspiNegotiated, WCF's default bootstrap of SecureConversation), which wcf4j runs as Kerberos"
                + " through JGSS; no Kerberos identity is configured, so it is not opened (never as anonymous). Set"
                + " the system property " + SETTING + " (or the environment variable " + ENVIRONMENT + ") to a properties file"
                + " naming krb5.conf, principal and keytab (or ticketCache, or jaas.entry); see the README, \"Windows"
                + " authentication\".");
    }

    /** The principal, or the JAAS entry, for texts. */
    public String describe() {
        return jaasEntry.map(e -> "JAAS entry '" + e + "'").orElseGet(() -> principal.map(p -> "'" + p + "'")
                .orElse("the ticket cache's principal"));
    }

    /**
     * The logged-in subject for a role, logging in the first time.
     *
     * @param initiator true for a client (obtains a ticket-granting ticket), false for a service (its keys only)
     * @throws IllegalStateException when the login fails
     */
    public synchronized Subject subject(boolean initiator) {
        Subject s = subjects.get(initiator);
        if (s == null) {
            krb5Conf.ifPresent(c -> System.setProperty("java.security.krb5.conf", c.toString()));
            try {
                LoginContext login = jaasEntry.isPresent() ? new LoginContext(jaasEntry.get())
                        : new LoginContext("wcf4j", new Subject(), null, configuration(initiator));
                login.login();
                s = login.getSubject();
            } catch (LoginException e) {
                throw new IllegalStateException("The Kerberos login of " + describe() + " failed: " + e.getMessage(),
                        e);
            }
            subjects.put(initiator, s);
        }
        return s;
    }

    private Configuration configuration(boolean initiator) {
        Map<String, String> options = new HashMap<>();
        options.put("doNotPrompt", "true");
        options.put("isInitiator", Boolean.toString(initiator));
        principal.ifPresent(p -> options.put("principal", p));
        if (krb5Conf.isPresent()) {
            options.put("refreshKrb5Config", "true");
        }
        if (keytab.isPresent()) {
            options.put("useKeyTab", "true");
            options.put("keyTab", keytab.get().toString());
            options.put("storeKey", "true");
        } else {
            options.put("useTicketCache", "true");
            ticketCache.ifPresent(c -> options.put("ticketCache", c.toString()));
        }
        AppConfigurationEntry entry = new AppConfigurationEntry("com.sun.security.auth.module.Krb5LoginModule",
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options);
        return new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[] {entry};
            }
        };
    }

    /** Runs {@code action} as the role's subject (JGSS takes its credentials from it). */
    public <T> T run(boolean initiator, PrivilegedExceptionAction<T> action) throws Exception {
        Subject s = subject(initiator);
        try {
            return Subject.doAs(s, action);
        } catch (PrivilegedActionException e) {
            throw e.getException();
        }
    }
}
