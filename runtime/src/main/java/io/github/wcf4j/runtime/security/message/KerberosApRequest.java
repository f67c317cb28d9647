package io.github.wcf4j.runtime.security.message;

import com.sun.security.jgss.ExtendedGSSContext;
import com.sun.security.jgss.InquireType;
import io.github.wcf4j.runtime.security.KerberosCredentials;
import io.github.wcf4j.runtime.security.SpnegoContext;
import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSCredential;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;

/**
 * A Kerberos AP-REQ as the WS-Security Kerberos Token Profile 1.1 carries it ({@code ValueType}
 * {@value #VALUE_TYPE}): the GSS initial context token of the Kerberos mechanism ({@code 1.2.840.113554.1.2.2}, RFC
 * 1964/4121 framing kept, as WCF's {@code KerberosRequestorSecurityToken} keeps SSPI's output whole), and the key both
 * sides agree on from it.
 *
 * <p>The client's side is WCF's {@code KerberosRequestorSecurityToken}: one SSPI "Kerberos" context per token, no
 * mutual authentication (one message, no AP-REP), confidentiality, replay and sequence detection; the key is the
 * context's session key ({@code SECPKG_ATTR_SESSION_KEY}). The service's side is {@code KerberosReceiverSecurityToken}:
 * {@code AcceptSecurityContext} completes in one leg (a second one is WCF's {@code KerberosMultilegsNotSupported}), the
 * key is again the context's session key. On the JVM both sides are JGSS with the Kerberos mechanism, the key
 * {@link InquireType#KRB5_GET_SESSION_KEY}: the context key, which is the sub-key of the authenticator when the
 * initiator sent one (the JDK always does, as Windows does) and the ticket's session key otherwise; that is what
 * SSPI's session key attribute returns too. JGSS's acceptor keeps a replay cache of authenticators (the JDK's
 * default {@code sun.security.krb5.rcache}, in memory), as SSPI does: a replayed AP-REQ is refused there.
 *
 * <p>A reply names the token by {@code KeyIdentifier} {@value #SHA1_VALUE_TYPE}: the SHA-1 of these bytes (WCF's
 * {@code KerberosTicketHashKeyIdentifierClause}).
 */
final class KerberosApRequest {
    /** The token's {@code ValueType} (WCF {@code SecurityJan2004Strings.KerberosTokenTypeGSS}). */
    static final String VALUE_TYPE =
            "http://docs.oasis-open.org/wss/oasis-wss-kerberos-token-profile-1.1#GSS_Kerberosv5_AP_REQ";
    /** The raw (RFC 1510) AP-REQ's {@code ValueType}, which WCF also reads. */
    static final String VALUE_TYPE_1510 =
            "http://docs.oasis-open.org/wss/oasis-wss-kerberos-token-profile-1.1#GSS_Kerberosv5_AP_REQ1510";
    /** The reply's key identifier ({@code KerberosHashStrEntry}). */
    static final String SHA1_VALUE_TYPE =
            "http://docs.oasis-open.org/wss/oasis-wss-kerberos-token-profile-1.1#Kerberosv5APREQSHA1";

    /** What the client sent: the token and the key it agrees on. */
    record Requested(byte[] token, byte[] key) {
        /** The token's SHA-1, base64: how a reply names it. */
        String sha1() {
            return KerberosApRequest.sha1(token);
        }
    }

    /**
     * What the service's acceptor made of a token: the key, the client principal and whether the client delegated
     * its credentials (the {@code credDeleg} flag; {@code allowedImpersonationLevel="Delegation"}).
     */
    record Accepted(byte[] key, String client, boolean delegated) {
    }

    private KerberosApRequest() {
    }

    /**
     * The client's token for the service principal {@code target} (an SPN such as {@code host/name}, or a UPN), as
     * {@code credentials}' subject; with {@code delegation}, the client's credentials are delegated (the
     * {@code credDeleg} flag, which a KDC grants only to a service trusted for delegation).
     *
     * @throws MessageSecurityException when no ticket can be had (the KDC does not know the target, no login)
     */
    static Requested request(KerberosCredentials credentials, String target, boolean delegation) {
        try {
            return credentials.run(true, () -> {
                GSSManager manager = GSSManager.getInstance();
                GSSCredential own = manager.createCredential(null, GSSCredential.DEFAULT_LIFETIME,
                        SpnegoContext.KRB5, GSSCredential.INITIATE_ONLY);
                GSSContext c = manager.createContext(manager.createName(target, SpnegoContext.KRB5_PRINCIPAL_NAME),
                        SpnegoContext.KRB5, own, GSSContext.DEFAULT_LIFETIME);
                try {
                    c.requestMutualAuth(false);
                    c.requestConf(true);
                    c.requestInteg(true);
                    c.requestReplayDet(true);
                    c.requestSequenceDet(true);
                    c.requestCredDeleg(delegation);
                    byte[] token = c.initSecContext(new byte[0], 0, 0);
                    if (!c.isEstablished()) {
                        throw new MessageSecurityException("The Kerberos context needs more than one leg, which the"
                                + " Kerberos token profile cannot carry (WCF's KerberosMultilegsNotSupported).");
                    }
                    return new Requested(token, sessionKey(c));
                } finally {
                    c.dispose();
                }
            });
        } catch (MessageSecurityException e) {
            throw e;
        } catch (Exception e) {
            throw new MessageSecurityException("A Kerberos ticket for the service principal '" + target + "' cannot"
                    + " be obtained for " + credentials.describe() + " (WCF's UnableToCreateKerberosCredentials): "
                    + e.getMessage() + ". Check the endpoint's <identity> (servicePrincipalName, userPrincipalName)"
                    + " or WCF's default host/<address host>, and that the KDC knows that principal; NTLM is not a"
                    + " fall back for the Kerberos token profile.", e);
        }
    }

    /**
     * The service's acceptance of {@code token} with the keys of {@code credentials} (any principal they hold).
     *
     * @throws SecurityTokenValidationException when the token does not authenticate its client (a ticket for a
     *                                          principal whose keys this service does not hold, a replayed or expired
     *                                          authenticator, a second leg)
     */
    static Accepted accept(KerberosCredentials credentials, byte[] token) {
        try {
            return credentials.run(false, () -> {
                GSSManager manager = GSSManager.getInstance();
                GSSCredential own = manager.createCredential(null, GSSCredential.INDEFINITE_LIFETIME,
                        SpnegoContext.KRB5, GSSCredential.ACCEPT_ONLY);
                GSSContext c = manager.createContext(own);
                try {
                    c.acceptSecContext(token, 0, token.length);
                    if (!c.isEstablished()) {
                        throw new SecurityTokenValidationException("The Kerberos AP-REQ needs a second leg, which the"
                                + " Kerberos token profile cannot carry (WCF's KerberosMultilegsNotSupported).");
                    }
                    return new Accepted(sessionKey(c), c.getSrcName().toString(), c.getCredDelegState());
                } finally {
                    c.dispose();
                }
            });
        } catch (SecurityTokenValidationException e) {
            throw e;
        } catch (Exception e) {
            throw new SecurityTokenValidationException("The Kerberos AP-REQ was not accepted (WCF's"
                    + " FailAcceptSecurityContext): " + e.getMessage());
        }
    }

    private static byte[] sessionKey(GSSContext c) throws GSSException {
        Key key = (Key) ((ExtendedGSSContext) c).inquireSecContext(InquireType.KRB5_GET_SESSION_KEY);
        return key.getEncoded();
    }

    /** The base64 SHA-1 of {@code token}. */
    static String sha1(byte[] token) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(token));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
