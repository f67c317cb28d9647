package io.github.wcf4j.runtime.security;

import java.nio.charset.StandardCharsets;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSCredential;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.MessageProp;
import org.ietf.jgss.Oid;

/**
 * One side of a SPNEGO ({@code 1.3.6.1.5.5.2}) context through JGSS, run as its {@link KerberosCredentials}' subject:
 * what SSPI's "Negotiate" package is to WCF, with Kerberos the only mechanism a JVM has. Every Windows authentication
 * of wcf4j runs on it: SspiNegotiated message security ({@code security.message.SpnegoHandshake}) and net.tcp's
 * NegotiateStream ({@code transport.tcp.NegotiateContext}); each says in its own terms (WCF's texts, its exception
 * type) what a failure here means, so this class throws what JGSS throws.
 */
public final class SpnegoContext {
    public static final Oid SPNEGO = oid("1.3.6.1.5.5.2");
    public static final Oid KRB5 = oid("1.2.840.113554.1.2.2");
    /** {@code GSS_KRB5_NT_PRINCIPAL_NAME}: a principal name used as written, SPN or UPN. */
    public static final Oid KRB5_PRINCIPAL_NAME = oid("1.2.840.113554.1.2.2.1");
    /** NTLM's SPNEGO mechanism ({@code 1.3.6.1.4.1.311.2.2.10}) as DER, and its raw token's signature. */
    private static final byte[] NTLM_OID_DER = {0x06, 0x0a, 0x2b, 0x06, 0x01, 0x04, 0x01, (byte) 0x82, 0x37, 0x02,
        0x02, 0x0a};
    private static final byte[] NTLMSSP = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KRB5_OID_DER = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x12,
        0x01, 0x02, 0x02};
    private static final byte[] KRB5_MS_OID_DER = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x82, (byte) 0xf7, 0x12,
        0x01, 0x02, 0x02};

    /**
     * What an initiator asks of the context besides mutual authentication and integrity, which it always asks.
     *
     * @param confidentiality wrap tokens that encrypt
     * @param sequencing      replay and sequence detection on the context's tokens
     * @param delegation      the client's credentials delegated to the service
     */
    public record Requests(boolean confidentiality, boolean sequencing, boolean delegation) {
    }

    private final GSSContext context;
    private final KerberosCredentials credentials;
    private final boolean initiator;

    private SpnegoContext(GSSContext context, KerberosCredentials credentials, boolean initiator) {
        this.context = context;
        this.credentials = credentials;
        this.initiator = initiator;
    }

    private static Oid oid(String s) {
        try {
            return new Oid(s);
        } catch (GSSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The client's side for the service principal {@code target} (an SPN such as {@code host/name}, or a UPN). */
    public static SpnegoContext initiator(KerberosCredentials credentials, String target, Requests requests)
            throws Exception {
        GSSContext context = credentials.run(true, () -> {
            GSSManager manager = GSSManager.getInstance();
            GSSCredential own = manager.createCredential(null, GSSCredential.DEFAULT_LIFETIME, SPNEGO,
                    GSSCredential.INITIATE_ONLY);
            GSSContext c = manager.createContext(manager.createName(target, KRB5_PRINCIPAL_NAME), SPNEGO, own,
                    GSSContext.DEFAULT_LIFETIME);
            c.requestMutualAuth(true);
            c.requestInteg(true);
            c.requestConf(requests.confidentiality());
            c.requestReplayDet(requests.sequencing());
            c.requestSequenceDet(requests.sequencing());
            c.requestCredDeleg(requests.delegation());
            return c;
        });
        return new SpnegoContext(context, credentials, true);
    }

    /** The service's side: any principal whose keys its credentials hold, over SPNEGO or bare Kerberos. */
    public static SpnegoContext acceptor(KerberosCredentials credentials) throws Exception {
        GSSContext context = credentials.run(false, () -> {
            GSSManager manager = GSSManager.getInstance();
            GSSCredential own = manager.createCredential(null, GSSCredential.INDEFINITE_LIFETIME,
                    new Oid[] {SPNEGO, KRB5}, GSSCredential.ACCEPT_ONLY);
            return manager.createContext(own);
        });
        return new SpnegoContext(context, credentials, false);
    }

    public boolean isInitiator() {
        return initiator;
    }

    /** Feeds the peer's token (empty for the initiator's first) and returns this side's next one (empty: none). */
    public byte[] step(byte[] incoming) throws Exception {
        byte[] out = credentials.run(initiator, () -> initiator
                ? context.initSecContext(incoming, 0, incoming.length)
                : context.acceptSecContext(incoming, 0, incoming.length));
        return out == null ? new byte[0] : out;
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

    public boolean established() {
        return context.isEstablished();
    }

    public boolean mutual() {
        return context.getMutualAuthState();
    }

    public boolean integrity() {
        return context.getIntegState();
    }

    public boolean confidentiality() {
        return context.getConfState();
    }

    /** The authenticated peer: the client principal (acceptor) or the service principal (initiator). */
    public String peer() throws GSSException {
        return initiator ? context.getTargName().toString() : context.getSrcName().toString();
    }

    /** The most plaintext one wrap token of at most {@code maxToken} bytes carries. */
    public int maxPlain(boolean conf, int maxToken) throws GSSException {
        return context.getWrapSizeLimit(0, conf, maxToken);
    }

    /** A wrap token (RFC 4121) of the data, encrypted when {@code conf}. */
    public byte[] wrap(byte[] data, int offset, int length, boolean conf) throws GSSException {
        return context.wrap(data, offset, length, new MessageProp(0, conf));
    }

    /**
     * The data of a wrap token of this context, or null when {@code conf} asks for an encrypted token and it was not
     * encrypted.
     */
    public byte[] unwrap(byte[] token, boolean conf) throws GSSException {
        MessageProp prop = new MessageProp(0, conf);
        byte[] out = context.unwrap(token, 0, token.length, prop);
        return conf && !prop.getPrivacy() ? null : out;
    }

    public void dispose() {
        try {
            context.dispose();
        } catch (GSSException e) {
            // nothing to release
        }
    }
}
