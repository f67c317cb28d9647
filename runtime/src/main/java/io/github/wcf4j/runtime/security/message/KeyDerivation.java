package io.github.wcf4j.runtime.security.message;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * P_SHA1 key derivation (WS-SecureConversation "Deriving Keys", TLS 1.0's PRF half; WCF
 * {@code Psha1DerivedKeyGenerator}): {@code P_SHA1(secret, label ‖ nonce)} read from byte {@code offset}. WCF writes
 * no label, so both sides use the default one, {@code "WS-SecureConversationWS-SecureConversation"}.
 */
final class KeyDerivation {
    static final String DEFAULT_LABEL = "WS-SecureConversationWS-SecureConversation";

    private KeyDerivation() {
    }

    /** {@code length} bytes of {@code P_SHA1(secret, label ‖ nonce)} from byte {@code offset}. */
    static byte[] pSha1(byte[] secret, String label, byte[] nonce, int offset, int length) {
        byte[] labelBytes = label.getBytes(StandardCharsets.UTF_8);
        byte[] seed = new byte[labelBytes.length + nonce.length];
        System.arraycopy(labelBytes, 0, seed, 0, labelBytes.length);
        System.arraycopy(nonce, 0, seed, labelBytes.length, nonce.length);
        Mac hmac = hmacSha1(secret);
        byte[] out = new byte[length];
        byte[] a = seed;
        int produced = 0;
        int written = 0;
        while (written < length) {
            a = hmac.doFinal(a);
            hmac.update(a);
            hmac.update(seed);
            byte[] block = hmac.doFinal();
            for (byte b : block) {
                if (produced++ >= offset && written < length) {
                    out[written++] = b;
                }
            }
        }
        return out;
    }

    private static Mac hmacSha1(byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available", e);
        }
    }
}
