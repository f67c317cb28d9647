package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The state a service keeps in the cookie of a security context token it issues in cookie mode
 * ({@code requireSecurityContextCancellation="false"}), so that it keeps none itself: the context's key, lifetime and
 * caller, sealed with AES-256-GCM under a key of this issuer, the context id bound as associated data. WCF seals the
 * same state with DPAPI ({@code DataProtectionSecurityStateEncoder}), which a JVM cannot open, so cookies of a .NET
 * service and of a wcf4j service are not interchangeable; clients only echo them, so either kind of client works with
 * either service.
 */
final class ContextCookies {
    private static final int VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec sealing;

    ContextCookies() {
        byte[] k = new byte[32];
        RANDOM.nextBytes(k);
        this.sealing = new SecretKeySpec(k, "AES");
    }

    /** What a cookie holds. */
    record State(String contextId, byte[] key, Instant created, Instant expires, ServiceSecurityContext caller) {
    }

    /** {@code state} sealed. */
    byte[] seal(State state) {
        ByteArrayOutputStream plain = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(plain)) {
            out.writeInt(VERSION);
            out.writeUTF(state.contextId());
            out.writeInt(state.key().length);
            out.write(state.key());
            out.writeLong(state.created().toEpochMilli());
            out.writeLong(state.expires().toEpochMilli());
            out.writeUTF(state.caller().authenticationType());
            out.writeUTF(state.caller().primaryIdentityName());
            byte[] certificate = state.caller().certificate().map(ContextCookies::encoded).orElse(new byte[0]);
            out.writeInt(certificate.length);
            out.write(certificate);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, sealing, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(state.contextId().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(plain.toByteArray());
            byte[] cookie = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, cookie, NONCE_BYTES, sealed.length);
            return cookie;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a security context cookie", e);
        }
    }

    /**
     * The state of a cookie this issuer sealed for {@code contextId}, still valid at {@code now}.
     *
     * @throws MessageSecurityException when it was not sealed here, not for that context, or has expired
     */
    State open(byte[] cookie, String contextId, Instant now) {
        if (cookie.length <= NONCE_BYTES) {
            throw invalid();
        }
        byte[] plain;
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, sealing, new GCMParameterSpec(TAG_BITS, cookie, 0, NONCE_BYTES));
            c.updateAAD(contextId.getBytes(StandardCharsets.UTF_8));
            plain = c.doFinal(cookie, NONCE_BYTES, cookie.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw invalid();
        }
        State state;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
            if (in.readInt() != VERSION) {
                throw invalid();
            }
            String id = in.readUTF();
            byte[] key = in.readNBytes(in.readInt());
            Instant created = Instant.ofEpochMilli(in.readLong());
            Instant expires = Instant.ofEpochMilli(in.readLong());
            String type = in.readUTF();
            String name = in.readUTF();
            byte[] certificate = in.readNBytes(in.readInt());
            state = new State(id, key, created, expires, new ServiceSecurityContext(name, type,
                    certificate.length == 0 ? Optional.empty() : Optional.of(certificate(certificate))));
        } catch (IOException e) {
            throw invalid();
        }
        if (!state.contextId().equals(contextId)) {
            throw invalid();
        }
        if (!now.isBefore(state.expires())) {
            throw new MessageSecurityException("The security context token has expired (at " + state.expires()
                    + ").");
        }
        return state;
    }

    private static MessageSecurityException invalid() {
        return new MessageSecurityException("The security context cookie is not valid.");
    }

    private static byte[] encoded(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(byte[] der) throws IOException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IOException(e);
        }
    }
}
