package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.security.ProtectionLevel;
import io.github.wcf4j.runtime.channel.SecurityNegotiationException;
import io.github.wcf4j.runtime.security.KerberosCredentials;
import io.github.wcf4j.runtime.security.message.SpnegoHandshake;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSCredential;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.MessageProp;
import org.ietf.jgss.Oid;

/**
 * One side of the SPNEGO context a NegotiateStream runs ([MS-NNS]; .NET's {@code NegoState} with the "Negotiate"
 * package), through JGSS: on the JVM its only mechanism is Kerberos. The initiator asks for mutual authentication,
 * integrity, replay and sequence detection, and with {@code EncryptAndSign} confidentiality (.NET's
 * {@code ValidateCreateContext} flags); both sides run as their {@link KerberosCredentials}' subject. After the
 * handshake, {@link #wrap} and {@link #unwrap} are GSS wrap tokens (RFC 4121), with confidentiality or, for
 * {@code Sign}, without (integrity only).
 */
final class NegotiateContext {
    private static final Oid SPNEGO = oid("1.3.6.1.5.5.2");
    private static final Oid KRB5 = oid("1.2.840.113554.1.2.2");
    /** {@code GSS_KRB5_NT_PRINCIPAL_NAME}: a principal name used as written, SPN or UPN. */
    private static final Oid KRB5_PRINCIPAL_NAME = oid("1.2.840.113554.1.2.2.1");
    /** The refusal of a client that offers NTLM only (as the other Kerberos acceptors of wcf4j word it). */
    static final String NTLM_ONLY = "The client offered NTLM only: wcf4j authenticates Windows callers with Kerberos, a"
            + " JVM cannot verify NTLM without a domain controller; the client must obtain a Kerberos ticket for this"
            + " service's principal (its endpoint identity).";

    private final GSSContext context;
    private final KerberosCredentials credentials;
    private final boolean initiator;
    private final String target;

    private NegotiateContext(GSSContext context, KerberosCredentials credentials, boolean initiator, String target) {
        this.context = context;
        this.credentials = credentials;
        this.initiator = initiator;
        this.target = target;
    }

