package io.github.wcf4j.binding.address;

/** Whose certificate stores a {@code <certificateReference>} searches (.NET {@code X509Certificates.StoreLocation}). */
public enum StoreLocation {
    CurrentUser, LocalMachine
}
