package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.credentials.TokenImpersonationLevel;
import io.github.wcf4j.binding.credentials.WindowsClientCredential;
import io.github.wcf4j.binding.credentials.WindowsServiceCredential;

/**
 * The Windows settings of the credentials behaviors, as the Kerberos a JVM speaks honours them: a client's
 * {@code <clientCredentials><windows allowedImpersonationLevel allowNtlm>} (WCF {@code WindowsClientCredential}) and a
 * service's {@code <serviceCredentials><windowsAuthentication allowAnonymousLogons includeWindowsGroups>} (WCF
 * {@code WindowsServiceCredential}); binding parameters, from the configuration unless given in code.
 *
 * <p>The client's:
 *
 * <ul>
 * <li>{@code Identification} (the default) and {@code Impersonation}: the ticket is sent as JGSS makes it. SSPI marks
 * an identification-only ticket with {@code ISC_REQ_IDENTIFY} (Microsoft's {@code GSS_C_IDENTIFY_FLAG} in the
 * authenticator's checksum), which JGSS cannot set: a Windows service receiving a JVM client's ticket may impersonate
 * (never delegate) that client on its own machine. A JVM service never impersonates anyone.</li>
 * <li>{@code Delegation}: SPNEGO ({@code SspiNegotiated}, HTTP Negotiate) asks to delegate the client's credentials
 * (JGSS's {@code credDeleg}, WCF's {@code SspiContextFlags.Delegate}), which the KDC grants only when the service's
 * account is trusted for delegation (an {@code OK-AS-DELEGATE} ticket); the Kerberos token profile
 * ({@code authenticationMode="Kerberos"}) refuses it, as WCF's {@code KerberosRequestorSecurityToken} does.</li>
 * <li>{@code Anonymous} and {@code None}: refused; an anonymous Kerberos context is not available through JGSS, and
 * wcf4j never sends an unauthenticated call in place of an authenticated one.</li>
 * <li>{@code allowNtlm}: recorded, changes nothing: the JVM has no NTLM, every Windows authentication it makes is
 * Kerberos.</li>
 * </ul>
 *
 * <p>The service's: {@code allowAnonymousLogons="false"} (the default) refuses the anonymous Kerberos principal
 * ({@value #ANONYMOUS}, RFC 6112), WCF's refusal of anonymous Windows logons; {@code includeWindowsGroups} cannot be
 * honoured: the caller's groups travel in the ticket's PAC (MS-PAC), which JGSS does not expose, so a JVM service knows
 * the caller's principal and no groups, whatever the setting ({@link ServiceSecurityContext#kerberos}).
 *
 * @param client  the client's {@code <windows>}
 * @param service the service's {@code <windowsAuthentication>}
 */
public record WindowsCredentials(WindowsClientCredential client, WindowsServiceCredential service) {
    /** The anonymous Kerberos principal (RFC 6112), which a service refuses unless it allows anonymous logons. */
    public static final String ANONYMOUS = "WELLKNOWN/ANONYMOUS@WELLKNOWN:ANONYMOUS";

    /** WCF's defaults: Identification, NTLM allowed; anonymous logons refused, groups included. */
    public static WindowsCredentials defaults() {
        return new WindowsCredentials(WindowsClientCredential.defaults(), WindowsServiceCredential.defaults());
    }

    /**
     * The caller a Kerberos acceptor authenticated as {@code clientPrincipal}.
     *
     * @throws SecurityTokenValidationException for the anonymous principal when anonymous logons are not allowed
     */
    ServiceSecurityContext caller(String clientPrincipal) {
        if (!service.allowAnonymousLogons() && clientPrincipal.equals(ANONYMOUS)) {
            throw new SecurityTokenValidationException("An anonymous Kerberos logon was refused:"
                    + " serviceCredentials/windowsAuthentication allowAnonymousLogons=\"false\" (WCF's default).");
        }
        return ServiceSecurityContext.kerberos(clientPrincipal);
    }

    /**
     * Checks the level for the Kerberos token profile ({@code KerberosRequestorSecurityToken}: Identification or
     * Impersonation only).
     *
     * @throws IllegalStateException for any other level (WCF's {@code ImpersonationLevelNotSupported})
     */
    void checkKerberosToken() {
        TokenImpersonationLevel level = client.allowedImpersonationLevel();
        if (level != TokenImpersonationLevel.Identification && level != TokenImpersonationLevel.Impersonation) {
            throw new IllegalStateException("clientCredentials/windows allowedImpersonationLevel=\"" + level + "\" is"
                    + " not supported by the Kerberos token profile (authenticationMode=\"Kerberos\"), which sends a"
                    + " ticket for Identification or Impersonation only (WCF's KerberosRequestorSecurityToken refuses"
                    + " it too: ImpersonationLevelNotSupported); use Identification or Impersonation, or SspiNegotiated"
                    + " for Delegation.");
        }
    }

    /**
     * Whether SPNEGO asks to delegate the client's credentials ({@code Delegation}).
     *
     * @throws IllegalStateException for {@code Anonymous} and {@code None}
     */
    boolean delegation() {
        TokenImpersonationLevel level = client.allowedImpersonationLevel();
        if (level == TokenImpersonationLevel.None) {
            throw new IllegalStateException(WcfText.SpnegoImpersonationLevelCannotBeSetToNone.format());
        }
        if (level == TokenImpersonationLevel.Anonymous) {
            throw new IllegalStateException("clientCredentials/windows allowedImpersonationLevel=\"Anonymous\" asks"
                    + " SSPI for an anonymous context, which Kerberos through JGSS cannot make; wcf4j does not send"
                    + " the call authenticated instead. Use Identification (WCF's default), Impersonation or"
                    + " Delegation.");
        }
        return level == TokenImpersonationLevel.Delegation;
    }
}