    private static Oid oid(String s) {
        try {
            return new Oid(s);
        } catch (GSSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The client's side for the service principal {@code target} (an SPN such as {@code host/name}, or a UPN). */
    static NegotiateContext initiator(KerberosCredentials credentials, String target, ProtectionLevel level) {
        try {
            GSSContext context = credentials.run(true, () -> {
                GSSManager manager = GSSManager.getInstance();
                GSSCredential own = manager.createCredential(null, GSSCredential.DEFAULT_LIFETIME, SPNEGO,
                        GSSCredential.INITIATE_ONLY);
                GSSContext c = manager.createContext(manager.createName(target, KRB5_PRINCIPAL_NAME), SPNEGO, own,
                        GSSContext.DEFAULT_LIFETIME);
                c.requestMutualAuth(true);
                c.requestInteg(true);
                c.requestReplayDet(true);
                c.requestSequenceDet(true);
                c.requestConf(level == ProtectionLevel.EncryptAndSign);
                return c;
            });
            return new NegotiateContext(context, credentials, true, target);
        } catch (Exception e) {
            throw failed(credentials, target, e);
        }
    }

    /** The service's side: any principal whose keys its credentials hold. */
    static NegotiateContext acceptor(KerberosCredentials credentials) {
        try {
            GSSContext context = credentials.run(false, () -> {
                GSSManager manager = GSSManager.getInstance();
                GSSCredential own = manager.createCredential(null, GSSCredential.INDEFINITE_LIFETIME,
                        new Oid[] {SPNEGO, KRB5}, GSSCredential.ACCEPT_ONLY);
                return manager.createContext(own);
            });
            return new NegotiateContext(context, credentials, false, "");
        } catch (Exception e) {
            throw new SecurityNegotiationException("The service's Kerberos credentials (" + credentials.describe()
                    + ") cannot accept a negotiation: " + e.getMessage(), e);
        }
    }

    /** Obtains the service's Kerberos credentials (at open: a login that fails, fails there). */
    static void acceptorCredentials(KerberosCredentials credentials) {
        acceptor(credentials).dispose();
    }

    private static SecurityNegotiationException failed(KerberosCredentials credentials, String target, Exception e) {
        return new SecurityNegotiationException(WcfText.net_auth_bad_client_creds_or_target_mismatch.format(),
                new SecurityNegotiationException("The Kerberos negotiation of " + credentials.describe()
                        + " for the service principal '" + target + "' failed: " + e.getMessage() + ". wcf4j"
                        + " negotiates Kerberos only: NTLM, which Windows falls back to when no Kerberos ticket can be"
                        + " had for the service principal, is not available on the JVM; check the endpoint's"
                        + " <identity> (servicePrincipalName, userPrincipalName) or WCF's default host/<address"
                        + " host>, and that the KDC knows that principal.", e));
    }

    /**
     * Feeds the peer's token (empty for the initiator's first) and returns this side's next one (empty: none).
     *
     * @throws SecurityNegotiationException when the negotiation fails
     */
    byte[] step(byte[] incoming) {
        if (!initiator && SpnegoHandshake.ntlmOnly(incoming)) {
            throw new SecurityNegotiationException(NTLM_ONLY, null);
        }
        try {
            byte[] out = credentials.run(initiator, () -> initiator
                    ? context.initSecContext(incoming, 0, incoming.length)
                    : context.acceptSecContext(incoming, 0, incoming.length));
            return out == null ? new byte[0] : out;
        } catch (Exception e) {
            if (initiator) {
                throw failed(credentials, target, e);
            }
            throw new SecurityNegotiationException("The caller was not authenticated by the service: "
                    + e.getMessage(), e);
        }
    }

    boolean established() {
        return context.isEstablished();
    }

    boolean mutual() {
        return context.getMutualAuthState();
    }

    /** Whether the established context protects what the protection level asks for. */
    boolean protects(ProtectionLevel level) {
        return switch (level) {
            case None -> true;
            case Sign -> context.getIntegState();
            case EncryptAndSign -> context.getIntegState() && context.getConfState();
        };
    }

    /** The authenticated peer: the client principal (acceptor) or the service principal (initiator). */
    String peer() {
        try {
            return initiator ? context.getTargName().toString() : context.getSrcName().toString();
        } catch (GSSException e) {
            throw new SecurityNegotiationException("The negotiated peer is unknown: " + e.getMessage(), e);
        }
    }

    /** The most plaintext one wrap token of at most {@code maxToken} bytes carries. */
    int maxPlain(boolean conf, int maxToken) {
        try {
            return context.getWrapSizeLimit(0, conf, maxToken);
        } catch (GSSException e) {
            throw new SecurityNegotiationException("The negotiated context has no wrap size: " + e.getMessage(), e);
        }
    }

    byte[] wrap(byte[] data, int offset, int length, boolean conf) {
        try {
            return context.wrap(data, offset, length, new MessageProp(0, conf));
        } catch (GSSException e) {
            throw new SecurityNegotiationException("GSS wrap failed: " + e.getMessage(), e);
        }
    }

    /**
     * The data of a wrap token, which must be encrypted when {@code conf}.
     *
     * @throws SecurityNegotiationException when it is not a token of this context, or not protected as required
     */
    byte[] unwrap(byte[] token, boolean conf) {
        try {
            MessageProp prop = new MessageProp(0, conf);
            byte[] out = context.unwrap(token, 0, token.length, prop);
            if (conf && !prop.getPrivacy()) {
                throw new SecurityNegotiationException("A NegotiateStream data message was not encrypted, although"
                        + " the protection level is EncryptAndSign.", null);
            }
            return out;
        } catch (GSSException e) {
            throw new SecurityNegotiationException("A NegotiateStream data message cannot be unwrapped: "
                    + e.getMessage(), e);
        }
    }

    void dispose() {
        try {
            context.dispose();
        } catch (GSSException e) {
            // nothing to release
        }
    }
}
