package io.github.wcf4j.binding.security;

import java.util.List;

/**
 * The names WCF's {@code SecurityAlgorithmSuiteConverter} accepts for {@code defaultAlgorithmSuite} and
 * {@code algorithmSuite}; {@code Default} is {@code Basic256}.
 */
public final class SecurityAlgorithmSuite {
    /** Every accepted name, in WCF's order. */
    public static final List<String> NAMES = List.of("Default", "Basic128", "Basic192", "Basic256", "Basic128Rsa15",
            "Basic192Rsa15", "Basic256Rsa15", "Basic128Sha256", "Basic192Sha256", "Basic256Sha256",
            "Basic128Sha256Rsa15", "Basic192Sha256Rsa15", "Basic256Sha256Rsa15", "TripleDes", "TripleDesRsa15",
            "TripleDesSha256", "TripleDesSha256Rsa15");

    /** {@code "Default"} (= Basic256). */
    public static final String DEFAULT = "Default";
    /**
     * {@code "Basic128"}: WCF's {@code SecurityAlgorithmSuite.KerberosDefault}, the suite of the Kerberos factories
     * (and of a standard binding's Kerberos element unless its {@code algorithmSuite} is written).
     */
    public static final String KERBEROS_DEFAULT = "Basic128";

    private SecurityAlgorithmSuite() {
    }

    public static boolean isValid(String name) {
        return NAMES.contains(name);
    }
}
