package io.github.wcf4j.runtime.security.message;

import io.github.wcf4j.binding.security.SecurityAlgorithmSuite;

/**
 * The algorithms of a {@code defaultAlgorithmSuite} that a transport-secured header uses (WCF
 * {@code SecurityAlgorithmSuite}): every suite canonicalizes with exclusive c14n; the {@code *Sha256} suites digest with
 * SHA-256 and sign with RSA-SHA256, the others with SHA-1 and RSA-SHA1. As WCF's receivers, wcf4j accepts exactly the
 * suite's algorithm in each slot.
 *
 * @param name               the configuration name ({@code Default} is Basic256)
 * @param digest             {@code DefaultDigestAlgorithm}
 * @param asymmetricSignature {@code DefaultAsymmetricSignatureAlgorithm}
 */
record AlgorithmSuite(String name, String digest, String asymmetricSignature) {
    static final String SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";
    static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

    static AlgorithmSuite forName(String configName) {
        if (!SecurityAlgorithmSuite.isValid(configName)) {
            throw new IllegalArgumentException("unknown algorithm suite " + configName);
        }
        String name = configName.equals(SecurityAlgorithmSuite.DEFAULT) ? "Basic256" : configName;
        return name.contains("Sha256") ? new AlgorithmSuite(name, SHA256, RSA_SHA256)
                : new AlgorithmSuite(name, SHA1, RSA_SHA1);
    }

    /** The JCA signature algorithm for {@link #asymmetricSignature}. */
    String jcaSignature() {
        return asymmetricSignature.equals(RSA_SHA256) ? "SHA256withRSA" : "SHA1withRSA";
    }

    /** WCF's name of the suite in texts ({@code Basic256}, ...). */
    @Override
    public String toString() {
        return name;
    }
}
