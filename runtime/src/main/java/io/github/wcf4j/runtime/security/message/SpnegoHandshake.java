package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.runtime.security.KerberosCredentials;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.nio.charset.StandardCharsets;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSCredential;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.MessageProp;
import org.ietf.jgss.Oid;

/**
 * One side of SPNEGO ({@code 1.3.6.1.5.5.2}) through JGSS, as WCF's {@code WindowsSspiNegotiation} runs SSPI's
 * "Negotiate" package: on the JVM the only mechanism is Kerberos. The initiator asks for mutual authentication,
 * confidentiality and integrity; its target is the service principal the endpoint identity names. {@link #wrap(byte[])}
 * and {@link #unwrap(byte[])} are GSS wrap with confidentiality ({@code #GSS_Wrap}, an RFC 4121 token). Both sides run
 * as their {@link KerberosCredentials}' subject. HTTP's Negotiate scheme runs the same two sides, one context per
 * request ({@code transport.http.HttpNegotiateAuthentication}).
 */
public final class SpnegoHandshake implements NegotiationHandshake {
    static final Oid SPNEGO = oid("1.3.6.1.5.5.2");
    static final Oid KRB5 = oid("1.2.840.113554.1.2.2");
    /** {@code GSS_KRB5_NT_PRINCIPAL_NAME}: a principal name used as written, SPN or UPN. */
    static final Oid KRB5_PRINCIPAL_NAME = oid("1.2.840.113554.1.2.2.1");
    /** NTLM's SPNEGO mechanism ({@code 1.3.6.1.4.1.311.2.2.10}) as DER, and its raw token's signature. */
    private static final byte[] NTLM_OID_DER = {0x06, 0x0a, 0x2b, 0x06, 0x01, 0x04, 0x01, (byte) 0x82, 0x37, 0x02,
        0x02, 0x0a};
    private static final byte[] NTLMSSP = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KRB5_OID_DER = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x12,
        0x01, 0x02, 0x02};
    private static final byte[] KRB5_MS_OID_DER = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x82, (byte) 0xf7, 0x12,
        0x01, 0x02, 0x02};

    private final GSSContext context;
    private final KerberosCredentials credentials;
    private final boolean initiator;
    private final String target;
    private final String address;

    private SpnegoHandshake(GSSContext context, KerberosCredentials credentials, boolean initiator, String target,
            String address) {
        this.context = context;
        this.credentials = credentials;
        this.initiator = initiator;
        this.target = target;
        this.address = address;
    }

    private static Oid oid(String s) {
        try {
            return new Oid(s);
        } catch (GSSException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The client's side, for the service principal {@code target} (an SPN such as {@code host/name}, or a UPN) of the
     * service at {@code address}.
     */
    public static SpnegoHandshake initiator(KerberosCredentials credentials, String target, String address,
            boolean delegation) {
        try {
            GSSContext context = credentials.run(true, () -> {
                GSSManager manager = GSSManager.getInstance();
                GSSCredential own = manager.createCredential(null, GSSCredential.DEFAULT_LIFETIME, SPNEGO,
                        GSSCredential.INITIATE_ONLY);
                GSSContext c = manager.createContext(manager.createName(target, KRB5_PRINCIPAL_NAME), SPNEGO, own,
                        GSSContext.DEFAULT_LIFETIME);
                c.requestMutualAuth(true);
                c.requestConf(true);
                c.requestInteg(true);
                c.requestCredDeleg(delegation);
                return c;
            });
            return new SpnegoHandshake(context, credentials, true, target, address);
        } catch (Exception e) {
            throw failed(credentials, target, address, e);
        }
    }

    /** The service's side: any principal whose keys its credentials hold. */
    public static SpnegoHandshake acceptor(KerberosCredentials credentials) {
        try {
            GSSContext context = credentials.run(false, () -> {
                GSSManager manager = GSSManager.getInstance();
                GSSCredential own = manager.createCredential(null, GSSCredential.INDEFINITE_LIFETIME,
                        new Oid[] {SPNEGO, KRB5}, GSSCredential.ACCEPT_ONLY);
                return manager.createContext(own);
            });
            return new SpnegoHandshake(context, credentials, false, "", "");
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
            byte[] out = credentials.run(initiator, () -> initiator
                    ? context.initSecContext(incoming, 0, incoming.length)
                    : context.acceptSecContext(incoming, 0, incoming.length));
            return out == null ? new byte[0] : out;
        } catch (Exception e) {
            if (initiator) {
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
        return indexOf(token, NTLMSSP) >= 0 || (indexOf(token, NTLM_OID_DER) >= 0
                && indexOf(token, KRB5_OID_DER) < 0 && indexOf(token, KRB5_MS_OID_DER) < 0);
    }

    private static int indexOf(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= data.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (data[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public boolean complete() {
        return context.isEstablished();
    }

    @Override
    public byte[] wrap(byte[] data) {
        try {
            return context.wrap(data, 0, data.length, new MessageProp(0, true));
        } catch (GSSException e) {
            throw new MessageSecurityException("GSS wrap failed: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] unwrap(byte[] data) {
        try {
            MessageProp prop = new MessageProp(0, true);
            byte[] out = context.unwrap(data, 0, data.length, prop);
            if (!prop.getPrivacy()) {
                throw new MessageSecurityException(WcfText.ProofTokenWasNotWrappedCorrectly.format());
            }
            return out;
        } catch (GSSException e) {
            throw new MessageSecurityException("The proof token cannot be unwrapped: " + e.getMessage(), e);
        }
    }

    /** The authenticated peer: the client principal (acceptor) or the service principal (initiator). */
    public String peer() {
        try {
            return initiator ? context.getTargName().toString() : context.getSrcName().toString();
        } catch (GSSException e) {
            throw new MessageSecurityException("The negotiated peer is unknown: " + e.getMessage(), e);
        }
    }

    public void dispose() {
        try {
            context.dispose();
        } catch (GSSException e) {
            // nothing to release
        }
    }
}
