package io.github.wcf4j.binding.credentials;

/**
 * How a certificate is trusted (WCF {@code X509CertificateValidationMode}), in .NET's order: {@code PeerTrust} means
 * "in the TrustedPeople store", {@code ChainTrust} "chains to a trusted root", {@code Custom} "as the
 * {@code customCertificateValidatorType} decides".
 */
public enum X509CertificateValidationMode {
    None, PeerTrust, ChainTrust, PeerOrChainTrust, Custom
}
