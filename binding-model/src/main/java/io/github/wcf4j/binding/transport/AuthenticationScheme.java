package io.github.wcf4j.binding.transport;

/**
 * One flag of {@code System.Net.AuthenticationSchemes}; a transport holds a set of them, the empty set being
 * {@code None}.
 */
public enum AuthenticationScheme {
    Digest, Negotiate, Ntlm, Basic, Anonymous;

    /** {@code IntegratedWindowsAuthentication} = Negotiate | Ntlm. */
    public static final String INTEGRATED_WINDOWS_AUTHENTICATION = "IntegratedWindowsAuthentication";
}
