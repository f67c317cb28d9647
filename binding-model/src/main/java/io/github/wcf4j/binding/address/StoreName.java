package io.github.wcf4j.binding.address;

/** The certificate store a {@code <certificateReference>} searches (.NET {@code X509Certificates.StoreName}). */
public enum StoreName {
    AddressBook, AuthRoot, CertificateAuthority, Disallowed, My, Root, TrustedPeople, TrustedPublisher
}
