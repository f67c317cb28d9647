package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.binding.security.SecurityAlgorithmSuite;

/**
 * The algorithms of a {@code defaultAlgorithmSuite} (WCF {@code SecurityAlgorithmSuite}): every suite canonicalizes
 * with exclusive c14n and derives keys with P_SHA1; the {@code *Sha256} suites digest with SHA-256 and sign with
 * RSA-SHA256 / HMAC-SHA256, the others with SHA-1; the {@code *Rsa15} suites wrap keys to an RSA key with PKCS#1 v1.5,
 * the others with RSA-OAEP. As WCF's receivers, wcf4j accepts exactly the suite's algorithm in each slot.
 *
 * @param name                 the configuration name ({@code Default} is Basic256)
 * @param digest               {@code DefaultDigestAlgorithm}
 * @param asymmetricSignature  {@code DefaultAsymmetricSignatureAlgorithm}
 * @param symmetricSignature   {@code DefaultSymmetricSignatureAlgorithm} (HMAC)
 * @param encryption           {@code DefaultEncryptionAlgorithm} (a CBC block cipher)
 * @param asymmetricKeyWrap    {@code DefaultAsymmetricKeyWrapAlgorithm}
 * @param keyBits              {@code DefaultSymmetricKeyLength}: the key a client generates, and the shortest the
 *                             suite accepts ({@code IsSymmetricKeyLengthSupported}: up to 256 bits)
 * @param signingDerivationBits    {@code DefaultSignatureKeyDerivationLength}
 * @param encryptionDerivationBits {@code DefaultEncryptionKeyDerivationLength}
 */
record AlgorithmSuite(String name, String digest, String asymmetricSignature, String symmetricSignature,
        String encryption, String asymmetricKeyWrap, int keyBits, int signingDerivationBits,
        int encryptionDerivationBits) {
    static final String SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";
    static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    static final String HMAC_SHA1 = "http://www.w3.org/2000/09/xmldsig#hmac-sha1";
    static final String HMAC_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#hmac-sha256";
    static final String RSA_OAEP = "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p";
    static final String RSA_15 = "http://www.w3.org/2001/04/xmlenc#rsa-1_5";
    static final String AES128 = "http://www.w3.org/2001/04/xmlenc#aes128-cbc";
    static final String AES192 = "http://www.w3.org/2001/04/xmlenc#aes192-cbc";
    static final String AES256 = "http://www.w3.org/2001/04/xmlenc#aes256-cbc";
    static final String TRIPLE_DES = "http://www.w3.org/2001/04/xmlenc#tripledes-cbc";

    static AlgorithmSuite forName(String configName) {
        if (!SecurityAlgorithmSuite.isValid(configName)) {
            throw new IllegalArgumentException("unknown algorithm suite " + configName);
        }
        String name = configName.equals(SecurityAlgorithmSuite.DEFAULT) ? "Basic256" : configName;
        boolean sha256 = name.contains("Sha256");
        String wrap = name.endsWith("Rsa15") ? RSA_15 : RSA_OAEP;
        String digest = sha256 ? SHA256 : SHA1;
        String rsa = sha256 ? RSA_SHA256 : RSA_SHA1;
        String hmac = sha256 ? HMAC_SHA256 : HMAC_SHA1;
        if (name.startsWith("Basic256")) {
            return new AlgorithmSuite(name, digest, rsa, hmac, AES256, wrap, 256, 192, 256);
        }
        if (name.startsWith("Basic192")) {
            return new AlgorithmSuite(name, digest, rsa, hmac, AES192, wrap, 192, 192, 192);
        }
        if (name.startsWith("Basic128")) {
            return new AlgorithmSuite(name, digest, rsa, hmac, AES128, wrap, 128, 128, 128);
        }
        return new AlgorithmSuite(name, digest, rsa, hmac, TRIPLE_DES, wrap, 192, 192, 192);
    }

    /** The JCA signature algorithm for {@link #asymmetricSignature}. */
    String jcaSignature() {
        return asymmetricSignature.equals(RSA_SHA256) ? "SHA256withRSA" : "SHA1withRSA";
    }

    /** The JCA MAC algorithm for {@link #symmetricSignature}. */
    String jcaMac() {
        return symmetricSignature.equals(HMAC_SHA256) ? "HmacSHA256" : "HmacSHA1";
    }

    /** Whether a symmetric key of {@code bits} is one this suite accepts (WCF {@code IsSymmetricKeyLengthSupported}). */
    boolean acceptsKeyBits(int bits) {
        return bits >= keyBits && bits <= 256;
    }

    /** WCF's name of the suite in texts ({@code Basic256}, ...). */
    @Override
    public String toString() {
        return name;
    }
}
