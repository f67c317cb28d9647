package io.github.wcf4j.runtime.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.crypto.EncryptionHandler;
import org.apache.kerby.kerberos.kerb.keytab.Keytab;
import org.apache.kerby.kerberos.kerb.type.KerberosTime;
import org.apache.kerby.kerberos.kerb.type.ap.ApReq;
import org.apache.kerby.kerberos.kerb.type.base.EncryptedData;
import org.apache.kerby.kerberos.kerb.type.base.EncryptionKey;
import org.apache.kerby.kerberos.kerb.type.base.KeyUsage;
import org.apache.kerby.kerberos.kerb.type.base.PrincipalName;
import org.apache.kerby.kerberos.kerb.type.ticket.EncTicketPart;
import org.apache.kerby.kerberos.kerb.type.ticket.Ticket;

/**
 * Re-issues the service ticket inside a GSS-framed Kerberos AP-REQ with other validity times, as a KDC holding the
 * service's key would have issued it (the ticket's encrypted part decrypted and encrypted again under the key of the
 * service's keytab); everything else, the authenticator with its GSS checksum and sub-key included, stays as the JDK's
 * initiator wrote it. So a test gets a ticket past its end time without waiting for one to expire: the JDK's acceptor
 * reads the system clock, which a test cannot move, and a KDC issues tickets from its own "now" only.
 */
public final class KerberosTicketTimes {
    /** The GSS framing's Kerberos mechanism OID (DER) and the AP-REQ token id that follow the 0x60 tag and length. */
    private static final int MECHANISM_AND_TOKEN_ID = 11 + 2;

    private final Keytab keytab;
    private final PrincipalName service;

    private KerberosTicketTimes(Keytab keytab, PrincipalName service) {
        this.keytab = keytab;
        this.service = service;
    }

    /** For tickets to {@code principal} (e.g. {@code host/localhost}) of the embedded KDC, keyed by its keytab. */
    public static KerberosTicketTimes of(EmbeddedKdc kdc, String principal) {
        Path file = kdc.keytab(principal);
        try {
            return new KerberosTicketTimes(Keytab.loadKeytab(file.toFile()),
                    new PrincipalName(principal + "@" + EmbeddedKdc.REALM));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code gssToken} with its ticket valid from {@code start} to {@code end} (auth time = start). */
    public byte[] revalidated(byte[] gssToken, Instant start, Instant end) {
        int[] header = derHeader(gssToken);
        int inner = header[0];
        byte[] apReqBytes = Arrays.copyOfRange(gssToken, inner + MECHANISM_AND_TOKEN_ID, gssToken.length);
        byte[] prefix = Arrays.copyOfRange(gssToken, inner, inner + MECHANISM_AND_TOKEN_ID);
        try {
            ApReq apReq = new ApReq();
            apReq.decode(apReqBytes);
            Ticket ticket = apReq.getTicket();
            EncryptedData sealed = ticket.getEncryptedEncPart();
            EncryptionKey key = keytab.getKey(service, sealed.getEType());
            EncTicketPart part = new EncTicketPart();
            part.decode(EncryptionHandler.decrypt(sealed, key, KeyUsage.KDC_REP_TICKET));
            part.setAuthTime(new KerberosTime(start.toEpochMilli()));
            part.setStartTime(new KerberosTime(start.toEpochMilli()));
            part.setEndTime(new KerberosTime(end.toEpochMilli()));
            EncryptedData resealed = EncryptionHandler.encrypt(part.encode(), key, KeyUsage.KDC_REP_TICKET);
            resealed.setKvno(sealed.getKvno());
            ticket.setEncryptedEncPart(resealed);
            apReq.setTicket(ticket);
            return gssFramed(prefix, apReq.encode());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (KrbException e) {
            throw new IllegalStateException("the ticket cannot be re-issued", e);
        }
    }

    /** {@code [offset of the content]} of the outer DER element. */
    private static int[] derHeader(byte[] token) {
        if ((token[0] & 0xff) != 0x60) {
            throw new IllegalArgumentException("not a GSS initial context token");
        }
        int first = token[1] & 0xff;
        return new int[] {first < 0x80 ? 2 : 2 + (first & 0x7f)};
    }

    private static byte[] gssFramed(byte[] prefix, byte[] apReq) {
        int length = prefix.length + apReq.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x60);
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xff);
        }
        out.writeBytes(prefix);
        out.writeBytes(apReq);
        return out.toByteArray();
    }
}
