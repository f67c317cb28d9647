package io.github.wcf4j.runtime.transport.tcp;

import io.github.wcf4j.binding.WcfText;
import io.github.wcf4j.binding.security.ProtectionLevel;
import io.github.wcf4j.runtime.channel.SecurityNegotiationException;
import io.github.wcf4j.runtime.security.KerberosCredentials;
import io.github.wcf4j.runtime.security.SpnegoContext;
import org.ietf.jgss.GSSException;

/**
 * One side of the SPNEGO context a NegotiateStream runs ([MS-NNS]; .NET's {@code NegoState} with the "Negotiate"
 * package), through JGSS: on the JVM its only mechanism is Kerberos. The initiator asks for mutual authentication,
 * integrity, replay and sequence detection, and with {@code EncryptAndSign} confidentiality (.NET's
 * {@code ValidateCreateContext} flags); both sides run as their {@link KerberosCredentials}' subject. After the
 * handshake, {@link #wrap} and {@link #unwrap} are GSS wrap tokens (RFC 4121), with confidentiality or, for
 * {@code Sign}, without (integrity only). It runs on a {@link SpnegoContext} and words its failures as .NET's
 * NegotiateStream does.
 */
final class NegotiateContext {
    /** The refusal of a client that offers NTLM only (as the other Kerberos acceptors of wcf4j word it). */
    static final String NTLM_ONLY = "The client offered NTLM only: wcf4j authenticates Windows callers with Kerberos, a"
            + " JVM cannot verify NTLM without a domain controller; the client must obtain a Kerberos ticket for this"
            + " service's principal (its endpoint identity).";

    private final SpnegoContext context;
    private final KerberosCredentials credentials;
    private final String target;

    private NegotiateContext(SpnegoContext context, KerberosCredentials credentials, String target) {
        this.context = context;
        this.credentials = credentials;
        this.target = target;
    }

    /** The client's side for the service principal {@code target} (an SPN such as {@code host/name}, or a UPN). */
    static NegotiateContext initiator(KerberosCredentials credentials, String target, ProtectionLevel level) {
        try {
            return new NegotiateContext(SpnegoContext.initiator(credentials, target,
                    new SpnegoContext.Requests(level == ProtectionLevel.EncryptAndSign, true, false)), credentials,
                    target);
        } catch (Exception e) {
            throw failed(credentials, target, e);
        }
    }

    /** The service's side: any principal whose keys its credentials hold. */
    static NegotiateContext acceptor(KerberosCredentials credentials) {
        try {
            return new NegotiateContext(SpnegoContext.acceptor(credentials), credentials, "");
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
        if (!context.isInitiator() && SpnegoContext.ntlmOnly(incoming)) {
            throw new SecurityNegotiationException(NTLM_ONLY, null);
        }
        try {
            return context.step(incoming);
        } catch (Exception e) {
            if (context.isInitiator()) {
                throw failed(credentials, target, e);
            }
            throw new SecurityNegotiationException("The caller was not authenticated by the service: "
                    + e.getMessage(), e);
        }
    }

    boolean established() {
        return context.established();
    }

    boolean mutual() {
        return context.mutual();
    }

    /** Whether the established context protects what the protection level asks for. */
    boolean protects(ProtectionLevel level) {
        return switch (level) {
            case None -> true;
            case Sign -> context.integrity();
            case EncryptAndSign -> context.integrity() && context.confidentiality();
        };
    }

    /** The authenticated peer: the client principal (acceptor) or the service principal (initiator). */
    String peer() {
        try {
            return context.peer();
        } catch (GSSException e) {
            throw new SecurityNegotiationException("The negotiated peer is unknown: " + e.getMessage(), e);
        }
    }

    /** The most plaintext one wrap token of at most {@code maxToken} bytes carries. */
    int maxPlain(boolean conf, int maxToken) {
        try {
            return context.maxPlain(conf, maxToken);
        } catch (GSSException e) {
            throw new SecurityNegotiationException("The negotiated context has no wrap size: " + e.getMessage(), e);
        }
    }

    byte[] wrap(byte[] data, int offset, int length, boolean conf) {
        try {
            return context.wrap(data, offset, length, conf);
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
        byte[] out;
        try {
            out = context.unwrap(token, conf);
        } catch (GSSException e) {
            throw new SecurityNegotiationException("A NegotiateStream data message cannot be unwrapped: "
                    + e.getMessage(), e);
        }
        if (out == null) {
            throw new SecurityNegotiationException("A NegotiateStream data message was not encrypted, although"
                    + " the protection level is EncryptAndSign.", null);
        }
        return out;
    }

    void dispose() {
        context.dispose();
    }
}
