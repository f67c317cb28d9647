package io.github.wcf4j.runtime.security.message;

/**
 * How a received certificate is trusted (WCF {@code X509CertificateValidationMode}).
 */
public enum CertificateValidationMode {
    /** Any certificate (WCF {@code None}). */
    None,
    /** The certificate itself is in the trusted people. */
    PeerTrust,
    /** Its chain builds to a trusted root (WCF's default). */
    ChainTrust,
    /** Either. */
    PeerOrChainTrust,
    /** As an {@link X509CertificateValidator} decides. */
    Custom
}
