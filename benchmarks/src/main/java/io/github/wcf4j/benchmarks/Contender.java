package io.github.wcf4j.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A benchmarked system and how its JVM is started: the raw HTTP echo, wcf4j, Metro WSIT and Apache CXF, each with and
 * without a reliable session (WS-RM February 2005, WCF's default, ordered exactly-once: {@code <reliableSession/>}),
 * and wcf4j and CXF with security ({@link Security}).
 */
record Contender(String name, Family family, boolean reliable, Security security) {
    enum Family { RAW, WCF4J, WCF4J_STACK, METRO, CXF, RAW_TCP, NETTCP, DURABLE }

    /**
     * What protects the calls: nothing (plain HTTP), HTTPS alone, or message security, each with its benchmark
     * configuration ({@code configs/calculator.CONFIG.config}) and whether the system needs {@link BenchKeys}.
     */
    enum Security {
        NONE("none"),
        HTTPS("https"),
        /** WS-Security 1.1 with the service's certificate, derived keys, Basic256, over plain HTTP. */
        USERNAME_FOR_CERTIFICATE("unfc"),
        /**
         * A SecureConversation security session bootstrapped by {@link #USERNAME_FOR_CERTIFICATE}, over plain HTTP: a
         * token request when the channel opens, then each call secured with the context's derived keys.
         */
        SECURE_CONVERSATION("sc"),
        /** A signed user name token (WCF's {@code TransportWithMessageCredential}) over HTTPS. */
        USERNAME_OVER_TRANSPORT("unot"),
        /**
         * Issue 14: a SecureConversation security session bootstrapped by MutualCertificate (Basic256, derived keys)
         * over plain HTTP, carrying a reliable session bound to it when the system is reliable
         * ({@code calculator.scrm.config}, else {@code calculator.scmc.config}; Metro and CXF systems run the WSDL
         * wcf4j exports for it), with a client key pair ({@link BenchKeys#mutualOptions()}).
         */
        SECURE_CONVERSATION_MUTUAL_CERTIFICATE("scmc"),
        /**
         * Issue 15: the seed configurations' binding verbatim (SecureConversation over SspiNegotiated, Kerberos from an
         * embedded KDC, under reliableSession and compositeDuplex), run by {@link SeedSystem}, not from a benchmark
         * configuration.
         */
        SEED_SSPI_NEGOTIATED("seed");

        final String config;

        Security(String config) {
            this.config = config;
        }
    }

    Contender(String name, Family family, boolean reliable) {
        this(name, family, reliable, Security.NONE);
    }

    static final Contender RAW = new Contender("raw HTTP echo (Netty)", Family.RAW, false);
    static final Contender WCF4J = new Contender("wcf4j", Family.WCF4J, false);
    static final Contender WCF4J_RM = new Contender("wcf4j + RM", Family.WCF4J, true);
    static final Contender METRO = new Contender("Metro WSIT", Family.METRO, false);
    static final Contender METRO_RM = new Contender("Metro WSIT + RM", Family.METRO, true);
    static final Contender CXF = new Contender("Apache CXF", Family.CXF, false);
    static final Contender CXF_RM = new Contender("Apache CXF + RM", Family.CXF, true);

    static final Contender WCF4J_UNFC = new Contender("wcf4j + UserNameForCertificate", Family.WCF4J, false,
            Security.USERNAME_FOR_CERTIFICATE);
    static final Contender WCF4J_SC = new Contender("wcf4j + SecureConversation (UserNameForCertificate bootstrap)",
            Family.WCF4J, false, Security.SECURE_CONVERSATION);
    static final Contender WCF4J_HTTPS = new Contender("wcf4j over HTTPS", Family.WCF4J, false, Security.HTTPS);
    static final Contender WCF4J_UNOT = new Contender("wcf4j + UserNameOverTransport", Family.WCF4J, false,
            Security.USERNAME_OVER_TRANSPORT);
    static final Contender CXF_HTTPS = new Contender("Apache CXF over HTTPS", Family.CXF, false, Security.HTTPS);
    static final Contender CXF_UNOT = new Contender("Apache CXF + UserNameOverTransport", Family.CXF, false,
            Security.USERNAME_OVER_TRANSPORT);
    static final Contender WCF4J_SC_RM = new Contender("wcf4j + SecureConversation (MutualCertificate) + RM",
            Family.WCF4J, true, Security.SECURE_CONVERSATION_MUTUAL_CERTIFICATE);
    static final Contender METRO_SC_RM = new Contender("Metro WSIT + SecureConversation (MutualCertificate) + RM",
            Family.METRO, true, Security.SECURE_CONVERSATION_MUTUAL_CERTIFICATE);
    static final Contender WCF4J_SC_MC = new Contender("wcf4j + SecureConversation (MutualCertificate)",
            Family.WCF4J, false, Security.SECURE_CONVERSATION_MUTUAL_CERTIFICATE);
    static final Contender CXF_SC_MC = new Contender("Apache CXF + SecureConversation (MutualCertificate)",
            Family.CXF, false, Security.SECURE_CONVERSATION_MUTUAL_CERTIFICATE);
    /**
     * The security-rm scenario's systems (issue 14), each after its baseline: wcf4j + RM and Metro WSIT + RM without
     * security, then both with SecureConversation (MutualCertificate bootstrap) under the same reliable session;
     * then wcf4j and Apache CXF with the same security without RM ({@link #SECURE_NO_RM}: CXF's RM does not bind to
     * the security context).
     */
    static final List<Contender> SECURE_RM = List.of(WCF4J_RM, WCF4J_SC_RM, METRO_RM, METRO_SC_RM, WCF4J_SC_MC,
            CXF_SC_MC);
    /** The pairing without RM, measured at the targets' sessions only. */
    static final List<Contender> SECURE_NO_RM = List.of(WCF4J_SC_MC, CXF_SC_MC);

    /** The seed scenario's systems (issue 15, {@link SeedSystem}): the seed binding verbatim and without security. */
    static final Contender WCF4J_SEED_PLAIN = new Contender("wcf4j, seed binding .no-security", Family.WCF4J, true);
    static final Contender WCF4J_SEED = new Contender("wcf4j, seed binding verbatim (SspiNegotiated SecureConversation)",
            Family.WCF4J, true, Security.SEED_SSPI_NEGOTIATED);

    /** The security scenario's systems, each secured one after its baseline (plain HTTP's is {@link #WCF4J}). */
    static final List<Contender> SECURITY = List.of(WCF4J, WCF4J_UNFC, WCF4J_SC, WCF4J_HTTPS, WCF4J_UNOT, CXF_HTTPS,
            CXF_UNOT);

    static final List<Contender> ALL = List.of(RAW, WCF4J, WCF4J_RM, METRO, METRO_RM, CXF, CXF_RM);

    /** wcf4j's channel stack without the service model ({@link ChannelStackSystem}): where a call's cost goes. */
    static final Contender WCF4J_STACK = new Contender("wcf4j channel stack alone", Family.WCF4J_STACK, false);
    static final Contender WCF4J_RM_STACK = new Contender("wcf4j + RM channel stack alone", Family.WCF4J_STACK, true);
    static final List<Contender> STACK_ONLY = List.of(WCF4J_STACK, WCF4J_RM_STACK);

    /** net.tcp (issue 16, {@link NetTcpScenario}): the raw TCP echo and wcf4j's netTcpBinding, by its configuration. */
    static final Contender RAW_TCP = new Contender("raw TCP echo (Netty)", Family.RAW_TCP, false);
    static final Contender NETTCP = new Contender("wcf4j net.tcp, security None", Family.NETTCP, false);
    static final Contender NETTCP_RM = new Contender("wcf4j net.tcp + RM, security None", Family.NETTCP, true);
    static final Contender NETTCP_TLS = new Contender("wcf4j net.tcp, Transport (TLS, client certificate)",
            Family.NETTCP, false);
    static final Contender NETTCP_TLS_RM = new Contender("wcf4j net.tcp + RM, Transport (TLS, client certificate)",
            Family.NETTCP, true);

    /** The netTcpBinding configuration ({@code configs/calculator.NAME.config}) of a {@link Family#NETTCP} system. */
    String netTcpConfig() {
        return "nettcp-" + (name.contains("TLS") ? "tls" : "none") + (reliable ? "-rm" : "");
    }

    /** Whether this system needs {@link BenchKeys} (Transport security). */
    boolean needsKeys() {
        return security != Security.NONE || (family == Family.NETTCP && name.contains("TLS"));
    }

    /** The same system without its security: what its security's cost is measured against. */
    Contender baseline() {
        return switch (security) {
            case NONE -> this;
            case HTTPS, USERNAME_FOR_CERTIFICATE, SECURE_CONVERSATION -> family == Family.CXF ? CXF : WCF4J;
            case SECURE_CONVERSATION_MUTUAL_CERTIFICATE -> family == Family.METRO ? METRO_RM : family == Family.CXF
                    ? CXF : reliable ? WCF4J_RM : WCF4J;
            case SEED_SSPI_NEGOTIATED -> WCF4J_SEED_PLAIN;
            case USERNAME_OVER_TRANSPORT -> family == Family.CXF ? CXF_HTTPS : WCF4J_HTTPS;
        };
    }

    /** The command running this system's load ({@code mode} bench or heap); {@code extra}: the load's options. */
    List<String> command(Layout layout, String mode, List<String> extra) {
        List<String> c = new ArrayList<>(layout.java());
        switch (family) {
            case RAW -> c.addAll(List.of("-cp", layout.benchmarksClasspath(), RawHttpEcho.class.getName(), "raw"));
            case RAW_TCP -> c.addAll(List.of("-cp", layout.benchmarksClasspath(), RawTcpEcho.class.getName(), "raw"));
            case NETTCP -> c.addAll(List.of("-cp", layout.benchmarksClasspath(), NetTcpSystem.class.getName(),
                    mode.equals("heap") ? "heap" : "calc", "--config", netTcpConfig()));
            case WCF4J -> c.addAll(List.of("-cp", layout.benchmarksClasspath(), Wcf4jSystem.class.getName(),
                    mode.equals("heap") ? "heap" : "calc", "--config", wcf4jConfig()));
            case WCF4J_STACK -> c.addAll(List.of("-cp", layout.benchmarksClasspath(),
                    ChannelStackSystem.class.getName(), mode, "--config", reliable ? "rm10" : "none"));
            case METRO -> {
                if (security != Security.NONE) {
                    // configured by the WSDL wcf4j exports for the same binding: the options name it and the keys
                    c.addAll(List.of("-cp", layout.peerClasspath("metro-peer"),
                            "io.github.wcf4j.peers.metro.MetroSecurityPeer", "bench", "--address",
                            "http://127.0.0.1:0/calc"));
                    c.addAll(extra);
                    return c;
                }
                c.addAll(List.of("-cp", layout.peerClasspath("metro-peer"), "io.github.wcf4j.peers.metro.MetroPeer",
                        mode, "--rm", reliable ? "10" : "none", "--address", "http://127.0.0.1:0/calc"));
                if (reliable) {
                    c.add("--ordered");
                }
            }
            case CXF -> {
                if (security == Security.SECURE_CONVERSATION_MUTUAL_CERTIFICATE) {
                    // configured by the WSDL wcf4j exports for the same binding: the options name it and the keys
                    c.addAll(List.of("-cp", layout.peerClasspath("cxf-peer"), "io.github.wcf4j.peers.cxf.CxfPolicyPeer",
                            "bench", "--address", "http://127.0.0.1:0/calc", "--no-bsp"));
                    c.addAll(extra);
                    return c;
                }
                if (security == Security.NONE) {
                    c.addAll(List.of("-cp", layout.peerClasspath("cxf-peer"), "io.github.wcf4j.peers.cxf.CxfPeer",
                            mode, "--rm", reliable ? "10" : "none", "--address", "http://127.0.0.1:0/calc"));
                } else {
                    c.addAll(List.of("-cp", layout.peerClasspath("cxf-peer"),
                            "io.github.wcf4j.peers.cxf.CxfSecurityPeer", mode, "--auth",
                            security == Security.HTTPS ? "none" : "username", "--address",
                            "https://127.0.0.1:0/calc"));
                }
            }
            default -> throw new IllegalStateException();
        }
        c.addAll(extra);
        return c;
    }

    /** The benchmark configuration of a wcf4j system ({@code configs/calculator.NAME.config}). */
    String wcf4jConfig() {
        return switch (security) {
            case NONE -> reliable ? "rm10" : "none";
            case SECURE_CONVERSATION_MUTUAL_CERTIFICATE -> reliable ? "scrm" : "scmc";
            default -> security.config;
        };
    }

    /** A file-name-safe identifier. */
    String id() {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("-$", "");
    }
}
