package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.security.KerberosCredentials;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import io.github.wcf4j.runtime.security.SpnegoContext;
import org.ietf.jgss.GSSException;

/**
 * One side of SPNEGO ({@code 1.3.6.1.5.5.2}) through JGSS, as WCF's {@code WindowsSspiNegotiation} runs SSPI's
 * "Negotiate" package: on the JVM the only mechanism is Kerberos. The initiator asks for mutual authentication,
 * confidentiality and integrity; its target is the service principal the endpoint identity names. {@link #wrap(byte[])}
 * and {@link #unwrap(byte[])} are GSS wrap with confidentiality ({@code #GSS_Wrap}, an RFC 4121 token). Both sides run
 * as their {@link KerberosCredentials}' subject, on a {@link SpnegoContext}; this class words its failures as WCF's
 * message security does. HTTP's Negotiate scheme runs the same two sides, one context per
 * request ({@code transport.http.HttpNegotiateAuthentication}).
 */
public final class SpnegoHandshake implements NegotiationHandshake {
    private final SpnegoContext context;
    private final KerberosCredentials credentials;
    private final String target;
    private final String address;

    private SpnegoHandshake(SpnegoContext context, KerberosCredentials credentials, String target, String address) {
        this.context = context;
        this.credentials = credentials;
        this.target = target;
        this.address = address;
    }

    /**
     * The client's side, for the service principal {@code target} (an SPN such as {@code host/name}, or a UPN) of the
     * service at {@code address}.
     */
    public static SpnegoHandshake initiator(KerberosCredentials credentials, String target, String address,
            boolean delegation) {
        try {
            return new SpnegoHandshake(SpnegoContext.initiator(credentials, target,
                    new SpnegoContext.Requests(true, true, delegation)), credentials, target, address);
        } catch (Exception e) {
            throw failed(credentials, target, address, e);
        }
    }

    /** The service's side: any principal whose keys its credentials hold. */
    public static SpnegoHandshake acceptor(KerberosCredentials credentials) {
        try {
            return new SpnegoHandshake(SpnegoContext.acceptor(credentials), credentials, "", "");
        } catch (Exception e) {
            throw new MessageSecurityException("The service's Kerberos credentials (" + credentials.describe()
                    + ") cannot accept a negotiation: " + e.getMessage(), e);
        }
    }

    /** Obtains the service's Kerberos credentials (at open: a login that fails, fails there). */
    public static void acceptorCredentials(KerberosCredentials credentials) {
        acceptor(credentials).dispose();
    }

    /** WCF's {@code SoapSecurityNegotiationFailedForIssuerAndTarget}, the Kerberos failure as its inner exception. */
    private static MessageSecurityException failed(KerberosCredentials credentials, String target, String address,
            Exception e) {
        return new MessageSecurityException(WcfText.SoapSecurityNegotiationFailedForIssuerAndTarget.format(address,
                address), new MessageSecurityException("The Kerberos negotiation of " + credentials.describe()
                + " for the service principal '" + target + "' failed: " + e.getMessage() + ". wcf4j negotiates"
                + " Kerberos only: NTLM, which Windows falls back to when no Kerberos ticket can be had for the service"
                + " principal, is not available on the JVM; check the endpoint's <identity> (servicePrincipalName,"
                + " userPrincipalName) or WCF's default host/<address host>, and that the KDC knows that principal.",
                e));
    }

    @Override
    public byte[] step(byte[] incoming) {
        try {
            return context.step(incoming);
        } catch (Exception e) {
            if (context.isInitiator()) {
                throw failed(credentials, target, address, e);
            }
            if (ntlmOnly(incoming)) {
                throw new SecurityTokenValidationException("The client offered NTLM only: wcf4j authenticates Windows"
                        + " callers with Kerberos, a JVM cannot verify NTLM without a domain controller; the client"
                        + " must obtain a Kerberos ticket for this service's principal (its endpoint identity).");
            }
            throw new SecurityTokenValidationException("The caller was not authenticated by the service: "
                    + e.getMessage());
        }
    }

    /** Whether a token offers NTLM and no Kerberos (a raw NTLMSSP token, or a NegTokenInit listing NTLM only). */
    public static boolean ntlmOnly(byte[] token) {
        return SpnegoContext.ntlmOnly(token);
    }

    @Override
    public boolean complete() {
        return context.established();
    }

    @Override
    public byte[] wrap(byte[] data) {
        try {
            return context.wrap(data, 0, data.length, true);
        } catch (GSSException e) {
            throw new MessageSecurityException("GSS wrap failed: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] unwrap(byte[] data) {
        byte[] out;
        try {
            out = context.unwrap(data, true);
        } catch (GSSException e) {
            throw new MessageSecurityException("The proof token cannot be unwrapped: " + e.getMessage(), e);
        }
        if (out == null) {
            throw new MessageSecurityException(WcfText.ProofTokenWasNotWrappedCorrectly.format());
        }
        return out;
    }

    /** The authenticated peer: the client principal (acceptor) or the service principal (initiator). */
    public String peer() {
        try {
            return context.peer();
        } catch (GSSException e) {
            throw new MessageSecurityException("The negotiated peer is unknown: " + e.getMessage(), e);
        }
    }

    public void dispose() {
        context.dispose();
    }
}
