package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.runtime.security.MessageSecurityException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * XML Encryption's block encryption (the suites' {@code aes*-cbc} and {@code tripledes-cbc}): a random IV, CBC, the
 * spec's padding (the last byte counts the padding bytes, the others are arbitrary: the JDK's ISO 10126 padding), the
 * cipher value being IV ‖ ciphertext.
 *
 * <p>Every decryption failure (a wrong key, a bad length, bad padding) is the same {@link MessageSecurityException}
 * with the same text, so a tampered cipher value reveals nothing about why it failed (Jager and Somorovsky's padding
 * oracle on XML Encryption); callers answer it with WCF's generic fault.
 */
final class BlockCipher {
    static final String DECRYPTION_FAILED = "The message could not be decrypted.";
    private static final SecureRandom RANDOM = new SecureRandom();

    private BlockCipher() {
    }

    /** {@code plain} encrypted with {@code key} under {@code algorithm} (one of the suites' encryption URIs). */
    static byte[] encrypt(String algorithm, byte[] key, byte[] plain) {
        Spec spec = Spec.of(algorithm);
        byte[] iv = new byte[spec.blockSize];
        RANDOM.nextBytes(iv);
        try {
            Cipher c = Cipher.getInstance(spec.transformation);
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, spec.keyAlgorithm), new IvParameterSpec(iv), RANDOM);
            byte[] body = c.doFinal(plain);
            byte[] out = Arrays.copyOf(iv, iv.length + body.length);
            System.arraycopy(body, 0, out, iv.length, body.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot encrypt with " + algorithm + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code cipherValue} (IV ‖ ciphertext) decrypted with {@code key}.
     *
     * @throws MessageSecurityException ({@link #DECRYPTION_FAILED}, no cause) for any failure
     */
    static byte[] decrypt(String algorithm, byte[] key, byte[] cipherValue) {
        Spec spec = Spec.of(algorithm);
        if (cipherValue.length < 2 * spec.blockSize || cipherValue.length % spec.blockSize != 0) {
            throw new MessageSecurityException(DECRYPTION_FAILED);
        }
        try {
            Cipher c = Cipher.getInstance(spec.transformation);
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, spec.keyAlgorithm),
                    new IvParameterSpec(cipherValue, 0, spec.blockSize));
            return c.doFinal(cipherValue, spec.blockSize, cipherValue.length - spec.blockSize);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new MessageSecurityException(DECRYPTION_FAILED);
        }
    }

    private record Spec(String transformation, String keyAlgorithm, int blockSize) {
        static Spec of(String algorithm) {
            return switch (algorithm) {
                case AlgorithmSuite.AES128, AlgorithmSuite.AES192, AlgorithmSuite.AES256 ->
                        new Spec("AES/CBC/ISO10126Padding", "AES", 16);
                case AlgorithmSuite.TRIPLE_DES -> new Spec("DESede/CBC/ISO10126Padding", "DESede", 8);
                default -> throw new IllegalArgumentException("not a block encryption algorithm: " + algorithm);
            };
        }
    }
}
