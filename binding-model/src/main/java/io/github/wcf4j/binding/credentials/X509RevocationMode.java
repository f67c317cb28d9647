package io.github.wcf4j.binding.credentials;

/** Whether a certificate chain is checked for revocation (.NET {@code X509RevocationMode}), in .NET's order. */
public enum X509RevocationMode {
    NoCheck, Online, Offline
}
