package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * The symmetric key of a message encrypted to the service's RSA key ({@code xenc:EncryptedKey}; WCF
 * {@code WrappedKeySecurityToken}): RSA-OAEP with SHA-1 and MGF1-SHA-1 ({@code rsa-oaep-mgf1p}), or PKCS#1 v1.5 under
 * the {@code *Rsa15} suites only. A reply names the key by {@code EncryptedKeySHA1}: the SHA-1 of the wrapped bytes.
 *
 * <p>Unwrapping fails with one text whatever went wrong (Bleichenbacher-style oracles); the caller then answers with
 * WCF's generic fault, as for a failed decryption.
 */
final class KeyWrap {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final OAEPParameterSpec OAEP = new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1,
            PSource.PSpecified.DEFAULT);

    private KeyWrap() {
    }

    /** A fresh symmetric key of {@code bits}. */
    static byte[] generateKey(int bits) {
        byte[] key = new byte[bits / 8];
        RANDOM.nextBytes(key);
        return key;
    }

    /** {@code key} wrapped to {@code recipient} with {@code algorithm} (one of the suites' asymmetric key wraps). */
    static byte[] wrap(String algorithm, PublicKey recipient, byte[] key) {
        try {
            Cipher c = cipher(algorithm);
            if (algorithm.equals(AlgorithmSuite.RSA_OAEP)) {
                c.init(Cipher.ENCRYPT_MODE, recipient, OAEP, RANDOM);
            } else {
                c.init(Cipher.ENCRYPT_MODE, recipient, RANDOM);
            }
            return c.doFinal(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot wrap a key with " + algorithm + ": " + e.getMessage(), e);
        }
    }

    /**
     * The key {@code wrapped} to {@code own}.
     *
     * @throws MessageSecurityException ({@link BlockCipher#DECRYPTION_FAILED}, no cause) for any failure
     */
    static byte[] unwrap(String algorithm, PrivateKey own, byte[] wrapped) {
        try {
            Cipher c = cipher(algorithm);
            if (algorithm.equals(AlgorithmSuite.RSA_OAEP)) {
                c.init(Cipher.DECRYPT_MODE, own, OAEP);
            } else {
                c.init(Cipher.DECRYPT_MODE, own);
            }
            return c.doFinal(wrapped);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new MessageSecurityException(BlockCipher.DECRYPTION_FAILED);
        }
    }

    /** The {@code EncryptedKeySHA1} identifier of a wrapped key: base64 of SHA-1 over its bytes. */
    static String encryptedKeySha1(byte[] wrapped) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(wrapped));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }

    private static Cipher cipher(String algorithm) throws GeneralSecurityException {
        return switch (algorithm) {
            case AlgorithmSuite.RSA_OAEP -> Cipher.getInstance("RSA/ECB/OAEPPadding");
            case AlgorithmSuite.RSA_15 -> Cipher.getInstance("RSA/ECB/PKCS1Padding");
            default -> throw new IllegalArgumentException("not an asymmetric key wrap algorithm: " + algorithm);
        };
    }
}
